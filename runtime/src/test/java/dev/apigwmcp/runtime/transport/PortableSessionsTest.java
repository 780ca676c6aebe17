package dev.apigwmcp.runtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.protocol.ClientSession;
import dev.apigwmcp.runtime.protocol.FixtureToolService;
import dev.apigwmcp.runtime.protocol.FrameParser;
import dev.apigwmcp.runtime.protocol.JsonRpc;
import dev.apigwmcp.runtime.protocol.McpServer;
import dev.apigwmcp.runtime.protocol.NotificationSink;
import dev.apigwmcp.runtime.protocol.Reply;
import dev.apigwmcp.runtime.protocol.ServerOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Two replicas that share a key, in one JVM: each has its own local state, neither shares anything else. */
class PortableSessionsTest {
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicLong seconds = new AtomicLong(1_000_000);
    private final SessionKeys keys = SessionKeys.random();
    private final McpServer server = new McpServer(new FixtureToolService(), ServerOptions.defaults());
    private final PortableSessions a = replica(keys);
    private final PortableSessions b = replica(keys);

    private PortableSessions replica(SessionKeys sharedKeys) {
        return new PortableSessions(
                new SessionStore(2, 2, Duration.ofMinutes(30), Duration.ofMinutes(2), nanos::get),
                sharedKeys,
                Duration.ofHours(1),
                seconds::get,
                10);
    }

    private CompletableFuture<Reply> send(ClientSession session, String json) {
        return server.handle(
                FrameParser.parse(json.getBytes(StandardCharsets.UTF_8)), session, NotificationSink.DISCARD);
    }

    /** An initialize on {@code replica}, as the endpoint runs it: the id the client gets back. */
    private String initialize(PortableSessions replica, String client) {
        ClientSession session = replica.create(client).session();
        send(
                        session,
                        "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                                + "\"capabilities\":{\"roots\":{},\"elicitation\":{}}}}")
                .join();
        return replica.established(session);
    }

    @Test
    void anotherReplicaServesTheSessionWithItsVersionAndCapabilities() {
        String id = initialize(a, "client");

        ClientSession onB = b.find(id, "client").session();

        assertThat(onB.protocolVersion()).isEqualTo("2025-06-18");
        assertThat(onB.clientCapabilities()).isEqualTo(Set.of("roots", "elicitation"));
        assertThat(onB.initialized()).isTrue();
        assertThat(send(onB, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")
                        .join()
                        .isError())
                .isFalse();
    }

    @Test
    void aReplicaWithAnotherKeyDoesNotKnowTheSession() {
        String id = initialize(a, "client");

        assertThat(replica(SessionKeys.random()).find(id, "client")).isEqualTo(Sessions.Found.NONE);
    }

    @Test
    void theSessionEndsOnEveryReplicaAtItsSealedExpiry() {
        String id = initialize(a, "client");
        b.find(id, "client");

        seconds.addAndGet(Duration.ofHours(1).toSeconds());

        assertThat(a.find(id, "client")).isEqualTo(Sessions.Found.NONE);
        assertThat(b.find(id, "client")).isEqualTo(Sessions.Found.NONE);
    }

    @Test
    void deleteEndsTheSessionAndItsCallsOnTheReplicaThatGetsItOnly() {
        String id = initialize(a, "client");
        ClientSession onB = b.find(id, "client").session();
        CompletableFuture<Reply> call =
                send(onB, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\"}}");

        assertThat(b.end(id)).isTrue();

        assertThat(call.join().error().message()).contains("its session ended");
        assertThat(b.find(id, "client")).isEqualTo(Sessions.Found.NONE);
        assertThat(a.find(id, "client").session()).isNotNull();
    }

    @Test
    void droppedLocalStateIsRebuiltFromTheIdAndTheSessionGoesOn() {
        String first = initialize(a, "client");
        String second = initialize(a, "client");
        nanos.addAndGet(Duration.ofMinutes(1).toNanos());

        String third = initialize(a, "client"); // at the per-client cap of 2: the oldest idle local state makes room

        assertThat(a.size()).isEqualTo(2);
        assertThat(a.find(first, "client").session()).isNotNull();
        assertThat(a.find(third, "client").session()).isNotNull();
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void whenEveryLocalStateHasACallRunningANewOneIsRefusedNamingTheSetting() {
        for (int i = 0; i < 2; i++) {
            ClientSession busy = b.find(initialize(a, "client"), "client").session();
            send(busy, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\"}}");
        }
        String third = initialize(a, "client");

        Sessions.Found refused = b.find(third, "client");

        assertThat(refused.session()).isNull();
        assertThat(refused.refusal().code()).isEqualTo(JsonRpc.SERVER_BUSY);
        assertThat(refused.refusal().data().get("limit").asString()).isEqualTo("max-sessions-per-client");
        b.closeAll();
    }
}
