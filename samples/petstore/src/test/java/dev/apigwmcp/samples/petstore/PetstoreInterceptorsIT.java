package dev.apigwmcp.samples.petstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.inbound.TestIssuer;
import dev.apigwmcp.runtime.testing.GatewayProcess;
import dev.apigwmcp.runtime.testing.NodeModules;
import dev.apigwmcp.samples.demo.RecordedCall;
import dev.apigwmcp.samples.demo.RequestLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sample's two worked interceptors (docs/interceptors.md), end to end through the official TypeScript SDK client
 * ({@code src/test/node/mcp-client.cjs}) and the shipped jar with {@code --demo}: {@code RedactOwnerEmail} hides the
 * owner's e-mail address of a pet, {@code DeleteNeedsAdminScope} lets only a token with {@code pets/admin} delete
 * one (and the typed {@code DeletePetReason} adds an audit reason naming the caller); the typed result
 * interceptor {@code PhotoUrlsOnCdn} rewrites photo URLs through the generated output record.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class PetstoreInterceptorsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path WORK = MODULE.resolve("target/e2e-interceptors");
    private static final Path CLIENT_SCRIPT = MODULE.resolve("src/test/node/mcp-client.cjs");
    /** The demo backend's cat Tom, whose owner has this address. */
    private static final String EMAIL = "ada@example.com";

    private static NodeModules node;
    private static Path jar;

    @BeforeAll
    static void setUp() throws Exception {
        jar = Path.of(System.getProperty("gateway.jar", "target/petstore-gateway.jar"))
                .toAbsolutePath();
        assertThat(jar).as("the gateway jar (built in package)").isRegularFile();
        Files.createDirectories(WORK);
        node = NodeModules.ensureInstalled(WORK);
    }

    @Test
    void theOwnersEmailIsRedactedInStructuredContentAndInTheText() throws Exception {
        ObjectNode plan = stdioPlan("redact", fresh("redact-requests.jsonl"));
        ArrayNode calls = plan.putArray("calls");
        call(calls, "petstore___getPet", "{\"petId\":\"2\"}");
        call(calls, "petstore___listPets", "{\"type\":\"cat\"}");
        call(calls, "petstore-browse___GetPet", "{\"petId\":\"2\"}");

        JsonNode transcript = runClient("redact", plan);

        JsonNode getPet = result(transcript, 0);
        assertThat(getPet.path("isError").asBoolean(false)).as("%s", getPet).isFalse();
        assertThat(getPet.at("/structuredContent/owner/email").asString()).isEqualTo("redacted@example.invalid");
        assertThat(getPet.at("/structuredContent/owner/name").asString()).isEqualTo("Ada");
        assertThat(JSON.readTree(getPet.at("/content/0/text").asString())).isEqualTo(getPet.get("structuredContent"));
        assertThat(result(transcript, 1)
                        .at("/structuredContent/result/0/owner/email")
                        .asString())
                .isEqualTo("redacted@example.invalid");
        assertThat(result(transcript, 2).at("/structuredContent/owner/email").asString())
                .isEqualTo("redacted@example.invalid");
        assertThat(transcript.toString()).doesNotContain(EMAIL);
    }

    @Test
    void theTypedResultInterceptorMovesPhotoUrlsToTheCdnInStructuredContentAndInTheText() throws Exception {
        ObjectNode plan = stdioPlan("photos", fresh("photos-requests.jsonl"));
        call(plan.putArray("calls"), "petstore-browse___ListPetPhotos", "{\"petId\":\"2\",\"size\":\"small\"}");

        JsonNode photos = result(runClient("photos", plan), 0);

        assertThat(photos.path("isError").asBoolean(false)).as("%s", photos).isFalse();
        assertThat(photos.at("/structuredContent/result/0/url").asString())
                .isEqualTo("https://cdn.photos.example/pets/2/small.jpg");
        assertThat(photos.at("/structuredContent/result/0/width").asInt()).isEqualTo(160);
        assertThat(JSON.readTree(photos.at("/content/0/text").asString()))
                .isEqualTo(photos.at("/structuredContent/result"));
    }

    @Test
    void withoutAnAccessTokenTheDestructiveToolIsRefusedAndNothingIsDeleted() throws Exception {
        Path requestLog = fresh("anonymous-requests.jsonl");
        ObjectNode plan = stdioPlan("anonymous", requestLog);
        call(plan.putArray("calls"), "petstore___deletePet", "{\"petId\":\"3\"}");

        JsonNode refused = result(runClient("anonymous", plan), 0);

        assertThat(refused.path("isError").asBoolean(false)).as("%s", refused).isTrue();
        assertThat(refused.at("/content/0/text").asString())
                .contains("pets/admin")
                .contains("without one");
        assertThat(RequestLog.read(requestLog)).isEmpty();
    }

    @Test
    void theDestructiveToolRunsOnlyForATokenWithTheAdminScope() throws Exception {
        Path requestLog = fresh("scoped-requests.jsonl");
        try (TestIssuer issuer = new TestIssuer();
                GatewayProcess gateway = GatewayProcess.startHttp(
                        jar,
                        WORK.resolve("scoped-gateway.log"),
                        "--demo",
                        "--transport",
                        "http",
                        "--port",
                        "0",
                        "--demo-request-log",
                        requestLog.toString(),
                        "--inbound.jwt.discovery-url",
                        issuer.discoveryUrl().toString(),
                        "--inbound.jwt.allowed-clients",
                        "app-client")) {
            String reader = issuer.token(claims -> claims.subject("reader-1").claim("scope", "mcp/read"));
            String admin = issuer.token(claims -> claims.subject("admin-1").claim("scope", "mcp/read pets/admin"));

            JsonNode refused = result(runClient("reader", httpPlan("reader", gateway, reader)), 0);
            JsonNode deleted = result(runClient("admin", httpPlan("admin", gateway, admin)), 0);

            assertThat(refused.path("isError").asBoolean(false))
                    .as("%s", refused)
                    .isTrue();
            assertThat(refused.at("/content/0/text").asString())
                    .contains("pets/admin")
                    .contains("lacks it");
            assertThat(deleted.path("isError").asBoolean(false))
                    .as("%s", deleted)
                    .isFalse();
        }
        List<RecordedCall> received = RequestLog.read(requestLog);
        assertThat(received).hasSize(1);
        RecordedCall delete = received.get(0);
        assertThat(delete.method()).isEqualTo("DELETE");
        assertThat(delete.path()).isEqualTo("/prod/pets/3");
        assertThat(delete.apiKeyValid()).isTrue();
        assertThat(delete.status()).isEqualTo(204);
        // The typed interceptor's audit reason, naming the caller.
        assertThat(delete.headers()).containsEntry("x-request-reason", "deleted through MCP by admin-1");
    }

    private static ObjectNode stdioPlan(String name, Path requestLog) {
        ObjectNode plan = JSON.createObjectNode();
        plan.put("modules", node.modules().toString());
        plan.put("out", WORK.resolve(name + "-transcript.json").toString());
        plan.put("transport", "stdio");
        List<String> command = GatewayProcess.javaCommand(jar, "--demo", "--demo-request-log", requestLog.toString());
        plan.put("command", command.get(0));
        ArrayNode args = plan.putArray("args");
        command.subList(1, command.size()).forEach(args::add);
        return plan;
    }

    private static ObjectNode httpPlan(String name, GatewayProcess gateway, String token) {
        ObjectNode plan = JSON.createObjectNode();
        plan.put("modules", node.modules().toString());
        plan.put("out", WORK.resolve(name + "-transcript.json").toString());
        plan.put("transport", "http");
        plan.put("url", gateway.endpoint().toString());
        plan.putObject("headers").put("Authorization", "Bearer " + token);
        call(plan.putArray("calls"), "petstore___deletePet", "{\"petId\":\"3\"}");
        return plan;
    }

    private static void call(ArrayNode calls, String name, String arguments) {
        calls.addObject().put("name", name).set("arguments", JSON.readTree(arguments));
    }

    private static JsonNode result(JsonNode transcript, int index) {
        JsonNode call = transcript.get("calls").get(index);
        assertThat(call.has("error")).as("call %d: %s", index, call).isFalse();
        return call.get("result");
    }

    private static JsonNode runClient(String name, ObjectNode plan) throws Exception {
        Path planFile = WORK.resolve(name + "-plan.json");
        Files.writeString(
                planFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(plan), StandardCharsets.UTF_8);
        Path log = WORK.resolve(name + "-client.log");
        int exit = node.run(List.of(CLIENT_SCRIPT.toString(), planFile.toString()), WORK, log, 120);
        assertThat(exit)
                .as(
                        "the SDK client (exit %s); output in %s:%n%s",
                        exit, log, Files.readString(log, StandardCharsets.UTF_8))
                .isZero();
        return JSON.readTree(Path.of(plan.get("out").asString()).toFile());
    }

    private static Path fresh(String name) throws Exception {
        Path file = WORK.resolve(name);
        Files.deleteIfExists(file);
        return file;
    }
}
