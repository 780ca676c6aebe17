package dev.apigwmcp.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.testing.GatewayMainProcess;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A port in use, as the user sees it from the launched process: one line, no log line of Jetty's before it. */
@Timeout(60)
class BusyPortProcessTest {

    @Test
    void aPortInUseGivesOneLineAndNothingElse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                GatewayMainProcess gateway = GatewayMainProcess.of(PetsGatewayMain.class)
                        .args("--target.pets.base-url", "http://127.0.0.1:9")
                        .args(PetsGatewayMain.CREDENTIALS)
                        .args("--transport", "http", "--port", String.valueOf(taken.getLocalPort()))
                        .environment(Map.of("PETS_KEY", "k-1"))
                        .start()) {
            assertThat(gateway.process().waitFor(50, TimeUnit.SECONDS)).isTrue();
            assertThat(gateway.process().exitValue()).isEqualTo(3);
            assertThat(gateway.stderrLines())
                    .singleElement()
                    .asString()
                    .startsWith("apigw-mcp: port " + taken.getLocalPort() + " on 127.0.0.1 is already in use");
        }
    }
}
