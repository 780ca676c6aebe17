package dev.apigwmcp.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.apigwmcp.runtime.Gateway;
import dev.apigwmcp.runtime.auth.AwsKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The launcher asks for one full collection once the tool service's warm-up is done, so that the garbage of the
 * start is not kept resident (observed through the collectors' notifications, which name the cause).
 */
@Timeout(60)
class GatewayCollectionAfterWarmUpTest {

    private static final AwsKeys KEYS = new AwsKeys("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n"
            + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n";

    @Test
    void theGatewayAsksForAFullCollectionAfterItsWarmUp() throws Exception {
        CountDownLatch explicit = new CountDownLatch(1);
        NotificationListener listener = (notification, handback) -> {
            if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                if (info.getGcCause().equals("System.gc()")) {
                    explicit.countDown();
                }
            }
        };
        List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
        collectors.forEach(c -> ((NotificationEmitter) c).addNotificationListener(listener, null, null));
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int status = new Gateway(
                            List.of(new PetsToolServiceFactory(profile -> () -> KEYS)),
                            Map.of("PETS_KEY", "k-1"),
                            new PrintStream(out, true, StandardCharsets.UTF_8),
                            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                    .run(
                            new String[] {
                                "--target.pets.api-key-env", "PETS_KEY",
                                "--target.pets.oauth2.token-url", "http://127.0.0.1:9/token",
                                "--target.pets.oauth2.client-id", "c-1",
                                "--target.pets.oauth2.client-secret-env", "PETS_KEY"
                            },
                            new ByteArrayInputStream(INITIALIZE.getBytes(StandardCharsets.UTF_8)));
            assertThat(status).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"id\":2");
            assertThat(explicit.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            for (GarbageCollectorMXBean collector : collectors) {
                ((NotificationEmitter) collector).removeNotificationListener(listener);
            }
        }
    }
}
