package dev.apigwmcp.runtime.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.protocol.McpServer;
import dev.apigwmcp.runtime.protocol.ServerOptions;
import dev.apigwmcp.runtime.testing.NodeModules;
import dev.apigwmcp.runtime.transport.HttpOptions;
import dev.apigwmcp.runtime.transport.HttpTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The official TypeScript SDK client (1.32.2) against a gateway that requires tokens: without credentials it is
 * refused; with the SDK's client-credentials provider it follows the 401 to the protected resource metadata, the
 * issuer's metadata and token endpoint (a Cognito-like issuer on 127.0.0.1), connects with the token, and sees and
 * calls the tools its scopes allow. Needs Node ({@link NodeModules}); skipped with {@code -Dconformance.skip=true}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TypeScriptClientAuthorizationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theSdkClientDiscoversTheIssuerFromThe401AndConnectsWithItsToken() throws Exception {
        Assumptions.assumeFalse(
                Boolean.getBoolean("conformance.skip"), "Node tests skipped by -Dconformance.skip=true");
        Path module = Path.of("").toAbsolutePath();
        NodeModules node = NodeModules.ensureInstalled(module.resolve("target"));
        Path workDir = Files.createDirectories(module.resolve("target/typescript-authorization"));
        Path out = workDir.resolve("results.json");
        Files.deleteIfExists(out);
        try (TestIssuer issuer = new TestIssuer()) {
            issuer.register(new TestIssuer.Client("reader-app", "reader-secret", Set.of("mcp/read")));
            issuer.register(new TestIssuer.Client("writer-app", "writer-secret", Set.of("mcp/read", "mcp/write")));
            InboundConfig config = InboundConfig.read(
                    Settings.of(Map.of(
                            "inbound.jwt.discovery-url",
                            issuer.discoveryUrl().toString(),
                            "inbound.jwt.allowed-clients",
                            "reader-app,writer-app",
                            "inbound.scope.read-only",
                            "mcp/read",
                            "inbound.scope.write",
                            "mcp/write")),
                    "http",
                    "127.0.0.1");
            try (InboundGate gate = config.gate("/mcp", new Readiness());
                    HttpTransport transport = new HttpTransport(
                                    new McpServer(
                                            new NotesTools(), ServerOptions.defaults(), config.listsVaryByCaller()),
                                    HttpOptions.defaults().withPort(0),
                                    gate)
                            .start()) {
                ObjectNode plan = JSON.createObjectNode()
                        .put("modules", node.modules().toString())
                        .put("url", transport.endpoint().toString())
                        .put("issuer", issuer.issuer())
                        .put("out", out.toString());
                plan.putArray("clients")
                        .add(client("reader-app", "reader-secret", "mcp/read"))
                        .add(client("writer-app", "writer-secret", "mcp/read mcp/write"));
                Path planFile = workDir.resolve("plan.json");
                Files.writeString(planFile, JSON.writeValueAsString(plan));
                Path log = workDir.resolve("client.log");
                int exit = node.run(
                        List.of(
                                module.resolve("src/test/node/authorized-client.cjs")
                                        .toString(),
                                planFile.toString()),
                        workDir,
                        log,
                        120);
                assertThat(exit)
                        .as("the client driver failed; see %s:%n%s", log, Files.readString(log))
                        .isZero();
            }
        }
        JsonNode results = JSON.readTree(out.toFile());
        assertThat(results.at("/anonymous/connected").asBoolean()).isFalse();
        assertThat(results.at("/anonymous/status").asInt()).isEqualTo(401);
        assertThat(results.at("/anonymous/message").asString()).contains("no bearer token");
        JsonNode reader = results.at("/clients/0");
        JsonNode writer = results.at("/clients/1");
        assertThat(reader.has("error")).as(reader.toString()).isFalse();
        assertThat(reader.get("tools").toString()).isEqualTo("[\"notes___list\"]");
        assertThat(reader.at("/calls/0/text").asString()).isEqualTo("notes___list called by reader-app");
        assertThat(reader.at("/calls/1/threw").asBoolean()).isTrue();
        assertThat(reader.at("/calls/1/message").asString()).contains("read-only tools only");
        assertThat(writer.has("error")).as(writer.toString()).isFalse();
        assertThat(writer.get("tools").toString()).isEqualTo("[\"notes___add\",\"notes___list\"]");
        assertThat(writer.at("/calls/1/text").asString()).isEqualTo("notes___add called by writer-app");
    }

    private static ObjectNode client(String id, String secret, String scope) {
        ObjectNode client =
                JSON.createObjectNode().put("id", id).put("secret", secret).put("scope", scope);
        client.putArray("call").add("notes___list").add("notes___add");
        return client;
    }
}
