package dev.apigwmcp.runtime.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.PlainJWT;
import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.protocol.McpServer;
import dev.apigwmcp.runtime.protocol.ServerOptions;
import dev.apigwmcp.runtime.transport.HttpOptions;
import dev.apigwmcp.runtime.transport.HttpTransport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gate in front of the MCP endpoint over real HTTP: the exact status and challenge of every refusal, the
 * protected resource metadata, the probes, and what a valid token's scopes let the caller see and call.
 */
@Timeout(30)
class InboundGateTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"_meta\":"
            + "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\""
            + ":{}}}}";

    private final HttpClient client = HttpClient.newHttpClient();
    private TestIssuer issuer;
    private HttpTransport transport;
    private InboundGate gate;
    private Readiness readiness;

    @BeforeEach
    void startIssuer() throws Exception {
        issuer = new TestIssuer();
    }

    @AfterEach
    void stop() throws Exception {
        if (transport != null) {
            transport.close();
        }
        if (gate != null) {
            gate.close();
        }
        issuer.close();
    }

    private void serve(Map<String, String> extra) throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("inbound.jwt.discovery-url", issuer.discoveryUrl().toString());
        settings.put("inbound.jwt.allowed-clients", "app-client");
        settings.putAll(extra);
        InboundConfig config = InboundConfig.read(Settings.of(settings), "http", "127.0.0.1");
        readiness = new Readiness();
        gate = config.gate("/mcp", readiness);
        transport = new HttpTransport(
                        new McpServer(new NotesTools(), ServerOptions.defaults(), config.listsVaryByCaller()),
                        HttpOptions.defaults().withPort(0),
                        gate)
                .start();
        readiness.ready();
    }

    private String base() {
        return "http://127.0.0.1:" + transport.port();
    }

    private String metadataUrl() {
        return base() + "/.well-known/oauth-protected-resource/mcp";
    }

    private HttpResponse<String> post(String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(transport.endpoint())
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "tools/list")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(base() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String challenge(HttpResponse<String> response) {
        return response.headers().firstValue("WWW-Authenticate").orElse(null);
    }

    private void assertInvalidToken(String token, String description) throws Exception {
        HttpResponse<String> response = post(LIST, "Bearer " + token);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(challenge(response))
                .isEqualTo("Bearer resource_metadata=\"" + metadataUrl()
                        + "\", error=\"invalid_token\", error_description=\"" + description + "\"");
        assertThat(response.body()).doesNotContain(token).contains(description);
    }

    @Test
    void aRequestWithoutATokenGetsAnInvalidTokenChallengeNamingTheMetadata() throws Exception {
        serve(Map.of());

        HttpResponse<String> response = post(LIST, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(challenge(response))
                .isEqualTo("Bearer resource_metadata=\"" + metadataUrl() + "\""
                        + ", error=\"invalid_token\", error_description=\"no bearer token\"");
    }

    @Test
    void aBrowsersPreflightFromAnAdmittedOriginIsAnsweredWithoutAToken() throws Exception {
        serve(Map.of());

        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(transport.endpoint())
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "http://localhost:6274")
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "authorization, content-type")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:6274");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
                .contains("authorization, content-type");
    }

    @Test
    void aBrowserCanReadTheChallengeOfARefusal() throws Exception {
        serve(Map.of());

        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(transport.endpoint())
                        .header("Origin", "http://localhost:6274")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(LIST))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:6274");
        assertThat(response.headers()
                        .firstValue("Access-Control-Expose-Headers")
                        .orElse(""))
                .contains("WWW-Authenticate");
    }

    @Test
    void anotherAuthenticationSchemeIsAnsweredLikeNoToken() throws Exception {
        serve(Map.of());

        HttpResponse<String> response = post(LIST, "Basic dXNlcjpwYXNz");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(challenge(response))
                .isEqualTo("Bearer resource_metadata=\"" + metadataUrl() + "\""
                        + ", error=\"invalid_token\", error_description=\"no bearer token\"");
    }

    @Test
    void theChallengeNamesTheScopesEveryTokenNeeds() throws Exception {
        serve(Map.of(
                "inbound.jwt.required-scopes",
                "mcp/use",
                "inbound.scope.read-only",
                "mcp/read",
                "inbound.scope.write",
                "mcp/write"));

        assertThat(challenge(post(LIST, null)))
                .isEqualTo("Bearer resource_metadata=\"" + metadataUrl() + "\", scope=\"mcp/use mcp/read\""
                        + ", error=\"invalid_token\", error_description=\"no bearer token\"");
    }

    @Test
    void aMalformedTokenIsAnInvalidToken() throws Exception {
        serve(Map.of());
        assertInvalidToken("not-a-jwt", TokenProblem.MALFORMED.description());
    }

    @Test
    void anUnsignedTokenIsAnInvalidToken() throws Exception {
        serve(Map.of());
        assertInvalidToken(
                new PlainJWT(issuer.defaultClaims().build()).serialize(), TokenProblem.UNSIGNED.description());
    }

    @Test
    void anAlgorithmTheKeyDoesNotAllowIsAnInvalidToken() throws Exception {
        serve(Map.of());
        assertInvalidToken(
                issuer.sign(issuer.rsa(), TestIssuer.header(JWSAlgorithm.RS512, "rsa-1", null), c -> {}),
                TokenProblem.KEY_ALGORITHM.description());
    }

    @Test
    void aBadSignatureIsAnInvalidToken() throws Exception {
        serve(Map.of());
        assertInvalidToken(
                issuer.sign(TestIssuer.rsaKey("rsa-1"), TestIssuer.header(JWSAlgorithm.RS256, "rsa-1", null), c -> {}),
                TokenProblem.SIGNATURE.description());
    }

    @Test
    void aWrongIssuerIsAnInvalidToken() throws Exception {
        serve(Map.of());
        assertInvalidToken(
                issuer.token(c -> c.issuer("https://cognito-idp.us-east-1.amazonaws.com/other")),
                TokenProblem.ISSUER.description());
    }

    @Test
    void aWrongAudienceIsAnInvalidToken() throws Exception {
        serve(Map.of("inbound.jwt.allowed-audiences", "api://gateway"));
        assertInvalidToken(issuer.token(c -> c.audience("api://other")), TokenProblem.AUDIENCE.description());
    }

    @Test
    void aWrongClientIsAnInvalidToken() throws Exception {
        serve(Map.of());
        assertInvalidToken(issuer.token(c -> c.claim("client_id", "stranger")), TokenProblem.CLIENT.description());
    }

    @Test
    void anExpiredTokenIsAnInvalidToken() throws Exception {
        serve(Map.of());
        assertInvalidToken(
                issuer.token(c -> c.expirationTime(Date.from(Instant.now().minusSeconds(3600)))),
                TokenProblem.EXPIRED.description());
    }

    @Test
    void aTokenNotYetValidIsAnInvalidToken() throws Exception {
        serve(Map.of());
        assertInvalidToken(
                issuer.token(c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(3600)))),
                TokenProblem.NOT_YET_VALID.description());
    }

    @Test
    void aTokenWithoutTheRequiredScopesIsForbiddenWithTheScopesToAskFor() throws Exception {
        serve(Map.of("inbound.jwt.required-scopes", "mcp/use"));

        HttpResponse<String> response = post(LIST, "Bearer " + issuer.token(c -> c.claim("scope", "mcp/read")));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(challenge(response))
                .isEqualTo("Bearer resource_metadata=\"" + metadataUrl()
                        + "\", scope=\"mcp/use\", error=\"insufficient_scope\", error_description=\"the token lacks a scope"
                        + " this gateway requires\"");
    }

    @Test
    void twoAuthorizationHeadersAreABadRequest() throws Exception {
        serve(Map.of());
        String token = issuer.token(c -> {});
        HttpRequest request = HttpRequest.newBuilder(transport.endpoint())
                .header("Authorization", "Bearer " + token)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(LIST))
                .build();

        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(challenge(response)).contains("error=\"invalid_request\"");
    }

    @Test
    void aValidTokenInTheQueryStringIsRefusedLikeNoToken() throws Exception {
        serve(Map.of());
        String token = issuer.token(c -> {});

        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(transport.endpoint() + "?access_token=" + token))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .header("MCP-Protocol-Version", "2026-07-28")
                        .header("Mcp-Method", "tools/list")
                        .POST(HttpRequest.BodyPublishers.ofString(LIST))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(challenge(response)).contains("error_description=\"no bearer token\"");
        assertThat(response.body()).doesNotContain(token);
    }

    @Test
    void aValidTokenReachesTheToolsAsItsSubject() throws Exception {
        serve(Map.of());
        String token = "Bearer " + issuer.token(c -> {});

        HttpResponse<String> list = post(LIST, token);
        HttpResponse<String> call = callTool("notes___add", token);

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(names(list)).containsExactly("notes___add", "notes___list");
        assertThat(JSON.readTree(list.body()).at("/result/cacheScope").asString())
                .isEqualTo("public");
        assertThat(JSON.readTree(call.body()).at("/result/content/0/text").asString())
                .isEqualTo("notes___add called by user-1");
    }

    private HttpResponse<String> callTool(String tool, String authorization) throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":{},\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
        HttpRequest request = HttpRequest.newBuilder(transport.endpoint())
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "tools/call")
                .header("Mcp-Name", tool)
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static java.util.List<String> names(HttpResponse<String> list) {
        java.util.List<String> names = new java.util.ArrayList<>();
        JSON.readTree(list.body())
                .at("/result/tools")
                .forEach(tool -> names.add(tool.get("name").asString()));
        return names;
    }

    @Test
    void aTokenWithoutTheWriteScopeSeesAndCallsOnlyReadOnlyTools() throws Exception {
        serve(Map.of("inbound.scope.read-only", "mcp/read", "inbound.scope.write", "mcp/write"));
        String reader = "Bearer " + issuer.token(c -> c.claim("scope", "mcp/read"));

        HttpResponse<String> list = post(LIST, reader);
        JsonNode write = JSON.readTree(callTool("notes___add", reader).body());
        JsonNode read = JSON.readTree(callTool("notes___list", reader).body());

        assertThat(names(list)).containsExactly("notes___list");
        assertThat(JSON.readTree(list.body()).at("/result/cacheScope").asString())
                .isEqualTo("private");
        assertThat(write.at("/error/message").asString())
                .contains("notes___add")
                .contains("read-only tools only");
        assertThat(read.at("/result/content/0/text").asString()).isEqualTo("notes___list called by user-1");
    }

    @Test
    void aTokenWithTheWriteScopeSeesEveryTool() throws Exception {
        serve(Map.of("inbound.scope.read-only", "mcp/read", "inbound.scope.write", "mcp/write"));

        HttpResponse<String> list = post(LIST, "Bearer " + issuer.token(c -> c.claim("scope", "mcp/write")));

        assertThat(names(list)).containsExactly("notes___add", "notes___list");
    }

    @Test
    void aTokenWithNeitherToolScopeIsForbidden() throws Exception {
        serve(Map.of("inbound.scope.read-only", "mcp/read", "inbound.scope.write", "mcp/write"));

        HttpResponse<String> response = post(LIST, "Bearer " + issuer.token(c -> c.claim("scope", "openid")));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(challenge(response)).contains("scope=\"mcp/read\"", "error=\"insufficient_scope\"");
    }

    @Test
    void theMetadataIsServedAtTheRootAndThePathSuffixedWellKnownUrl() throws Exception {
        serve(Map.of("inbound.scope.read-only", "mcp/read", "inbound.scope.write", "mcp/write"));

        for (String path :
                new String[] {"/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode metadata = JSON.readTree(response.body());
            assertThat(metadata.get("resource").asString()).isEqualTo(base() + "/mcp");
            assertThat(metadata.get("authorization_servers").get(0).asString()).isEqualTo(issuer.issuer());
            assertThat(metadata.get("scopes_supported").toString()).isEqualTo("[\"mcp/read\",\"mcp/write\"]");
            assertThat(metadata.get("bearer_methods_supported").toString()).isEqualTo("[\"header\"]");
        }
    }

    @Test
    void theConfiguredResourceUrlIsPublishedAndNamedInChallenges() throws Exception {
        serve(Map.of("inbound.resource", "https://mcp.example.com/tools/mcp"));

        JsonNode metadata = JSON.readTree(
                get("/.well-known/oauth-protected-resource/tools/mcp").body());

        assertThat(metadata.get("resource").asString()).isEqualTo("https://mcp.example.com/tools/mcp");
        assertThat(challenge(post(LIST, null)))
                .isEqualTo("Bearer resource_metadata=\""
                        + "https://mcp.example.com/.well-known/oauth-protected-resource/tools/mcp\""
                        + ", error=\"invalid_token\", error_description=\"no bearer token\"");
    }

    @Test
    void probesNeedNoTokenAndSayNothingElse() throws Exception {
        serve(Map.of());

        HttpResponse<String> health = get("/healthz");
        HttpResponse<String> ready = get("/readyz");
        readiness.stopping();
        HttpResponse<String> stopping = get("/readyz");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("ok\n");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(stopping.statusCode()).isEqualTo(503);
        assertThat(stopping.body()).isEqualTo("not ready\n");
    }

    @Test
    void everyOtherPathNeedsATokenToo() throws Exception {
        serve(Map.of());

        assertThat(get("/metrics").statusCode()).isEqualTo(401);
        assertThat(get("/anything").statusCode()).isEqualTo(401);
    }
}
