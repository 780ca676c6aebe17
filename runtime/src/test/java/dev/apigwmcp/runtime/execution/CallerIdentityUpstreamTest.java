package dev.apigwmcp.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.apigwmcp.runtime.auth.AuthEnvironment;
import dev.apigwmcp.runtime.auth.AwsKeys;
import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.inbound.InboundConfig;
import dev.apigwmcp.runtime.inbound.InboundGate;
import dev.apigwmcp.runtime.inbound.Readiness;
import dev.apigwmcp.runtime.inbound.TestIssuer;
import dev.apigwmcp.runtime.protocol.McpServer;
import dev.apigwmcp.runtime.protocol.ServerOptions;
import dev.apigwmcp.runtime.spi.Arguments;
import dev.apigwmcp.runtime.transport.HttpOptions;
import dev.apigwmcp.runtime.transport.HttpTransport;
import dev.apigwmcp.runtime.upstream.TestUpstream;
import dev.apigwmcp.runtime.upstream.TestUpstream.Recorded;
import dev.apigwmcp.runtime.upstream.TestUpstream.Reply;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Per-user identity upstream, end to end over HTTP: the verified inbound token reaches only the bearer methods of
 * the target set to pass the caller's token on, in the place each authorizer reads it, and an upstream that checks
 * it (as a Cognito authorizer would) sees the real user; every other method (no auth, API key, SigV4, both, another
 * target's client-credentials bearer) never receives it, with inbound authorization on or off; no credential header
 * of the MCP request is forwarded, and the named non-credential header is.
 */
@Timeout(60)
class CallerIdentityUpstreamTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> SHARED_TOOLS = List.of(
            "shared___Keyed",
            "shared___Mine",
            "shared___MineRaw",
            "shared___MineSigned",
            "shared___Open",
            "shared___Signed",
            "shared___SignedKeyed");

    private final HttpClient client = HttpClient.newHttpClient();
    private TestIssuer issuer;
    private TestUpstream shared;
    private TestUpstream partner;
    private TestUpstream tokenServer;
    private GeneratedToolService service;
    private InboundGate gate;
    private HttpTransport transport;
    private String userToken;

    @BeforeEach
    void start() throws Exception {
        issuer = new TestIssuer();
        shared = new TestUpstream();
        partner = new TestUpstream();
        tokenServer = new TestUpstream();
        tokenServer.respond(r ->
                Reply.json(200, "{\"access_token\":\"cc-token\",\"token_type\":\"Bearer\"," + "\"expires_in\":3600}"));
        partner.respond(r -> Reply.json(200, "{}"));
        DefaultJWTProcessor<SecurityContext> authorizer = new DefaultJWTProcessor<>();
        authorizer.setJWSKeySelector(new JWSVerificationKeySelector<>(
                JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(new JWKSet(issuer.rsa().toPublicJWK()))));
        // The shared API's authorizer: a valid token of the pool in the place it reads, or 401.
        shared.respond(request -> {
            String token = switch (request.rawPath()) {
                case "/prod/mine" -> bearer(request.header("authorization"));
                case "/prod/mineraw", "/prod/minesigned" -> request.header("x-user-token");
                default -> null;
            };
            if (token == null) {
                return Reply.json(200, "{\"user\":null}");
            }
            try {
                return Reply.json(
                        200, "{\"user\":\"" + authorizer.process(token, null).getSubject() + "\"}");
            } catch (Exception e) {
                return Reply.json(401, "{\"message\":\"Unauthorized\"}");
            }
        });
        userToken = issuer.token(c -> c.claim("scope", "mcp/read mcp/write"));
    }

    private static String bearer(String header) {
        return header != null && header.startsWith("Bearer ") ? header.substring(7) : null;
    }

    private void serve(boolean inboundAuthorization) throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("target.shared.base-url", shared.baseUri().toString());
        settings.put("target.shared.api-key-env", "SHARED_KEY");
        settings.put("target.shared.forward-headers", "X-Tenant");
        settings.put("target.partner.base-url", partner.baseUri().toString());
        settings.put(
                "target.partner.oauth2.token-url", tokenServer.uri("/token").toString());
        settings.put("target.partner.oauth2.client-id", "partner-client");
        settings.put("target.partner.oauth2.client-secret-env", "PARTNER_SECRET");
        if (inboundAuthorization) {
            settings.put("target.shared.bearer.source", "caller");
            settings.put("inbound.jwt.discovery-url", issuer.discoveryUrl().toString());
            settings.put("inbound.jwt.allowed-clients", "app-client");
        } else {
            // Without inbound authorization the shared API's bearer methods get a client-credentials token too.
            settings.put(
                    "target.shared.oauth2.token-url", tokenServer.uri("/token").toString());
            settings.put("target.shared.oauth2.client-id", "shared-client");
            settings.put("target.shared.oauth2.client-secret-env", "PARTNER_SECRET");
        }
        ScriptedRegistry sharedTarget = new ScriptedRegistry(
                "shared",
                SHARED_TOOLS.stream()
                        .map(name -> new ScriptedTool(
                                name,
                                name.equals("shared___Open")
                                        ? (a, r) -> r.header("tenant", "X-Tenant", Arguments.string(a, "tenant"))
                                        : (a, r) -> {}))
                        .toList());
        AwsKeys keys = new AwsKeys("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
        Settings all = Settings.of(settings);
        service = GeneratedToolService.create(
                List.of(ScriptedRegistry.withoutArguments("partner", "partner___Fetch"), sharedTarget),
                all,
                new AuthEnvironment(
                        Map.of("SHARED_KEY", "server-key", "PARTNER_SECRET", "partner-secret")::get,
                        profile -> () -> keys,
                        Clock.systemUTC()));
        InboundConfig inbound = InboundConfig.read(all, "http", "127.0.0.1");
        gate = inbound.gate("/mcp", new Readiness());
        transport = new HttpTransport(
                        new McpServer(service, ServerOptions.defaults()),
                        HttpOptions.defaults().withPort(0),
                        gate)
                .start();
    }

    @AfterEach
    void stop() throws Exception {
        if (transport != null) {
            transport.close();
        }
        if (gate != null) {
            gate.close();
        }
        if (service != null) {
            service.close();
        }
        shared.close();
        partner.close();
        tokenServer.close();
        issuer.close();
    }

    /** A tools/call as an MCP client behind a browser-ish stack would send it: its token and every sort of header. */
    private JsonNode call(String tool, String arguments) throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + ",\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":"
                + "\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
        HttpRequest request = HttpRequest.newBuilder(transport.endpoint())
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "tools/call")
                .header("Mcp-Name", tool)
                .header("Authorization", "Bearer " + userToken)
                .header("X-Tenant", "tenant-42")
                .header("Cookie", "session=browser-cookie")
                .header("X-Api-Key", "client-key")
                .header("X-Amz-Security-Token", "client-session")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("result");
    }

    /** Every place of a recorded request where a value could travel. */
    private static List<String> values(Recorded request) {
        List<String> values = new ArrayList<>();
        request.headers().values().forEach(values::addAll);
        values.add(String.valueOf(request.rawQuery()));
        values.add(request.rawPath());
        values.add(request.bodyText());
        return values;
    }

    private Map<String, Recorded> callEverySharedTool() throws Exception {
        Map<String, Recorded> received = new HashMap<>();
        for (String tool : SHARED_TOOLS) {
            call(tool, "{}");
            received.put(tool, shared.take());
        }
        return received;
    }

    @Test
    void theCallersTokenReachesOnlyTheBearerMethodsWhereTheirAuthorizerReadsIt() throws Exception {
        serve(true);

        JsonNode mine = call("shared___Mine", "{}");
        Recorded viaAuthorization = shared.take();
        JsonNode raw = call("shared___MineRaw", "{}");
        Recorded viaCustomHeader = shared.take();
        call("shared___MineSigned", "{}");
        Recorded signed = shared.take();

        assertThat(mine.at("/content/0/text").asString()).isEqualTo("{\"user\":\"user-1\"}");
        assertThat(raw.at("/content/0/text").asString()).isEqualTo("{\"user\":\"user-1\"}");
        assertThat(viaAuthorization.header("authorization")).isEqualTo("Bearer " + userToken);
        assertThat(viaCustomHeader.header("x-user-token")).isEqualTo(userToken);
        assertThat(viaCustomHeader.header("authorization")).isNull();
        assertThat(signed.header("x-user-token")).isEqualTo(userToken);
        assertThat(signed.header("authorization")).startsWith("AWS4-HMAC-SHA256 ");
    }

    @Test
    void noOtherMethodOfAnyAuthKindReceivesTheCallersToken() throws Exception {
        serve(true);

        Map<String, Recorded> received = callEverySharedTool();
        call("partner___Fetch", "{}");
        Recorded partnerRequest = partner.take();

        for (String tool : List.of("shared___Open", "shared___Keyed", "shared___Signed", "shared___SignedKeyed")) {
            assertThat(values(received.get(tool))).as(tool).noneMatch(value -> value.contains(userToken));
        }
        assertThat(received.get("shared___Keyed").header("x-api-key")).isEqualTo("server-key");
        assertThat(received.get("shared___Signed").header("authorization")).startsWith("AWS4-HMAC-SHA256 ");
        assertThat(values(partnerRequest)).noneMatch(value -> value.contains(userToken));
        assertThat(partnerRequest.header("authorization")).isEqualTo("Bearer cc-token");
    }

    @Test
    void withoutInboundAuthorizationTheClientsAuthorizationHeaderReachesNoMethod() throws Exception {
        serve(false);

        Map<String, Recorded> received = callEverySharedTool();
        call("partner___Fetch", "{}");
        received.put("partner___Fetch", partner.take());

        received.forEach(
                (tool, request) -> assertThat(values(request)).as(tool).noneMatch(value -> value.contains(userToken)));
        assertThat(received.get("shared___Mine").header("authorization")).isEqualTo("Bearer cc-token");
    }

    @Test
    void noCredentialHeaderOfTheMcpRequestIsForwardedAndTheNamedOneIs() throws Exception {
        serve(true);

        Map<String, Recorded> received = callEverySharedTool();
        call("partner___Fetch", "{}");
        Recorded partnerRequest = partner.take();

        received.forEach((tool, request) -> {
            assertThat(request.header("x-tenant")).as(tool).isEqualTo("tenant-42");
            assertThat(request.header("cookie")).as(tool).isNull();
            assertThat(request.header("x-amz-security-token")).as(tool).isNull();
            assertThat(request.header("x-api-key")).as(tool).isIn(null, "server-key");
            assertThat(values(request))
                    .as(tool)
                    .noneMatch(value -> value.contains("client-key")
                            || value.contains("browser-cookie")
                            || value.contains("client-session"));
        });
        assertThat(partnerRequest.header("x-tenant")).isNull();
    }

    @Test
    void aTokenTheUpstreamRefusesComesBackAsItsUnauthorizedAnswer() throws Exception {
        serve(false);

        JsonNode result = call("shared___Mine", "{}");

        // API Gateway's authorizers answer 401 without a WWW-Authenticate challenge.
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(result.at("/content/0/text").asString())
                .contains("401")
                .contains("Unauthorized")
                .doesNotContain("connection");
    }

    @Test
    void anArgumentCannotSetAForwardedHeader() throws Exception {
        serve(true);

        JsonNode result = call("shared___Open", "{\"tenant\":\"tenant-7\"}");

        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(result.at("/content/0/text").asString()).contains("X-Tenant");
        assertThat(shared.pending()).isZero();
    }
}
