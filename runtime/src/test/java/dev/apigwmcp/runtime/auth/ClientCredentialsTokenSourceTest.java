package dev.apigwmcp.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwmcp.runtime.upstream.TestUpstream;
import dev.apigwmcp.runtime.upstream.TestUpstream.Reply;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.json.JsonMapper;

@Timeout(30)
class ClientCredentialsTokenSourceTest {

    private TestUpstream tokenServer;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger issued = new AtomicInteger();
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    /** A clock the test moves by hand. */
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @BeforeEach
    void start() throws Exception {
        tokenServer = new TestUpstream();
        tokenServer.respond(r -> Reply.json(
                        200,
                        "{\"access_token\":\"tok-" + issued.incrementAndGet()
                                + "\",\"token_type\":\"bearer\",\"expires_in\":600}")
                .delayed(100));
    }

    @AfterEach
    void stop() {
        tokenServer.close();
    }

    private ClientCredentialsTokenSource source() {
        return new ClientCredentialsTokenSource(
                tokenServer.uri("/oauth2/token"),
                "id",
                "s3cret",
                null,
                () -> http,
                JsonMapper.builder().build(),
                clock,
                Duration.ofSeconds(5));
    }

    @Test
    void tokenIsCachedUntilShortlyBeforeExpiry() {
        ClientCredentialsTokenSource tokens = source();
        assertThat(tokens.token()).isEqualTo("tok-1");
        now = now.plusSeconds(539);
        assertThat(tokens.token()).isEqualTo("tok-1");
        now = now.plusSeconds(2);
        assertThat(tokens.token()).isEqualTo("tok-2");
    }

    @Test
    void concurrentCallersShareOneRefresh() throws Exception {
        ClientCredentialsTokenSource tokens = source();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(tokens::token);
            }
            for (Future<String> token : pool.invokeAll(calls)) {
                assertThat(token.get()).isEqualTo("tok-1");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(issued.get()).isEqualTo(1);
    }

    @Test
    void answerWithoutAccessTokenIsAClearError() {
        tokenServer.respond(r -> Reply.json(200, "{\"token_type\":\"bearer\"}"));
        assertThatThrownBy(() -> source().token())
                .isInstanceOf(AuthException.class)
                .hasMessage("The OAuth2 token endpoint answered without an access_token.");
    }

    @Test
    void serverErrorOfTheEndpointIsNotCalledARefusal() {
        tokenServer.respond(r -> Reply.json(503, "{\"message\":\"down\"}"));
        assertThatThrownBy(() -> source().token())
                .isInstanceOf(AuthException.class)
                .hasMessageContaining("failed (HTTP 503)")
                .hasMessageNotContaining("refused");
    }

    @Test
    void unreachableEndpointIsAClearErrorWithoutTheSecret() {
        tokenServer.close();
        assertThatThrownBy(() -> source().token())
                .isInstanceOf(AuthException.class)
                .hasMessageStartingWith("Could not reach the OAuth2 token endpoint")
                .hasMessageEndingWith(": the connection was refused.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
    }
}
