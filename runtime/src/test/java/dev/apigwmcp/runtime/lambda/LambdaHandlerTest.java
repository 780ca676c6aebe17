package dev.apigwmcp.runtime.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwmcp.runtime.protocol.FixtureToolService;
import dev.apigwmcp.runtime.protocol.FixtureToolServiceFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Lambda handler on recorded events of both payload formats (src/test/resources/lambda-events): a function URL
 * (2.0) and a REST API (1.0) event, bodies in the clear and base64-encoded, one legacy session across them.
 */
@Timeout(30)
class LambdaHandlerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private LambdaHandler handler(String... args) {
        return new LambdaHandler(
                List.of(new FixtureToolServiceFactory()),
                Map.of("SESSION_KEY", KEY),
                args,
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private LambdaHandler withKey(String... more) {
        String[] args = new String[more.length + 2];
        args[0] = "--session.key-env";
        args[1] = "SESSION_KEY";
        System.arraycopy(more, 0, args, 2, more.length);
        return handler(args);
    }

    static String recorded(String name) throws IOException {
        try (InputStream in = LambdaHandlerTest.class.getResourceAsStream("/lambda-events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A recorded event whose body is written in the clear, base64-encoded as AWS sends it. */
    static String encoded(String event) {
        ObjectNode node = (ObjectNode) JSON.readTree(event);
        node.put(
                "body",
                Base64.getEncoder().encodeToString(node.get("body").asString().getBytes(StandardCharsets.UTF_8)));
        return node.toString();
    }

    private static JsonNode send(LambdaHandler handler, String event) {
        return JSON.readTree(handler.handle(event.getBytes(StandardCharsets.UTF_8), 60_000));
    }

    private static JsonNode body(JsonNode response) {
        return JSON.readTree(response.path("body").asString());
    }

    @Test
    void aFunctionUrlInitializeGetsASealedSessionThatARestApiEventUses() throws IOException {
        LambdaHandler handler = withKey();

        JsonNode initialized = send(handler, recorded("function-url-initialize.json"));
        String session = initialized.path("headers").path("mcp-session-id").asString();
        JsonNode listed = send(handler, recorded("rest-api-tools-list.json").replace("${session}", session));

        assertThat(initialized.path("statusCode").asInt()).isEqualTo(200);
        assertThat(initialized.path("headers").path("content-type").asString()).isEqualTo("application/json");
        assertThat(body(initialized).at("/result/protocolVersion").asString()).isEqualTo("2025-06-18");
        assertThat(listed.path("statusCode").asInt()).isEqualTo(200);
        assertThat(body(listed).at("/result/tools").size())
                .isEqualTo(new FixtureToolService().listings().size());
        assertThat(listed.path("isBase64Encoded").asBoolean()).isFalse();
    }

    @Test
    void anotherExecutionEnvironmentWithTheSameKeyServesTheSession() throws IOException {
        String session = send(withKey(), recorded("function-url-initialize.json"))
                .path("headers")
                .path("mcp-session-id")
                .asString();

        JsonNode called = send(
                withKey(),
                encoded(recorded("function-url-tools-call-base64.json")
                        .replace("${session}", session)
                        .replace("${tool}", "echo")
                        .replace("${arguments}", "{\\\"a\\\":1}")));

        assertThat(called.path("statusCode").asInt()).isEqualTo(200);
        assertThat(body(called).at("/result/structuredContent/a").asInt()).isEqualTo(1);
    }

    @Test
    void aBase64BodyOfARestApiEventIsDecoded() throws IOException {
        JsonNode initialized = send(withKey(), recorded("rest-api-initialize-base64.json"));

        assertThat(initialized.path("statusCode").asInt()).isEqualTo(200);
        assertThat(initialized.path("headers").path("mcp-session-id").isString())
                .isTrue();
    }

    @Test
    void aBrowserOriginThatIsNotAllowedGets403() throws IOException {
        JsonNode refused = send(withKey(), recorded("function-url-bad-origin.json"));

        assertThat(refused.path("statusCode").asInt()).isEqualTo(403);
        assertThat(body(refused).at("/error/message").asString()).contains("Origin not allowed");
    }

    @Test
    void anAllowedOriginIsServed() throws IOException {
        JsonNode served =
                send(withKey("--allowed-origins", "https://evil.example"), recorded("function-url-bad-origin.json"));

        assertThat(served.path("statusCode").asInt()).isEqualTo(200);
    }

    @Test
    void aHostThatAwsDidNotRouteByIsRefused() throws IOException {
        String event = recorded("function-url-initialize.json")
                .replace(
                        "\"host\": \"abcdefghijklmnopqrstuvwxyz012345.lambda-url",
                        "\"host\": \"attacker.example\", \"x-was\": \"");

        assertThat(send(withKey(), event).path("statusCode").asInt()).isEqualTo(403);
    }

    @Test
    void aBodyOverTheLimitGets413NamingIt() throws IOException {
        LambdaHandler handler = withKey("--max-request-bytes", "4096");

        JsonNode plain = send(handler, recorded("function-url-over-limit.json"));
        JsonNode base64 = send(handler, encoded(recorded("function-url-over-limit.json")));

        assertThat(plain.path("statusCode").asInt()).isEqualTo(413);
        assertThat(body(plain).at("/error/message").asString()).contains("exceeds 4096 bytes");
        assertThat(base64.path("statusCode").asInt()).isEqualTo(413);
    }

    @Test
    void withoutASessionKeyInitializeIsRefusedNamingTheSettingsAndModernRequestsAreServed() throws IOException {
        LambdaHandler handler = handler();
        String modern = recorded("function-url-initialize.json")
                .replace(
                        "\"content-type\": \"application/json\",",
                        "\"content-type\": \"application/json\", \"mcp-protocol-version\": \"2026-07-28\", \"mcp-method\": \"tools/list\",")
                .replaceFirst(
                        "\"body\": \".*\"",
                        "\"body\": \"{\\\\\"jsonrpc\\\\\":\\\\\"2.0\\\\\",\\\\\"id\\\\\":1,"
                                + "\\\\\"method\\\\\":\\\\\"tools/list\\\\\",\\\\\"params\\\\\":{\\\\\"_meta\\\\\":{"
                                + "\\\\\"io.modelcontextprotocol/protocolVersion\\\\\":\\\\\"2026-07-28\\\\\"}}}\"");

        JsonNode refused = send(handler, recorded("function-url-initialize.json"));
        JsonNode listed = send(handler, modern);

        assertThat(refused.path("statusCode").asInt()).isEqualTo(400);
        assertThat(body(refused).at("/error/message").asString()).contains("--session.key-file", "2026-07-28");
        assertThat(listed.path("statusCode").asInt()).as(listed.toString()).isEqualTo(200);
        assertThat(body(listed).at("/result/tools").size())
                .isEqualTo(new FixtureToolService().listings().size());
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no session key");
    }

    @Test
    void anEventThatIsNotAnHttpEventGets400SayingSo() {
        JsonNode answer = send(withKey(), "{\"Records\":[{\"eventSource\":\"aws:sqs\"}]}");

        assertThat(answer.path("statusCode").asInt()).isEqualTo(400);
        assertThat(body(answer).at("/error/message").asString()).contains("neither a function URL");
    }

    @Test
    void aCallThatWouldOutliveTheFunctionIsCancelledAndAnswered() throws IOException {
        LambdaHandler handler = withKey();
        String session = send(handler, recorded("function-url-initialize.json"))
                .path("headers")
                .path("mcp-session-id")
                .asString();
        String slow = encoded(recorded("function-url-tools-call-base64.json")
                .replace("${session}", session)
                .replace("${tool}", "slow")
                .replace("${arguments}", "{\\\"ms\\\":20000}"));

        JsonNode answer = JSON.readTree(handler.handle(slow.getBytes(StandardCharsets.UTF_8), 1_500));

        assertThat(answer.path("statusCode").asInt()).isEqualTo(200);
        assertThat(body(answer).at("/error/message").asString()).contains("time the platform allows");
    }

    @Test
    void aWrongSettingStopsTheStartWithOneLine() {
        assertThatThrownBy(() -> handler("--max-request-bytes", "lots")).isInstanceOf(LambdaStartupException.class);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("apigw-mcp: --max-request-bytes");
    }

    @Test
    void theLocalEntryPointPrintsTheResponseEvent(@TempDir Path dir) throws IOException {
        Path event = Files.writeString(dir.resolve("event.json"), recorded("function-url-initialize.json"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = LambdaHandler.runLocally(
                new String[] {"--event", event.toString(), "--session.key-env", "SESSION_KEY"},
                List.of(new FixtureToolServiceFactory()),
                Map.of("SESSION_KEY", KEY),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isZero();
        JsonNode response = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(response.path("headers").path("mcp-session-id").isString()).isTrue();
    }

    @Test
    void theLocalEntryPointWithoutAnEventFileExits2() {
        int exit = LambdaHandler.runLocally(
                new String[0],
                List.of(new FixtureToolServiceFactory()),
                Map.of(),
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--event FILE");
    }

    @Test
    void aPrometheusEndpointStopsTheStartRatherThanBeIgnored() {
        assertThatThrownBy(() -> handler("--metrics.prometheus", "true")).isInstanceOf(LambdaStartupException.class);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--metrics.prometheus", "OTEL_*");
    }
}
