package dev.apigwmcp.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwmcp.runtime.auth.AuthEnvironment;
import dev.apigwmcp.runtime.auth.AuthException;
import dev.apigwmcp.runtime.auth.AwsCredentialsSource;
import dev.apigwmcp.runtime.auth.AwsKeys;
import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.spi.ToolRegistry;
import dev.apigwmcp.runtime.upstream.TestUpstream;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** AWS credentials are resolved once at start, for every SigV4 target together; failures are one line. */
@Timeout(30)
class AwsCredentialsAtStartTest {

    private static final AwsKeys KEYS = new AwsKeys("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
    private static final String NONE_FOUND = "no AWS credentials found; name a profile with --aws.profile, set"
            + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment, or sign in with aws sso login";

    private TestUpstream upstream;
    private GeneratedToolService service;
    private final List<String> profilesAsked = new ArrayList<>();
    private final AtomicInteger resolutions = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        upstream = new TestUpstream();
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        upstream.close();
    }

    /** Both test targets with SigV4 tools, every other credential present. */
    private static List<ToolRegistry> sigV4Targets() {
        return List.of(
                new PetsRegistry(),
                ScriptedRegistry.withoutArguments(
                        "tokens", "tokens___Default", "tokens___Header", "tokens___Query", "tokens___SignedHeader"));
    }

    private Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        for (String target : List.of("pets", "tokens")) {
            settings.put("target." + target + ".base-url", upstream.baseUri().toString());
            settings.put("target." + target + ".api-key-env", "KEY");
            settings.put(
                    "target." + target + ".oauth2.token-url",
                    upstream.uri("/token").toString());
            settings.put("target." + target + ".oauth2.client-id", "client-1");
            settings.put("target." + target + ".oauth2.client-secret-env", "KEY");
        }
        return settings;
    }

    /** An environment whose AWS sources count how often they are made and resolved. */
    private AuthEnvironment counting(AwsCredentialsSource source) {
        Function<String, AwsCredentialsSource> sources = profile -> {
            profilesAsked.add(String.valueOf(profile));
            return () -> {
                resolutions.incrementAndGet();
                return source.resolve();
            };
        };
        return new AuthEnvironment(Map.of("KEY", "k-1")::get, sources, Clock.systemUTC());
    }

    @Test
    void oneSourceIsMadeAndResolvedOnceAtStartForAllSigV4Targets() {
        Map<String, String> settings = settings();
        settings.put("aws.profile", "dev");
        service = GeneratedToolService.create(sigV4Targets(), Settings.of(settings), counting(() -> KEYS));
        assertThat(profilesAsked).containsExactly("dev");
        assertThat(resolutions).hasValue(1);
    }

    @Test
    void missingAwsCredentialsStopTheStartWithOneLineNamingTheTargets() {
        assertThatThrownBy(() -> GeneratedToolService.create(sigV4Targets(), Settings.of(settings()), counting(() -> {
                    throw new AuthException(NONE_FOUND);
                })))
                .isInstanceOfSatisfying(StartupException.class, e -> {
                    assertThat(e.problems())
                            .containsExactly("targets 'pets', 'tokens': tools need SigV4 signing but " + NONE_FOUND);
                    assertThat(e.badSettings()).isFalse();
                });
    }

    @Test
    void aTargetWithoutSigV4ToolsNeedsNoAwsCredentials() {
        Map<String, String> settings = new HashMap<>();
        settings.put("target.root-server.base-url", upstream.baseUri().toString());
        service = GeneratedToolService.create(
                List.of(ScriptedRegistry.withoutArguments("root-server", "root___GetItem")),
                Settings.of(settings),
                counting(() -> {
                    throw new AuthException(NONE_FOUND);
                }));
        assertThat(profilesAsked).isEmpty();
        assertThat(resolutions).hasValue(0);
    }

    @Test
    void credentialsLostAfterTheStartAreAOneLineToolError() {
        AtomicInteger calls = new AtomicInteger();
        service = GeneratedToolService.create(sigV4Targets(), Settings.of(settings()), counting(() -> {
            if (calls.incrementAndGet() > 1) {
                throw new AuthException("no AWS credentials: the SSO session has expired or is invalid; sign in"
                        + " again with aws sso login");
            }
            return KEYS;
        }));
        ObjectNode result = service.call(
                        "pets___Proxy",
                        JsonMapper.builder().build().readTree("{\"method\":\"GET\",\"proxy\":\"a.txt\"}"),
                        null)
                .join();
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(result.get("content").get(0).get("text").stringValue())
                .isEqualTo("Could not authenticate the"
                        + " call: no AWS credentials: the SSO session has expired or is invalid; sign in again with aws sso"
                        + " login");
        assertThat(upstream.pending()).isZero();
    }
}
