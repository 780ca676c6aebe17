package dev.apigwmcp.runtime.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.inbound.TestIssuer;
import dev.apigwmcp.runtime.protocol.FixtureToolServiceFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Inbound authorization in the Lambda handler: the same bearer token check, challenge and protected resource
 * metadata as the HTTP transport, on recorded function URL (payload 2.0) and REST API (payload 1.0) events, with
 * a local issuer on 127.0.0.1.
 */
@Timeout(30)
class LambdaInboundTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String FUNCTION_HOST = "abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws";
    private static final String METADATA = "https://" + FUNCTION_HOST + "/.well-known/oauth-protected-resource/mcp";
    private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"_meta\":"
            + "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\""
            + ":{}}}}";

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private TestIssuer issuer;

    @BeforeEach
    void startIssuer() throws IOException {
        issuer = new TestIssuer();
    }

    @AfterEach
    void stopIssuer() {
        issuer.close();
    }

    private LambdaHandler handler(String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--session.key-env",
                "SESSION_KEY",
                "--inbound.jwt.discovery-url",
                issuer.discoveryUrl().toString(),
                "--inbound.jwt.allowed-clients",
                "app-client"));
        args.addAll(List.of(more));
        return new LambdaHandler(
                List.of(new FixtureToolServiceFactory()),
                Map.of("SESSION_KEY", KEY),
                args.toArray(String[]::new),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** A function URL event (payload 2.0) for {@code path}, with a body and an Authorization header if given. */
    private static String functionUrlEvent(String method, String path, String body, String authorization) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("rawPath", path);
        ObjectNode headers = event.putObject("headers");
        headers.put("host", FUNCTION_HOST);
        headers.put("content-type", "application/json");
        headers.put("accept", "application/json, text/event-stream");
        headers.put("mcp-protocol-version", "2026-07-28");
        headers.put("mcp-method", "tools/list");
        if (authorization != null) {
            headers.put("authorization", authorization);
        }
        ObjectNode context = event.putObject("requestContext").put("domainName", FUNCTION_HOST);
        context.putObject("http").put("method", method).put("path", path).put("sourceIp", "203.0.113.9");
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        return event.toString();
    }

    private static JsonNode send(LambdaHandler handler, String event) {
        return JSON.readTree(handler.handle(event.getBytes(StandardCharsets.UTF_8), 60_000));
    }

    private static JsonNode body(JsonNode response) {
        return JSON.readTree(response.path("body").asString());
    }

    @Test
    void anEventWithoutATokenGets401WithTheChallengeThatNamesTheMetadata() {
        JsonNode response = send(handler(), functionUrlEvent("POST", "/mcp", LIST, null));

        assertThat(response.path("statusCode").asInt()).isEqualTo(401);
        assertThat(response.at("/headers/www-authenticate").asString())
                .isEqualTo("Bearer resource_metadata=\"" + METADATA
                        + "\", error=\"invalid_token\", error_description=\"no bearer token\"");
        assertThat(body(response).at("/error/message").asString()).startsWith("Unauthorized: no bearer token");
    }

    @Test
    void aValidTokenListsTheTools() throws Exception {
        String token = issuer.token(claims -> {});

        JsonNode response = send(handler(), functionUrlEvent("POST", "/mcp", LIST, "Bearer " + token));

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(body(response).at("/result/tools").size()).isGreaterThan(0);
    }

    @Test
    void anExpiredTokenIsRefusedWithoutEchoingIt() throws Exception {
        String token = issuer.token(
                claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(3600))));

        JsonNode response = send(handler(), functionUrlEvent("POST", "/mcp", LIST, "Bearer " + token));

        assertThat(response.path("statusCode").asInt()).isEqualTo(401);
        assertThat(response.at("/headers/www-authenticate").asString()).contains("error=\"invalid_token\"");
        assertThat(response.toString()).doesNotContain(token);
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain(token);
    }

    @Test
    void aTokenWithoutARequiredScopeGets403NamingTheScope() throws Exception {
        String token = issuer.token(claims -> {});

        JsonNode response = send(
                handler("--inbound.jwt.required-scopes", "mcp/admin"),
                functionUrlEvent("POST", "/mcp", LIST, "Bearer " + token));

        assertThat(response.path("statusCode").asInt()).isEqualTo(403);
        assertThat(response.at("/headers/www-authenticate").asString())
                .contains("scope=\"mcp/admin\"", "error=\"insufficient_scope\"");
    }

    @Test
    void theProtectedResourceMetadataIsServedWithoutAToken() {
        JsonNode response =
                send(handler(), functionUrlEvent("GET", "/.well-known/oauth-protected-resource/mcp", null, null));

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        JsonNode document = body(response);
        assertThat(document.path("resource").asString()).isEqualTo("https://" + FUNCTION_HOST + "/mcp");
        assertThat(document.path("authorization_servers").get(0).asString()).isEqualTo(issuer.issuer());
    }

    @Test
    void aRestApiEventWithTwoAuthorizationHeadersIsABadRequest() throws Exception {
        String token = issuer.token(claims -> {});
        ObjectNode event = (ObjectNode) JSON.readTree(LambdaHandlerTest.recorded("rest-api-tools-list.json"));
        ArrayNode twice = ((ObjectNode) event.get("multiValueHeaders")).putArray("Authorization");
        twice.add("Bearer " + token).add("Bearer " + token);
        ((ObjectNode) event.get("headers")).put("Authorization", "Bearer " + token);

        JsonNode response = send(handler(), event.toString());

        assertThat(response.path("statusCode").asInt()).isEqualTo(400);
        assertThat(response.at("/headers/www-authenticate").asString()).contains("error=\"invalid_request\"");
    }

    @Test
    void aLegacySessionWithATokenOnEveryEventWorksAcrossPayloadFormats() throws Exception {
        String token = issuer.token(claims -> {});
        LambdaHandler handler = handler();
        ObjectNode initialize = (ObjectNode) JSON.readTree(LambdaHandlerTest.recorded("function-url-initialize.json"));
        ((ObjectNode) initialize.get("headers")).put("authorization", "Bearer " + token);

        JsonNode initialized = send(handler, initialize.toString());
        String session = initialized.at("/headers/mcp-session-id").asString();
        ObjectNode list = (ObjectNode) JSON.readTree(
                LambdaHandlerTest.recorded("rest-api-tools-list.json").replace("${session}", session));
        ((ObjectNode) list.get("headers")).put("Authorization", "Bearer " + token);
        JsonNode listed = send(handler, list.toString());
        ((ObjectNode) list.get("headers")).remove("Authorization");
        JsonNode withoutToken = send(handler, list.toString());

        assertThat(initialized.path("statusCode").asInt()).isEqualTo(200);
        assertThat(listed.path("statusCode").asInt()).isEqualTo(200);
        assertThat(body(listed).at("/result/tools").size()).isGreaterThan(0);
        assertThat(withoutToken.path("statusCode").asInt()).isEqualTo(401);
    }
}
