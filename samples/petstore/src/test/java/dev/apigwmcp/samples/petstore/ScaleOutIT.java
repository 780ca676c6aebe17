package dev.apigwmcp.samples.petstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.testing.GatewayProcess;
import dev.apigwmcp.runtime.testing.NodeModules;
import dev.apigwmcp.runtime.testing.RoundRobinProxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Any replica serves any request: two gateway processes that share a session key, behind a proxy with no session
 * affinity, and one legacy session of the official TypeScript SDK client spread over both — initialize on A,
 * tools/list and tools/call on B, ping on A.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ScaleOutIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path WORK = MODULE.resolve("target/e2e/scale-out");
    private static final Path CLIENT_SCRIPT = MODULE.resolve("src/test/node/mcp-client.cjs");

    @Test
    void oneLegacySessionIsServedByTwoReplicasThatShareASessionKey() throws Exception {
        Files.createDirectories(WORK);
        NodeModules node = NodeModules.ensureInstalled(WORK);
        Path jar = Path.of(System.getProperty("gateway.jar", "target/petstore-gateway.jar"))
                .toAbsolutePath();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path keyFile = Files.writeString(
                WORK.resolve("session.key"), Base64.getEncoder().encodeToString(key) + "\n");
        String[] args = {"--demo", "--transport", "http", "--port", "0", "--session.key-file", keyFile.toString()};
        AtomicInteger turn = new AtomicInteger();
        try (GatewayProcess a = GatewayProcess.startHttp(jar, WORK.resolve("replica-a.log"), args);
                GatewayProcess b = GatewayProcess.startHttp(jar, WORK.resolve("replica-b.log"), args);
                RoundRobinProxy proxy = RoundRobinProxy.start(List.of(a.endpoint(), b.endpoint()), request -> {
                    String method = request.rpcMethod() == null ? "" : request.rpcMethod();
                    return switch (method) {
                        case "initialize", "ping" -> 0;
                        case "tools/list", "tools/call" -> 1;
                        default -> turn.getAndIncrement() % 2;
                    };
                })) {
            ObjectNode plan = JSON.createObjectNode();
            plan.put("modules", node.modules().toString());
            plan.put("out", WORK.resolve("transcript.json").toString());
            plan.put("transport", "http");
            plan.put("url", proxy.endpoint().toString());
            plan.put("ping", true);
            plan.putArray("calls")
                    .addObject()
                    .put("name", "petstore___getPet")
                    .putObject("arguments")
                    .put("petId", "1");
            Path planFile = Files.writeString(WORK.resolve("plan.json"), JSON.writeValueAsString(plan));
            Path log = WORK.resolve("client.log");

            int exit = node.run(List.of(CLIENT_SCRIPT.toString(), planFile.toString()), WORK, log, 120);

            assertThat(exit)
                    .as(
                            "the SDK client (exit %s); output in %s:%n%s%nrouted: %s",
                            exit, log, Files.readString(log, StandardCharsets.UTF_8), proxy.routed())
                    .isZero();
            JsonNode transcript = JSON.readTree(WORK.resolve("transcript.json").toFile());
            assertThat(transcript.path("tools").size()).isGreaterThan(3);
            JsonNode call = transcript.path("calls").get(0);
            assertThat(call.path("result").path("isError").asBoolean(false))
                    .as(call.toString())
                    .isFalse();
            assertThat(call.path("result")
                            .path("structuredContent")
                            .path("name")
                            .asString())
                    .isEqualTo("Rex");
            assertThat(transcript.path("pinged").asBoolean()).isTrue();
            assertThat(proxy.routed())
                    .filteredOn(routed -> "initialize".equals(routed.rpcMethod()))
                    .singleElement()
                    .satisfies(routed -> assertThat(routed.replica()).isZero());
            assertThat(proxy.routed())
                    .filteredOn(routed ->
                            "tools/list".equals(routed.rpcMethod()) || "tools/call".equals(routed.rpcMethod()))
                    .hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(routed -> {
                        assertThat(routed.replica()).isEqualTo(1);
                        assertThat(routed.status()).isEqualTo(200);
                    });
            assertThat(proxy.routed())
                    .filteredOn(routed -> "ping".equals(routed.rpcMethod()))
                    .singleElement()
                    .satisfies(routed -> assertThat(routed.replica()).isZero());
        }
    }
}
