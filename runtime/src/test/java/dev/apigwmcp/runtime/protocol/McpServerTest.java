package dev.apigwmcp.runtime.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class McpServerTest {
    private static final String MODERN_META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}";

    private final FixtureToolService fixture = new FixtureToolService(5);
    private final McpServer server =
            new McpServer(fixture, new ServerOptions("test", "1.0", "Use the tools.", 4, 60_000));
    private final List<JsonNode> notifications = new CopyOnWriteArrayList<>();

    private JsonNode send(ClientSession session, String json) {
        Reply reply = server.handle(
                        FrameParser.parse(json.getBytes(StandardCharsets.UTF_8)),
                        session,
                        frame -> notifications.add(JsonRpc.MAPPER.readTree(frame)))
                .orTimeout(5, TimeUnit.SECONDS)
                .join();
        return reply == null ? null : JsonRpc.MAPPER.readTree(reply.bytes());
    }

    private ClientSession initialized(String version) {
        ClientSession session = new ClientSession("s");
        JsonNode reply = send(
                session,
                "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + version
                        + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
        assertThat(reply.path("result").path("protocolVersion").asString()).isNotEmpty();
        send(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        return session;
    }

    @Test
    void initializeNegotiatesTheClientsVersionWhenSupported() {
        ClientSession session = new ClientSession("s");
        JsonNode reply = send(
                session,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}");
        assertThat(reply.at("/result/protocolVersion").asString()).isEqualTo("2025-06-18");
        assertThat(reply.at("/result/capabilities/tools").isObject()).isTrue();
        assertThat(reply.at("/result/serverInfo/name").asString()).isEqualTo("test");
        assertThat(reply.at("/result/instructions").asString()).isEqualTo("Use the tools.");
    }

    @Test
    void initializeOffersNewestLegacyVersionForUnknownVersion() {
        ClientSession session = new ClientSession("s");
        JsonNode reply = send(
                session,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2024-11-05\"}}");
        assertThat(reply.at("/result/protocolVersion").asString()).isEqualTo("2025-11-25");
    }

    @Test
    void initializeWithoutVersionIsInvalidParams() {
        JsonNode reply =
                send(new ClientSession("s"), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}");
        assertThat(reply.at("/error/code").asInt()).isEqualTo(JsonRpc.INVALID_PARAMS);
    }

    @Test
    void legacyToolsListBeforeInitializeIsRefused() {
        JsonNode reply = send(new ClientSession("s"), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
        assertThat(reply.at("/error/code").asInt()).isEqualTo(JsonRpc.INVALID_REQUEST);
        assertThat(reply.at("/error/message").asString()).contains("initialize");
    }

    @Test
    void pingAndSetLevelAnswerEmptyResults() {
        ClientSession session = initialized("2025-11-25");
        assertThat(send(session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}")
                        .get("result")
                        .isEmpty())
                .isTrue();
        assertThat(send(
                                session,
                                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"debug\"}}")
                        .get("result")
                        .isEmpty())
                .isTrue();
        assertThat(session.logLevel()).isEqualTo("debug");
        assertThat(send(
                                session,
                                "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"loud\"}}")
                        .at("/error/code")
                        .asInt())
                .isEqualTo(JsonRpc.INVALID_PARAMS);
    }

    @Test
    void toolsListPagesWithCursorsInNameOrder() {
        ClientSession session = initialized("2025-11-25");
        List<String> names = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode reply = send(
                    session,
                    "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/list\",\"params\":{"
                            + (cursor == null ? "" : "\"cursor\":\"" + cursor + "\"") + "}}");
            reply.at("/result/tools").forEach(tool -> names.add(tool.get("name").asString()));
            cursor = reply.at("/result").has("nextCursor")
                    ? reply.at("/result/nextCursor").asString()
                    : null;
            assertThat(reply.at("/result").has("ttlMs")).isFalse();
            pages++;
        } while (cursor != null);
        assertThat(names).hasSize(fixture.listings().size()).isSorted();
        assertThat(pages).isEqualTo(server.toolPageCount()).isGreaterThan(1);
    }

    @Test
    void unknownCursorIsInvalidParams() {
        JsonNode reply = send(
                initialized("2025-11-25"),
                "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/list\",\"params\":{\"cursor\":\"bogus\"}}");
        assertThat(reply.at("/error/code").asInt()).isEqualTo(JsonRpc.INVALID_PARAMS);
        assertThat(reply.at("/error/message").asString()).contains("cursor");
    }

    @Test
    void version20250326ClientsGetNoOutputSchemaNorStructuredContent() {
        ClientSession session = initialized("2025-03-26");
        JsonNode list = send(session, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/list\"}");
        list.at("/result/tools")
                .forEach(tool -> assertThat(tool.has("outputSchema")).isFalse());
        JsonNode call = send(
                session,
                "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"a\":1}}}");
        assertThat(call.at("/result").has("structuredContent")).isFalse();
        assertThat(call.at("/result/content/0/text").asString()).isEqualTo("{\"a\":1}");
    }

    @Test
    void version20250618ClientsGetOutputSchemaAndStructuredContent() {
        ClientSession session = initialized("2025-06-18");
        JsonNode list = send(session, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/list\",\"params\":{}}");
        boolean anyOutputSchema = false;
        String cursor = list.at("/result/nextCursor").asString();
        for (JsonNode tool : list.at("/result/tools")) {
            anyOutputSchema |= tool.has("outputSchema");
        }
        while (!anyOutputSchema && cursor != null && !cursor.isEmpty()) {
            JsonNode page = send(
                    session,
                    "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/list\",\"params\":{\"cursor\":\"" + cursor
                            + "\"}}");
            for (JsonNode tool : page.at("/result/tools")) {
                anyOutputSchema |= tool.has("outputSchema");
            }
            cursor = page.at("/result").has("nextCursor")
                    ? page.at("/result/nextCursor").asString()
                    : null;
        }
        assertThat(anyOutputSchema).isTrue();
        JsonNode call = send(
                session,
                "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"a\":1}}}");
        assertThat(call.at("/result/structuredContent/a").asInt()).isEqualTo(1);
        assertThat(call.at("/result").has("resultType")).isFalse();
    }

    @Test
    void unknownToolAndMissingNameAreInvalidParamsNamingTheProblem() {
        ClientSession session = initialized("2025-11-25");
        JsonNode unknown = send(
                session, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"nope\"}}");
        assertThat(unknown.at("/error/code").asInt()).isEqualTo(JsonRpc.INVALID_PARAMS);
        assertThat(unknown.at("/error/message").asString()).contains("\"nope\"");
        JsonNode missing = send(session, "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\",\"params\":{}}");
        assertThat(missing.at("/error/code").asInt()).isEqualTo(JsonRpc.INVALID_PARAMS);
        assertThat(missing.at("/error/message").asString()).contains("params.name");
    }

    @Test
    void unknownMethodIsMethodNotFound() {
        JsonNode reply =
                send(initialized("2025-11-25"), "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"resources/list\"}");
        assertThat(reply.at("/error/code").asInt()).isEqualTo(JsonRpc.METHOD_NOT_FOUND);
    }

    @Test
    void notificationsGetNoReply() {
        assertThat(send(
                        initialized("2025-11-25"),
                        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/roots/list_changed\"}"))
                .isNull();
    }

    @Test
    void progressTokenYieldsIncreasingProgressNotificationsBeforeTheResult() {
        JsonNode reply = send(
                initialized("2025-11-25"),
                "{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"tools/call\",\"params\":"
                        + "{\"name\":\"test_tool_with_progress\",\"_meta\":{\"progressToken\":\"p1\"}}}");
        assertThat(reply.at("/result/content/0/text").asString()).contains("completed");
        assertThat(notifications).hasSize(3);
        assertThat(notifications).allSatisfy(n -> {
            assertThat(n.get("method").asString()).isEqualTo("notifications/progress");
            assertThat(n.at("/params/progressToken").asString()).isEqualTo("p1");
        });
        assertThat(notifications.stream()
                        .map(n -> n.at("/params/progress").asDouble())
                        .toList())
                .containsExactly(0.0, 50.0, 100.0);
    }

    @Test
    void noProgressTokenMeansNoNotifications() {
        send(
                initialized("2025-11-25"),
                "{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"tools/call\",\"params\":{\"name\":\"test_tool_with_progress\"}}");
        assertThat(notifications).isEmpty();
    }

    @Test
    void cancelledNotificationCancelsTheRunningCallAndMarksItsReplyOptional() throws Exception {
        ClientSession session = initialized("2025-11-25");
        var pending = server.handle(
                FrameParser.parse(
                        "{\"jsonrpc\":\"2.0\",\"id\":\"slow-1\",\"method\":\"tools/call\",\"params\":{\"name\":\"slow\"}}"
                                .getBytes(StandardCharsets.UTF_8)),
                session,
                NotificationSink.DISCARD);
        assertThat(pending).isNotDone();
        send(
                session,
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":\"slow-1\",\"reason\":\"user\"}}");
        assertThat(fixture.slowCancelled.await(5, TimeUnit.SECONDS)).isTrue();
        Reply reply = pending.get(5, TimeUnit.SECONDS);
        assertThat(reply.isOptional()).isTrue();
        assertThat(reply.error().code()).isEqualTo(JsonRpc.REQUEST_CANCELLED);
        assertThat(session.inFlightCount()).isZero();
    }

    @Test
    void anIdInFlightCannotBeReusedInTheSessionButIsFreeAgainOnceAnswered() throws Exception {
        ClientSession session = initialized("2025-11-25");
        var first = server.handle(
                FrameParser.parse(("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
                                + "{\"name\":\"slow\",\"arguments\":{\"ms\":200}}}")
                        .getBytes(StandardCharsets.UTF_8)),
                session,
                NotificationSink.DISCARD);

        JsonNode duplicate = send(
                session, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\"}}");

        assertThat(duplicate.at("/error/code").asInt()).isEqualTo(JsonRpc.INVALID_REQUEST);
        assertThat(duplicate.at("/error/message").asString()).contains("id 3 is already used");
        assertThat(first.get(5, TimeUnit.SECONDS).isError()).isFalse();
        assertThat(send(
                                session,
                                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\"}}")
                        .has("result"))
                .isTrue();
    }

    @Test
    void callsBeyondTheSessionLimitAreRefusedNamingTheSetting() {
        McpServer limited = new McpServer(fixture, ServerOptions.defaults().withLimits(2, 32));
        ClientSession session = new ClientSession("s");
        limited.handle(
                        FrameParser.parse(
                                "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\"}}"
                                        .getBytes(StandardCharsets.UTF_8)),
                        session,
                        NotificationSink.DISCARD)
                .join();
        List<java.util.concurrent.CompletableFuture<Reply>> replies = new java.util.ArrayList<>();
        for (int id = 1; id <= 3; id++) {
            replies.add(limited.handle(
                    FrameParser.parse(("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\","
                                    + "\"params\":{\"name\":\"slow\"}}")
                            .getBytes(StandardCharsets.UTF_8)),
                    session,
                    NotificationSink.DISCARD));
        }

        Reply third = replies.get(2).join();
        assertThat(third.error().code()).isEqualTo(JsonRpc.SERVER_BUSY);
        assertThat(third.error().data().get("limit").asString()).isEqualTo("max-calls-per-session");
        assertThat(session.inFlightCount()).isEqualTo(2);
        session.cancelAll(CancelReason.SESSION_ENDED);
        assertThat(replies.get(0).join().error().message()).contains("its session ended");
        assertThat(replies.get(0).join().isOptional()).isFalse();
    }

    @Test
    void batchRequestsBeyondTheLimitAreRefusedOneByOneAndStartNothing() {
        McpServer limited = new McpServer(fixture, ServerOptions.defaults().withLimits(32, 2));
        ClientSession session = new ClientSession("s");
        limited.handle(
                        FrameParser.parse(
                                "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-03-26\"}}"
                                        .getBytes(StandardCharsets.UTF_8)),
                        session,
                        NotificationSink.DISCARD)
                .join();

        Reply reply = limited.handle(
                        FrameParser.parse(("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},"
                                        + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/x\"},"
                                        + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\"}},"
                                        + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\"}}]")
                                .getBytes(StandardCharsets.UTF_8)),
                        session,
                        NotificationSink.DISCARD)
                .join();

        JsonNode answers = JsonRpc.MAPPER.readTree(reply.bytes());
        assertThat(answers).hasSize(3);
        assertThat(answers.get(2).at("/id").asInt()).isEqualTo(3);
        assertThat(answers.get(2).at("/error/code").asInt()).isEqualTo(JsonRpc.SERVER_BUSY);
        assertThat(answers.get(2).at("/error/data/limit").asString()).isEqualTo("max-batch-requests");
        assertThat(session.inFlightCount()).isZero();
    }

    @Test
    void everyRefusedCallIsToldToTheRefusalListenerWithItsToolOnlyWhenItIsOne() {
        List<String> refused = new CopyOnWriteArrayList<>();
        McpServer limited = new McpServer(fixture, ServerOptions.defaults().withLimits(1, 2), false, refused::add);
        ClientSession session = new ClientSession("s");
        limited.handle(
                        FrameParser.parse(
                                "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-03-26\"}}"
                                        .getBytes(StandardCharsets.UTF_8)),
                        session,
                        NotificationSink.DISCARD)
                .join();
        var running = limited.handle(
                FrameParser.parse(
                        ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\"," + "\"params\":{\"name\":\"slow\"}}")
                                .getBytes(StandardCharsets.UTF_8)),
                session,
                NotificationSink.DISCARD);

        Reply duplicate = limited.handle(
                        FrameParser.parse(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                                        + "\"params\":{\"name\":\"echo\"}}")
                                .getBytes(StandardCharsets.UTF_8)),
                        session,
                        NotificationSink.DISCARD)
                .join();
        Reply overSession = limited.handle(
                        FrameParser.parse(("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\","
                                        + "\"params\":{\"name\":\"echo\"}}")
                                .getBytes(StandardCharsets.UTF_8)),
                        session,
                        NotificationSink.DISCARD)
                .join();
        limited.handle(
                        FrameParser.parse(("[{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"},"
                                        + "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"},"
                                        + "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\"},"
                                        + "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\",\"params\":{\"name\":\"made-up\"}},"
                                        + "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\"}}]")
                                .getBytes(StandardCharsets.UTF_8)),
                        session,
                        NotificationSink.DISCARD)
                .join();

        assertThat(duplicate.error().code()).isEqualTo(JsonRpc.INVALID_REQUEST);
        assertThat(overSession.error().code()).isEqualTo(JsonRpc.SERVER_BUSY);
        // The duplicate, the call over the session's limit, and the batch's two tool calls beyond its limit (a
        // refused ping is no call; a name that is no tool is not passed on).
        assertThat(refused).containsExactly("echo", "echo", null, "echo");
        session.cancelAll(CancelReason.SESSION_ENDED);
        running.join();
    }

    @Test
    void aToolsCallWithoutAnIdIsNotRun() {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        McpServer counting = new McpServer(
                new FixtureToolService() {
                    @Override
                    public java.util.concurrent.CompletableFuture<tools.jackson.databind.node.ObjectNode> call(
                            String name, JsonNode arguments, dev.apigwmcp.runtime.tools.ProgressListener progress) {
                        calls.incrementAndGet();
                        return super.call(name, arguments, progress);
                    }
                },
                ServerOptions.defaults());
        ClientSession session = new ClientSession("s");
        counting.handle(
                        FrameParser.parse(
                                "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\"}}"
                                        .getBytes(StandardCharsets.UTF_8)),
                        session,
                        NotificationSink.DISCARD)
                .join();

        Reply reply = counting.handle(
                        FrameParser.parse(
                                "{\"jsonrpc\":\"2.0\",\"method\":\"tools/call\",\"params\":{\"name\":\"echo\"}}"
                                        .getBytes(StandardCharsets.UTF_8)),
                        session,
                        NotificationSink.DISCARD)
                .join();

        assertThat(reply).isNull();
        assertThat(calls).hasValue(0);
    }

    @Test
    void batchIsAnsweredAsArrayFor20250326Only() {
        JsonNode batch = send(
                initialized("2025-03-26"),
                "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},"
                        + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/x\"},{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"nope\"}]");
        assertThat(batch.isArray()).isTrue();
        assertThat(batch).hasSize(2);
        JsonNode refused = send(initialized("2025-06-18"), "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]");
        assertThat(refused.at("/error/code").asInt()).isEqualTo(JsonRpc.INVALID_REQUEST);
    }

    @Test
    void modernDiscoverNeedsNoSession() {
        JsonNode reply = send(
                null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"server/discover\",\"params\":{" + MODERN_META + "}}");
        JsonNode result = reply.get("result");
        assertThat(result.get("supportedVersions").toString()).contains("2026-07-28", "2025-03-26");
        assertThat(result.get("resultType").asString()).isEqualTo("complete");
        assertThat(result.get("cacheScope").asString()).isEqualTo("public");
        assertThat(result.get("ttlMs").asLong()).isEqualTo(60_000);
        assertThat(result.at("/_meta/io.modelcontextprotocol~1serverInfo/name").asString())
                .isEqualTo("test");
    }

    @Test
    void modernToolsListCarriesCacheHintsAndResultType() {
        JsonNode reply =
                send(null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{" + MODERN_META + "}}");
        assertThat(reply.at("/result/resultType").asString()).isEqualTo("complete");
        assertThat(reply.at("/result/ttlMs").asLong()).isEqualTo(60_000);
        assertThat(reply.at("/result/cacheScope").asString()).isEqualTo("public");
        assertThat(reply.at("/result/tools")).hasSize(4);
        assertThat(reply.at("/result/nextCursor").asString()).isNotEmpty();
    }

    @Test
    void modernToolsCallResultIsComplete() {
        JsonNode reply = send(
                null,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"test_simple_text\","
                        + MODERN_META + "}}");
        assertThat(reply.at("/result/resultType").asString()).isEqualTo("complete");
        assertThat(reply.at("/result/content/0/type").asString()).isEqualTo("text");
    }

    @Test
    void modernUnsupportedVersionListsSupportedVersions() {
        JsonNode reply = send(
                null,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"_meta\":"
                        + "{\"io.modelcontextprotocol/protocolVersion\":\"2099-01-01\"}}}");
        assertThat(reply.at("/error/code").asInt()).isEqualTo(JsonRpc.UNSUPPORTED_PROTOCOL_VERSION);
        assertThat(reply.at("/error/data/requested").asString()).isEqualTo("2099-01-01");
        assertThat(reply.at("/error/data/supported").toString()).contains("2026-07-28", "2025-11-25");
    }

    @Test
    void modernEraHasNoPing() {
        JsonNode reply =
                send(null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{" + MODERN_META + "}}");
        assertThat(reply.at("/error/code").asInt()).isEqualTo(JsonRpc.METHOD_NOT_FOUND);
    }

    @Test
    void toolFailureBecomesInternalErrorWithoutStackTrace() {
        McpServer failing = new McpServer(
                new FixtureToolService() {
                    @Override
                    public java.util.concurrent.CompletableFuture<tools.jackson.databind.node.ObjectNode> call(
                            String name, JsonNode arguments, dev.apigwmcp.runtime.tools.ProgressListener progress) {
                        return java.util.concurrent.CompletableFuture.failedFuture(
                                new IllegalStateException("boom at com.example.Secret"));
                    }
                },
                ServerOptions.defaults());
        Reply reply = failing.handle(
                        FrameParser.parse(
                                ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
                                                + MODERN_META + "}}")
                                        .getBytes(StandardCharsets.UTF_8)),
                        null,
                        NotificationSink.DISCARD)
                .join();
        assertThat(reply.error().code()).isEqualTo(JsonRpc.INTERNAL_ERROR);
        assertThat(new String(reply.bytes(), StandardCharsets.UTF_8)).doesNotContain("boom", "Exception", "\tat ");
    }
}
