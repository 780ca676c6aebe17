package dev.apigwmcp.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwmcp.runtime.auth.AuthEnvironment;
import dev.apigwmcp.runtime.auth.AwsKeys;
import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.upstream.TestUpstream;
import dev.apigwmcp.runtime.upstream.TestUpstream.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * HTTP basic tools against a legacy backend on 127.0.0.1 that checks the {@code Authorization: Basic} header as such
 * a backend does: base64, then the user name up to the first {@code :}, UTF-8.
 */
@Timeout(30)
class BasicAuthUpstreamTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String USER = "jürgen";
    /** Edge spaces included: RFC 7617 allows them, and a backend compares the password as it is. */
    private static final String PASSWORD = " p@ss:wört€ 1 ";

    @TempDir
    Path dir;

    private TestUpstream upstream;
    private GeneratedToolService service;

    @BeforeEach
    void start() throws IOException {
        upstream = new TestUpstream();
        upstream.respond(BasicAuthUpstreamTest::legacyBackend);
        service = GeneratedToolService.create(
                List.of(ScriptedRegistry.withoutArguments("basic", "basic___Items", "basic___KeyedItems")),
                Settings.of(settings("basic")),
                environment(Map.of("LEGACY_USER", USER, "LEGACY_PASSWORD", PASSWORD, "LEGACY_KEY", "k-1")));
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        upstream.close();
    }

    /** 200 for the expected user and password, else 401 with a challenge, as a backend behind basic answers. */
    private static Reply legacyBackend(TestUpstream.Recorded request) {
        String authorization = request.header("authorization");
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return Reply.json(401, "{\"message\":\"Unauthorized\"}").withHeader("WWW-Authenticate", "Basic");
        }
        String pair = new String(
                Base64.getDecoder().decode(authorization.substring("Basic ".length())), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        boolean valid = colon > 0
                && pair.substring(0, colon).equals(USER)
                && pair.substring(colon + 1).equals(PASSWORD);
        return valid
                ? Reply.json(200, "{\"items\":[\"bolt\"]}")
                : Reply.json(401, "{\"message\":\"Unauthorized\"}").withHeader("WWW-Authenticate", "Basic");
    }

    private Map<String, String> settings(String target) {
        Map<String, String> settings = new HashMap<>();
        settings.put("target." + target + ".base-url", upstream.baseUri().toString());
        settings.put("target." + target + ".basic-username-env", "LEGACY_USER");
        settings.put("target." + target + ".basic-password-env", "LEGACY_PASSWORD");
        settings.put("target." + target + ".api-key-env", "LEGACY_KEY");
        return settings;
    }

    private static AuthEnvironment environment(Map<String, String> variables) {
        return new AuthEnvironment(
                variables::get, profile -> () -> new AwsKeys("AKIDEXAMPLE", "secret", null), Clock.systemUTC());
    }

    private ObjectNode call(String tool) {
        return service.call(tool, JSON.readTree("{}"), null).join();
    }

    @Test
    void aBasicToolsCallIsAcceptedByABackendThatChecksTheBasicHeader() throws Exception {
        ObjectNode result = call("basic___Items");

        assertThat(result.path("isError").asBoolean()).as(result.toString()).isFalse();
        assertThat(result.at("/content/0/text").stringValue()).contains("bolt");
        TestUpstream.Recorded request = upstream.take();
        assertThat(request.header("authorization"))
                .isEqualTo("Basic "
                        + Base64.getEncoder().encodeToString("jürgen: p@ss:wört€ 1 ".getBytes(StandardCharsets.UTF_8)));
        assertThat(request.header("x-api-key")).isNull();
    }

    @Test
    void aPasswordFileWithEdgeSpacesAndACrLfEndingReachesTheBackendWithItsSpaces() throws Exception {
        Path file = Files.writeString(dir.resolve("password"), PASSWORD + "\r\n", StandardCharsets.UTF_8);
        Map<String, String> settings = settings("basic");
        settings.remove("target.basic.basic-password-env");
        settings.put("target.basic.basic-password-file", file.toString());
        service.close();
        service = GeneratedToolService.create(
                List.of(ScriptedRegistry.withoutArguments("basic", "basic___Items", "basic___KeyedItems")),
                Settings.of(settings),
                environment(Map.of("LEGACY_USER", USER, "LEGACY_KEY", "k-1")));

        ObjectNode result = call("basic___Items");

        assertThat(result.path("isError").asBoolean()).as(result.toString()).isFalse();
        assertThat(result.at("/content/0/text").stringValue()).contains("bolt");
    }

    @Test
    void aToolNeedingTheKeyAndBasicSendsBoth() throws Exception {
        ObjectNode result = call("basic___KeyedItems");

        assertThat(result.path("isError").asBoolean()).as(result.toString()).isFalse();
        TestUpstream.Recorded request = upstream.take();
        assertThat(request.header("x-api-key")).isEqualTo("k-1");
        assertThat(request.header("authorization")).startsWith("Basic ");
    }

    @Test
    void aRejectedPasswordIsAnErrorResultThatHoldsNoCredential() throws Exception {
        service.close();
        service = GeneratedToolService.create(
                List.of(ScriptedRegistry.withoutArguments("basic", "basic___Items", "basic___KeyedItems")),
                Settings.of(settings("basic")),
                environment(Map.of("LEGACY_USER", USER, "LEGACY_PASSWORD", "wrong-password", "LEGACY_KEY", "k-1")));

        ObjectNode result = call("basic___Items");

        assertThat(result.path("isError").asBoolean()).isTrue();
        String encoded = upstream.take().header("authorization").substring("Basic ".length());
        assertThat(result.toString()).contains("401").doesNotContain("wrong-password", encoded, USER);
    }

    @Test
    void aMissingPasswordVariableStopsTheStartNamingTheTargetAndTheVariable() {
        service.close();
        service = null;

        assertThatThrownBy(() -> GeneratedToolService.create(
                                List.of(ScriptedRegistry.withoutArguments(
                                        "basic", "basic___Items", "basic___KeyedItems")),
                                Settings.of(settings("basic")),
                                environment(Map.of("LEGACY_USER", USER, "LEGACY_KEY", "k-1")))
                        .close())
                .isInstanceOfSatisfying(
                        StartupException.class,
                        e -> assertThat(e.problems())
                                .containsExactly("target 'basic': environment variable LEGACY_PASSWORD (named by"
                                        + " target.basic.basic-password-env) is not set"));
    }

    @Test
    void basicBesideAnyOtherAuthorizationHeaderCredentialStopsTheStart() {
        Map<String, String> settings = settings("basic-clash");
        settings.put("target.basic-clash.aws-region", "us-east-1");
        settings.put("target.basic-clash.oauth2.token-url", "http://127.0.0.1:1/token");
        settings.put("target.basic-clash.oauth2.client-id", "client-1");
        settings.put("target.basic-clash.oauth2.client-secret-env", "LEGACY_CLIENT_SECRET");

        assertThatThrownBy(() -> GeneratedToolService.create(
                                List.of(ScriptedRegistry.withoutArguments(
                                        "basic-clash",
                                        "clash___SignedBasic",
                                        "clash___BearerBasic",
                                        "clash___KeyedBasic")),
                                Settings.of(settings),
                                environment(Map.of(
                                        "LEGACY_USER",
                                        USER,
                                        "LEGACY_PASSWORD",
                                        PASSWORD,
                                        "LEGACY_CLIENT_SECRET",
                                        "s",
                                        "LEGACY_KEY",
                                        "k-1")))
                        .close())
                .isInstanceOfSatisfying(
                        StartupException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "target 'basic-clash': bindings.json tools[0]: auth lists BASIC and SIGV4, which both"
                                                + " need the Authorization header",
                                        "target 'basic-clash': bindings.json tools[1]: auth lists BASIC and BEARER (its token in"
                                                + " the Authorization header), which both need the Authorization header",
                                        "target 'basic-clash': bindings.json tools[2]: auth lists BASIC and API_KEY (its key in"
                                                + " the Authorization header), which both need the Authorization header"));
    }
}
