package dev.apigwmcp.runtime.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.apigwmcp.runtime.protocol.JsonRpc;
import dev.apigwmcp.runtime.protocol.McpServer;
import dev.apigwmcp.runtime.protocol.ServerOptions;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Hostile and slow MCP clients against one HTTP gateway, with a well-behaved client (the official Java SDK's, on
 * 127.0.0.1) that must keep getting answers within {@link #NORMAL_BOUND} during and after each case. Hostile
 * clients speak raw HTTP from other loopback addresses, so per-client limits apply to them and not to it. The
 * limits are small here so that every deadline passes within the suite's few seconds. After the suite the
 * gateway's threads and the process's open file descriptors must be back to their idle counts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class HostileClientsTest {
    private static final Duration NORMAL_BOUND = Duration.ofMillis(100);
    private static final String HOSTILE = "127.0.0.2";
    private static final Duration READ_IDLE = Duration.ofMillis(1000);
    private static final Duration READ_TIMEOUT = Duration.ofMillis(2500);
    private static final int SESSIONS = 50;
    private static final int SESSIONS_PER_CLIENT = 20;
    private static final int CALLS_PER_CLIENT = 16;
    private static final int CALLS_PER_SESSION = 8;
    private static final int BATCH_REQUESTS = 16;
    private static final String MODERN_META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}";
    private static final String[] MODERN_CALL_HEADERS = {
        "Accept: application/json", "MCP-Protocol-Version: 2026-07-28", "Mcp-Method: tools/call", "Mcp-Name: slow"
    };

    private final CountingTools tools = new CountingTools();
    private HttpTransport transport;
    private int port;
    private McpSyncClient normal;
    private long idleGatewayThreads;
    private long idleFileDescriptors;

    @BeforeAll
    void start() throws Exception {
        HttpOptions options = new HttpOptions(
                "127.0.0.1",
                0,
                "/mcp",
                4L << 20,
                SESSIONS,
                Duration.ofMinutes(30),
                Set.of(),
                Set.of(),
                32,
                Duration.ofSeconds(30),
                new ClientLimits(
                        READ_IDLE, READ_TIMEOUT, SESSIONS_PER_CLIENT, Duration.ofSeconds(1), CALLS_PER_CLIENT));
        // Worker threads a burst starts end one second after it, so that the count is back to idle within the suite.
        transport = new HttpTransport(
                        new McpServer(tools, ServerOptions.defaults().withLimits(CALLS_PER_SESSION, BATCH_REQUESTS)),
                        options,
                        Duration.ofSeconds(1))
                .start();
        port = transport.port();
        normal = sdkClient();
        for (int i = 0; i < 200; i++) {
            // Warm-up, unmeasured: classes loaded and compiled on both sides, connection open.
            normal.listTools();
            normal.callTool(McpSchema.CallToolRequest.builder()
                    .name("echo")
                    .arguments(Map.of("warm", i))
                    .build());
        }
        Thread.sleep(2_500); // the warm-up's extra worker threads end (1 s idle, then the next eviction pass)
        idleGatewayThreads = gatewayThreads();
        idleFileDescriptors = fileDescriptors();
    }

    @AfterAll
    void threadsAndFileDescriptorsAreBackToIdle() throws Exception {
        try {
            normalClientIsServed();
            // Tolerance: none for the gateway's own threads (mcp-http*). Two descriptors: the well-behaved client's
            // JDK HttpClient may keep one more pooled connection than at the start, and both of its ends are in this
            // process. A leak per hostile connection would show as hundreds.
            boolean idle = eventually(
                    Duration.ofSeconds(15),
                    () -> gatewayThreads() <= idleGatewayThreads && fileDescriptors() <= idleFileDescriptors + 2);
            assertThat(idle)
                    .as(
                            "gateway threads %d (idle %d), file descriptors %d (idle %d): %s",
                            gatewayThreads(), idleGatewayThreads, fileDescriptors(), idleFileDescriptors, threadNames())
                    .isTrue();
        } finally {
            normal.close();
            transport.close();
        }
    }

    @Test
    void stalledRequestBodiesHoldNoWorkerThreadAndAreAnswered408AfterTheIdleLimit() throws Exception {
        int idleBusy = transport.busyThreads();
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                Socket socket = RawHttp.connect(HOSTILE, port);
                OutputStream out = socket.getOutputStream();
                out.write(RawHttp.postHead(port, 1000));
                out.write("{\"jsonrpc\"".getBytes(StandardCharsets.US_ASCII)); // 10 of 1,000 bytes, then nothing
                out.flush();
                stalled.add(socket);
            }
            // A thread blocked on each stalled body would stay busy until the 1,000 ms idle limit; accepting 100
            // connections keeps a few threads busy for a moment, longer on a loaded machine, so the count is
            // polled for a while shorter than that limit.
            boolean released = eventually(Duration.ofMillis(800), () -> transport.busyThreads() <= idleBusy + 2);
            assertThat(released)
                    .as("busy threads %d (idle %d)", transport.busyThreads(), idleBusy)
                    .isTrue();
            for (int round = 0; round < 3; round++) {
                normalClientIsServed();
            }
            for (Socket socket : stalled) {
                RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
                assertThat(answer.status()).isEqualTo(408);
                assertThat(answer.header("Connection")).isEqualTo("close");
                assertThat(answer.body()).contains("\"code\":-32600", "no byte arrived for 1000 ms");
            }
        } finally {
            closeAll(stalled);
        }
        normalClientIsServed();
    }

    @Test
    void tricklingRequestsAreAnswered408AtTheTotalLimit() throws Exception {
        List<Socket> bodies = new ArrayList<>();
        List<Socket> headers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Socket body = RawHttp.connect(HOSTILE, port);
            body.getOutputStream().write(RawHttp.postHead(port, 1000));
            bodies.add(body);
            Socket head = RawHttp.connect(HOSTILE, port);
            write(head, "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            headers.add(head);
        }
        Trickle trickle = new Trickle(bodies, headers);
        try {
            normalClientIsServed();
            List<RawHttp.Answer> answers = new ArrayList<>();
            for (Socket socket : bodies) {
                answers.add(RawHttp.read(socket.getInputStream()));
            }
            for (Socket socket : headers) {
                answers.add(RawHttp.read(socket.getInputStream()));
            }
            trickle.stop();
            // A byte every 100 ms keeps within the idle limit unless this loaded machine starved the sender.
            assumeTrue(
                    trickle.longestGap().compareTo(READ_IDLE) < 0,
                    "the test's sender was starved: " + trickle.longestGap());
            assertThat(answers).allSatisfy(answer -> {
                assertThat(answer.status()).isEqualTo(408);
                assertThat(answer.body()).contains("did not arrive within 2500 ms");
            });
            assertThat(answers.subList(10, 20))
                    .allSatisfy(answer -> assertThat(answer.body()).contains("headers were not received in time"));
        } finally {
            trickle.stop();
            closeAll(bodies);
            closeAll(headers);
        }
        normalClientIsServed();
    }

    @Test
    void connectionsThatSendNothingAreClosedAfterTheIdleLimit() throws Exception {
        List<Socket> silent = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                silent.add(RawHttp.connect(HOSTILE, port));
            }
            normalClientIsServed();
            for (Socket socket : silent) {
                assertThat(RawHttp.closedByServer(socket)).isTrue();
            }
        } finally {
            closeAll(silent);
        }
        normalClientIsServed();
    }

    @Test
    void aKeepAliveConnectionIdleBetweenRequestsIsNotCutByTheReadDeadlines() throws Exception {
        String discover =
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"server/discover\",\"params\":{" + MODERN_META + "}}";
        try (Socket socket = RawHttp.connect(HOSTILE, port)) {
            write(socket, "GET /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(405);
            Thread.sleep(READ_IDLE.multipliedBy(2).toMillis());
            RawHttp.send(socket, discover, port, "MCP-Protocol-Version: 2026-07-28", "Mcp-Method: server/discover");
            assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(200);
            Thread.sleep(READ_IDLE.multipliedBy(2).toMillis());
            RawHttp.send(socket, discover, port, "MCP-Protocol-Version: 2026-07-28", "Mcp-Method: server/discover");
            assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(200);
        }
    }

    @Test
    void aHugeBatchStartsOnlyTheCallsItsSessionMayRunAndRefusesTheRest() throws Exception {
        String session = initialize(HOSTILE, "2025-03-26");
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 10_000; i++) {
            batch.append(i == 0 ? "" : ",")
                    .append("{\"jsonrpc\":\"2.0\",\"id\":")
                    .append(i)
                    .append(",\"method\":\"tools/call\",\"params\":{\"name\":\"slow\",\"arguments\":{\"ms\":500}}}");
        }
        int startedBefore = tools.started.get();
        CompletableFuture<RawHttp.Answer> answer = CompletableFuture.supplyAsync(() -> post(
                HOSTILE,
                batch.append(']').toString(),
                "Accept: application/json",
                "Mcp-Session-Id: " + session,
                "MCP-Protocol-Version: 2025-03-26"));
        assertThat(eventually(Duration.ofSeconds(5), () -> tools.running.get() == CALLS_PER_SESSION))
                .isTrue();
        normalClientIsServed();

        JsonNode replies =
                JsonRpc.MAPPER.readTree(answer.get(10, TimeUnit.SECONDS).body());
        assertThat(replies).hasSize(10_000);
        assertThat(tools.started.get() - startedBefore).isEqualTo(CALLS_PER_SESSION);
        assertThat(count(replies, "/result/content/0/text", "slept 500")).isEqualTo(CALLS_PER_SESSION);
        assertThat(count(replies, "/error/data/limit", "max-calls-per-session"))
                .isEqualTo(BATCH_REQUESTS - CALLS_PER_SESSION);
        assertThat(count(replies, "/error/data/limit", "max-batch-requests")).isEqualTo(10_000 - BATCH_REQUESTS);
        normalClientIsServed();
    }

    @Test
    void aReusedIdIsRefusedWhileItsCallRunsAndThatCallStaysCancellable() throws Exception {
        String session = initialize(HOSTILE, "2025-11-25");
        String call = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\"}}";
        int cancelledBefore = tools.cancelled.get();
        try (Socket first = RawHttp.connect(HOSTILE, port)) {
            RawHttp.send(first, call, port, legacyHeaders(session, "Accept: application/json"));
            assertThat(eventually(Duration.ofSeconds(5), () -> transport.callsInFlight(HOSTILE) == 1))
                    .isTrue();

            RawHttp.Answer duplicate =
                    RawHttp.post(HOSTILE, port, call, legacyHeaders(session, "Accept: application/json"));
            assertThat(JsonRpc.MAPPER
                            .readTree(duplicate.body())
                            .at("/error/code")
                            .asInt())
                    .isEqualTo(JsonRpc.INVALID_REQUEST);
            assertThat(duplicate.body()).contains("id 7 is already used by a request still in flight");
            assertThat(transport.callsInFlight(HOSTILE)).isEqualTo(1);

            RawHttp.Answer cancel = RawHttp.post(
                    HOSTILE,
                    port,
                    "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\"," + "\"params\":{\"requestId\":7}}",
                    legacyHeaders(session, "Accept: application/json"));
            assertThat(cancel.status()).isEqualTo(202);
            RawHttp.Answer answer = RawHttp.read(first.getInputStream());
            assertThat(answer.status()).isEqualTo(200);
            assertThat(JsonRpc.MAPPER.readTree(answer.body()).at("/error/code").asInt())
                    .isEqualTo(JsonRpc.REQUEST_CANCELLED);
        }
        assertThat(tools.cancelled.get() - cancelledBefore).isEqualTo(1);
        assertThat(transport.callsInFlight(HOSTILE)).isZero();
        normalClientIsServed();
    }

    @Test
    void deletingASessionCancelsItsCallsAndAnswersEachOfThem() throws Exception {
        String session = initialize(HOSTILE, "2025-11-25");
        try (Socket json = RawHttp.connect(HOSTILE, port);
                Socket sse = RawHttp.connect(HOSTILE, port)) {
            RawHttp.send(
                    json,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\"}}",
                    port,
                    legacyHeaders(session, "Accept: application/json"));
            RawHttp.send(
                    sse,
                    "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\"}}",
                    port,
                    legacyHeaders(session, "Accept: application/json, text/event-stream"));
            assertThat(eventually(Duration.ofSeconds(5), () -> transport.callsInFlight(HOSTILE) == 2))
                    .isTrue();

            try (Socket delete = RawHttp.connect(HOSTILE, port)) {
                write(
                        delete,
                        "DELETE /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nMcp-Session-Id: " + session
                                + "\r\nConnection: close\r\n\r\n");
                assertThat(RawHttp.read(delete.getInputStream()).status()).isEqualTo(204);
            }
            RawHttp.Answer jsonAnswer = RawHttp.read(json.getInputStream());
            assertThat(JsonRpc.MAPPER
                            .readTree(jsonAnswer.body())
                            .at("/error/message")
                            .asString())
                    .contains("its session ended");
            RawHttp.Answer sseAnswer = RawHttp.read(sse.getInputStream());
            assertThat(sseAnswer.body()).contains("\"code\":" + JsonRpc.REQUEST_CANCELLED, "its session ended");
        }
        assertThat(transport.callsInFlight(HOSTILE)).isZero();
        normalClientIsServed();
    }

    @Test
    void closingTheConnectionCancelsTheCallPromptlyWithOrWithoutSse() throws Exception {
        int cancelledBefore = tools.cancelled.get();
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\","
                + MODERN_META + "}}";
        Socket json = RawHttp.connect(HOSTILE, port);
        Socket sse = RawHttp.connect(HOSTILE, port);
        RawHttp.send(json, body, port, MODERN_CALL_HEADERS);
        RawHttp.send(
                sse,
                body,
                port,
                "Accept: application/json, text/event-stream",
                "MCP-Protocol-Version: 2026-07-28",
                "Mcp-Method: tools/call",
                "Mcp-Name: slow");
        assertThat(eventually(Duration.ofSeconds(5), () -> transport.callsInFlight(HOSTILE) == 2))
                .isTrue();
        long closed = System.nanoTime();
        json.close();
        sse.close();

        // Heartbeats (two a second) find the closed connection: the first write after the close only draws the
        // peer's reset, the next one fails; so within about a second (the bound leaves room for a loaded machine).
        assertThat(eventually(Duration.ofSeconds(5), () -> tools.cancelled.get() - cancelledBefore == 2))
                .isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - closed)).isLessThan(Duration.ofMillis(2500));
        assertThat(transport.callsInFlight(HOSTILE)).isZero();
        normalClientIsServed();
    }

    @Test
    void oneClientsCallsBeyondItsShareAreRefusedWhileOthersKeepCalling() throws Exception {
        List<Socket> held = new ArrayList<>();
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\","
                + MODERN_META + "}}";
        try {
            for (int i = 0; i < CALLS_PER_CLIENT; i++) {
                Socket socket = RawHttp.connect(HOSTILE, port);
                RawHttp.send(socket, body, port, MODERN_CALL_HEADERS);
                held.add(socket);
            }
            assertThat(eventually(Duration.ofSeconds(5), () -> transport.callsInFlight(HOSTILE) == CALLS_PER_CLIENT))
                    .isTrue();

            RawHttp.Answer refused = RawHttp.post(HOSTILE, port, body, MODERN_CALL_HEADERS);
            JsonNode error = JsonRpc.MAPPER.readTree(refused.body()).get("error");
            assertThat(error.get("code").asInt()).isEqualTo(JsonRpc.SERVER_BUSY);
            assertThat(error.at("/data/limit").asString()).isEqualTo("max-calls-per-client");
            normalClientIsServed();
        } finally {
            closeAll(held);
        }
        assertThat(eventually(Duration.ofSeconds(5), () -> transport.callsInFlight(HOSTILE) == 0))
                .isTrue();
    }

    @Test
    void manySessionsFromFewClientsLockNoOneOutAndUnusedOnesExpireSoon() throws Exception {
        for (int i = 0; i < 200; i++) {
            initialize(HOSTILE, "2025-11-25");
        }
        for (String address : List.of("127.0.0.3", "127.0.0.4", "127.0.0.5")) {
            for (int i = 0; i < SESSIONS_PER_CLIENT; i++) {
                initialize(address, "2025-11-25");
            }
        }
        assertThat(transport.sessionCount()).isLessThanOrEqualTo(SESSIONS);
        normalClientIsServed();
        // A client never seen before still gets a session, and can use it. (Raw HTTP: a second SDK client's JDK
        // HttpClient would keep its selector's descriptors until collected, blurring the descriptor count.)
        String newcomer = initialize("127.0.0.6", "2025-11-25");
        RawHttp.Answer listed = RawHttp.post(
                "127.0.0.6",
                port,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}",
                legacyHeaders(newcomer, "Accept: application/json"));
        assertThat(JsonRpc.MAPPER.readTree(listed.body()).at("/result/tools").size())
                .isPositive();
        // Never used after initialize: gone after the unused-session period (1 s here) and a reaper pass; the
        // well-behaved client's and the newcomer's stay.
        assertThat(eventually(Duration.ofSeconds(5), () -> transport.sessionCount() == 2))
                .isTrue();
        normalClientIsServed();
    }

    /** Sends one byte every 100 ms on each socket, and remembers the longest pause it actually made. */
    private static final class Trickle {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private long last = System.nanoTime();
        private long longestGap;

        Trickle(List<Socket> bodies, List<Socket> headers) {
            timer.scheduleWithFixedDelay(
                    () -> {
                        bodies.forEach(socket -> write(socket, " "));
                        headers.forEach(socket -> write(socket, "X"));
                        tick();
                    },
                    100,
                    100,
                    TimeUnit.MILLISECONDS);
        }

        private synchronized void tick() {
            long now = System.nanoTime();
            longestGap = Math.max(longestGap, now - last);
            last = now;
        }

        synchronized Duration longestGap() {
            return Duration.ofNanos(longestGap);
        }

        void stop() {
            timer.shutdownNow();
        }
    }

    private McpSyncClient sdkClient() {
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                        .endpoint("/mcp")
                        .build())
                .requestTimeout(Duration.ofSeconds(10))
                .build();
        client.initialize();
        return client;
    }

    /**
     * The well-behaved client lists tools and calls one, five times. The median of each must be within the bound
     * and every answer within ten times it: on a shared two-core machine a single answer may wait out a garbage
     * collection or a descheduled thread, which is not what is tested here, whereas a client starved by hostile
     * ones waits on every request (before these limits: 18 and 118 seconds).
     */
    private void normalClientIsServed() {
        long[] lists = new long[5];
        long[] calls = new long[5];
        for (int round = 0; round < lists.length; round++) {
            long start = System.nanoTime();
            assertThat(normal.listTools().tools()).isNotEmpty();
            long listed = System.nanoTime();
            McpSchema.CallToolResult echo = normal.callTool(McpSchema.CallToolRequest.builder()
                    .name("echo")
                    .arguments(Map.of("round", round))
                    .build());
            long called = System.nanoTime();
            assertThat(echo.isError()).isNotEqualTo(Boolean.TRUE);
            lists[round] = listed - start;
            calls[round] = called - listed;
        }
        withinBound("tools/list", lists);
        withinBound("tools/call", calls);
    }

    private static void withinBound(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        assertThat(Duration.ofNanos(sorted[sorted.length / 2]))
                .as(what + " median")
                .isLessThan(NORMAL_BOUND);
        assertThat(Duration.ofNanos(sorted[sorted.length - 1]))
                .as(what + " slowest")
                .isLessThan(NORMAL_BOUND.multipliedBy(10));
    }

    private String initialize(String address, String version) throws IOException {
        RawHttp.Answer answer = RawHttp.post(
                address,
                port,
                "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\"," + "\"params\":{\"protocolVersion\":\""
                        + version + "\"}}",
                "Accept: application/json");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.header("Mcp-Session-Id");
    }

    private static String[] legacyHeaders(String session, String accept) {
        return new String[] {accept, "Mcp-Session-Id: " + session, "MCP-Protocol-Version: 2025-11-25"};
    }

    private RawHttp.Answer post(String address, String body, String... headers) {
        try {
            return RawHttp.post(address, port, body, headers);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(JsonNode replies, String pointer, String value) {
        long count = 0;
        for (JsonNode reply : replies) {
            if (value.equals(reply.at(pointer).asString(""))) {
                count++;
            }
        }
        return count;
    }

    private static void write(Socket socket, String text) {
        try {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        } catch (IOException e) {
            // the gateway closed it: what the test waits for
        }
    }

    private static void closeAll(List<Socket> sockets) {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private static boolean eventually(Duration within, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static long gatewayThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("mcp-http"))
                .count();
    }

    private static long fileDescriptors() {
        try (Stream<Path> open = Files.list(Path.of("/proc/self/fd"))) {
            return open.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .sorted()
                .toList();
    }
}
