package dev.apigwmcp.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwmcp.runtime.auth.AuthEnvironment;
import dev.apigwmcp.runtime.auth.AwsKeys;
import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.spi.Arguments;
import dev.apigwmcp.runtime.upstream.TestUpstream;
import dev.apigwmcp.runtime.upstream.TestUpstream.Reply;
import dev.apigwmcp.samples.demo.SigV4Verifier;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The bearer token goes where each tool's authorizer reads it ({@code bindings.json} {@code tools[].token}). */
@Timeout(30)
class BearerTokenPlacementTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ACCESS_KEY = "AKIDEXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    private final SigV4Verifier verifier =
            new SigV4Verifier(Map.of(ACCESS_KEY, SECRET_KEY), "us-east-1", "execute-api", Clock.systemUTC());
    private TestUpstream upstream;
    private TestUpstream tokenServer;
    private GeneratedToolService service;

    @BeforeEach
    void start() throws IOException {
        upstream = new TestUpstream();
        tokenServer = new TestUpstream();
        tokenServer.respond(r ->
                Reply.json(200, "{\"access_token\":\"tok-1\",\"token_type\":\"Bearer\"," + "\"expires_in\":3600}"));
        upstream.respond(r -> Reply.json(200, "{}"));
        ScriptedRegistry tokens = new ScriptedRegistry(
                "tokens",
                new ScriptedTool("tokens___Default", (a, r) -> {}),
                new ScriptedTool(
                        "tokens___Header",
                        (a, r) -> r.header("trace", "Custom-Authorization", Arguments.string(a, "trace"))),
                new ScriptedTool("tokens___Query", (a, r) -> {}),
                new ScriptedTool("tokens___SignedHeader", (a, r) -> {}));
        Map<String, String> settings = new HashMap<>();
        settings.put("target.tokens.base-url", upstream.baseUri().toString());
        settings.put("target.tokens.oauth2.token-url", tokenServer.uri("/token").toString());
        settings.put("target.tokens.oauth2.client-id", "client-1");
        settings.put("target.tokens.oauth2.client-secret-env", "SECRET");
        service = GeneratedToolService.create(
                List.of(tokens),
                Settings.of(settings),
                new AuthEnvironment(
                        Map.of("SECRET", "client-secret")::get,
                        profile -> () -> new AwsKeys(ACCESS_KEY, SECRET_KEY, null),
                        Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        service.close();
        upstream.close();
        tokenServer.close();
    }

    private ObjectNode call(String tool, String arguments) {
        return service.call(tool, JSON.readTree(arguments), null).join();
    }

    @Test
    void withoutAPlacementTheTokenIsAnAuthorizationBearerHeader() throws Exception {
        call("tokens___Default", "{}");
        TestUpstream.Recorded request = upstream.take();
        assertThat(request.header("authorization")).isEqualTo("Bearer tok-1");
        assertThat(request.rawQuery()).isNull();
    }

    @Test
    void aCustomHeaderWithoutPrefixCarriesTheBareToken() throws Exception {
        call("tokens___Header", "{}");
        TestUpstream.Recorded request = upstream.take();
        assertThat(request.header("custom-authorization")).isEqualTo("tok-1");
        assertThat(request.header("authorization")).isNull();
    }

    @Test
    void aQueryTokenIsSentInTheQueryAndSignedBySigV4() throws Exception {
        call("tokens___Query", "{}");
        TestUpstream.Recorded request = upstream.take();
        assertThat(request.rawQuery()).isEqualTo("auth=tok-1");
        assertThat(request.header("authorization")).startsWith("AWS4-HMAC-SHA256 ");
        assertThat(verifier.problem(request)).isNull();
        TestUpstream.Recorded tampered = new TestUpstream.Recorded(
                request.method(), request.rawPath(), "auth=tok-2", request.headers(), request.body());
        assertThat(verifier.problem(tampered)).isNotNull();
    }

    @Test
    void aTokenInItsOwnHeaderCanBeSignedBySigV4() throws Exception {
        call("tokens___SignedHeader", "{}");
        TestUpstream.Recorded request = upstream.take();
        assertThat(request.header("x-token")).isEqualTo("Bearer tok-1");
        assertThat(request.header("authorization")).contains("x-token");
        assertThat(verifier.problem(request)).isNull();
    }

    @Test
    void aTokenThatWouldShareAHeaderWithSigV4OrTheApiKeyStopsTheStart() {
        ScriptedRegistry clash = new ScriptedRegistry(
                "token-clash",
                new ScriptedTool("clash___Keyed", (a, r) -> {}),
                new ScriptedTool("clash___Signed", (a, r) -> {}));
        Map<String, String> settings = new HashMap<>();
        settings.put("target.token-clash.api-key-env", "SECRET");
        settings.put(
                "target.token-clash.oauth2.token-url", tokenServer.uri("/token").toString());
        settings.put("target.token-clash.oauth2.client-id", "client-1");
        settings.put("target.token-clash.oauth2.client-secret-env", "SECRET");
        assertThatThrownBy(() -> GeneratedToolService.create(
                                List.of(clash),
                                Settings.of(settings),
                                new AuthEnvironment(
                                        Map.of("SECRET", "s")::get,
                                        profile -> () -> new AwsKeys(ACCESS_KEY, SECRET_KEY, null),
                                        Clock.systemUTC()))
                        .close())
                .isInstanceOfSatisfying(
                        StartupException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "target 'token-clash': bindings.json tools[0]: auth lists both SIGV4 and BEARER, which both"
                                                + " need the Authorization header; a token that the authorizer reads elsewhere needs"
                                                + " its place in .token",
                                        "target 'token-clash': bindings.json tools[1].token: the bearer token and the API key would"
                                                + " both go in header 'X-API-Key'"));
    }

    @Test
    void noArgumentCanSetTheTokensHeader() {
        ObjectNode result = call("tokens___Header", "{\"trace\":\"forged\"}");
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(result.get("content").get(0).get("text").stringValue())
                .startsWith("Invalid argument 'trace' for"
                        + " tool tokens___Header: header 'Custom-Authorization' is set by the gateway");
        assertThat(upstream.pending()).isZero();
    }
}
