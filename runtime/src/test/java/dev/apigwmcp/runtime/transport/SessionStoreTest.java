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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SessionStoreTest {
    private final AtomicLong clock = new AtomicLong();
    private final McpServer server = new McpServer(new FixtureToolService(), ServerOptions.defaults());
    private final SessionStore store =
            new SessionStore(3, 2, Duration.ofMinutes(30), Duration.ofMinutes(2), clock::get);

    private CompletableFuture<Reply> send(ClientSession session, String json) {
        return server.handle(
                FrameParser.parse(json.getBytes(StandardCharsets.UTF_8)), session, NotificationSink.DISCARD);
    }

    private ClientSession initialized(String client) {
        ClientSession session = store.create(client).session();
        send(
                        session,
                        "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\"}}")
                .join();
        return session;
    }

    private void advance(Duration by) {
        clock.addAndGet(by.toNanos());
    }

    @Test
    void aSessionNeverUsedAfterInitializeExpiresAfterTheShorterPeriod() {
        ClientSession unused = initialized("a");
        ClientSession used = initialized("b");
        send(used, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").join();

        advance(Duration.ofMinutes(3));

        assertThat(store.get(unused.id())).isNull();
        assertThat(store.get(used.id())).isSameAs(used);
    }

    @Test
    void aSessionWithACallInFlightDoesNotExpire() {
        ClientSession session = initialized("a");
        CompletableFuture<Reply> call = send(
                session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\"}}");

        advance(Duration.ofHours(1));
        store.reap();

        assertThat(store.get(session.id())).isSameAs(session);
        store.remove(session.id());
        assertThat(call.join().error().message()).contains("its session ended");
    }

    @Test
    void atTheClientCapThatClientsLeastRecentlyUsedSessionMakesRoom() {
        ClientSession older = initialized("a");
        advance(Duration.ofSeconds(1));
        ClientSession newer = initialized("a");
        ClientSession other = initialized("b");

        Sessions.Found created = store.create("a");

        assertThat(created.session()).isNotNull();
        assertThat(store.get(older.id())).isNull();
        assertThat(store.get(newer.id())).isSameAs(newer);
        assertThat(store.get(other.id())).isSameAs(other);
    }

    @Test
    void atTheGlobalCapAnUnusedSessionGoesBeforeAUsedOne() {
        ClientSession used = initialized("a");
        send(used, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").join();
        advance(Duration.ofSeconds(1));
        ClientSession unused = initialized("b");
        advance(Duration.ofSeconds(1));
        ClientSession newerUnused = initialized("c");

        assertThat(store.create("d").session()).isNotNull();
        assertThat(store.get(newerUnused.id())).isSameAs(newerUnused);

        assertThat(store.get(unused.id())).isNull();
        assertThat(store.get(used.id())).isSameAs(used);
    }

    @Test
    void atTheClientCapWithEverySessionBusyInitializeIsRefusedNamingTheSetting() throws Exception {
        for (int i = 0; i < 2; i++) {
            send(
                    initialized("a"),
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\"}}");
        }

        Sessions.Found refused = store.create("a");

        assertThat(refused.session()).isNull();
        assertThat(refused.refusal().code()).isEqualTo(JsonRpc.SERVER_BUSY);
        assertThat(refused.refusal().data().get("limit").asString()).isEqualTo("max-sessions-per-client");
        assertThat(store.create("b").session()).isNotNull();
        store.closeAll();
    }
}
