package dev.apigwmcp.runtime.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwmcp.runtime.protocol.FixtureToolService;
import dev.apigwmcp.runtime.protocol.JsonRpc;
import dev.apigwmcp.runtime.protocol.McpServer;
import dev.apigwmcp.runtime.protocol.ServerOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

@Timeout(20)
class StdioTransportTest {

    private static List<JsonNode> run(String input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new StdioTransport(
                        new McpServer(new FixtureToolService(), ServerOptions.defaults()),
                        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                        out)
                .run();
        assertThat(code).isZero();
        return out.toString(StandardCharsets.UTF_8)
                .lines()
                .map(line -> JsonRpc.MAPPER.readTree(line))
                .toList();
    }

    private static final String INIT =
            "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\"}}\n";

    @Test
    void malformedLineGetsParseErrorAndSessionContinues() {
        List<JsonNode> frames = run("{not json\n" + INIT + "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\n");
        assertThat(frames).hasSize(3);
        assertThat(frames.get(0).at("/error/code").asInt()).isEqualTo(JsonRpc.PARSE_ERROR);
        assertThat(frames.get(0).get("id").isNull()).isTrue();
        assertThat(frames.get(2).get("id").asInt()).isEqualTo(1);
    }

    @Test
    void aByteOrderMarkAndCrlfLineEndsAreRead() {
        List<JsonNode> frames =
                run("\uFEFF" + INIT.replace("\n", "\r\n") + "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\r\n");
        assertThat(frames).hasSize(2);
        assertThat(frames.get(0).at("/result/protocolVersion").asString()).isEqualTo("2025-11-25");
        assertThat(frames.get(1).get("id").asInt()).isEqualTo(1);
    }

    @Test
    void aMessageArrivingOneByteAtATimeIsAnsweredOnce() {
        byte[] input = (INIT + "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\n").getBytes(StandardCharsets.UTF_8);
        ByteArrayInputStream whole = new ByteArrayInputStream(input);
        InputStream trickle = new InputStream() {
            @Override
            public int read() {
                return whole.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return length == 0 ? 0 : whole.read(buffer, offset, 1);
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new StdioTransport(new McpServer(new FixtureToolService(), ServerOptions.defaults()), trickle, out).run();
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(2);
    }

    @Test
    void endOfInputInsideAMessageIsAParseError() {
        List<JsonNode> frames = run(INIT + "{\"jsonrpc\":\"2.0\",\"id\":1,\"meth");
        assertThat(frames).hasSize(2);
        assertThat(frames.get(1).at("/error/code").asInt()).isEqualTo(JsonRpc.PARSE_ERROR);
    }

    @Test
    void slowCallAnswersAfterLaterFastRequest() {
        List<JsonNode> frames = run(INIT
                + "{\"jsonrpc\":\"2.0\",\"id\":\"slow\",\"method\":\"tools/call\",\"params\":{\"name\":\"slow\",\"arguments\":{\"ms\":300}}}\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":\"fast\",\"method\":\"ping\"}\n");
        assertThat(frames.stream().map(f -> f.get("id").asString()).toList()).containsExactly("0", "fast", "slow");
        assertThat(frames.get(2).at("/result/content/0/text").asString()).isEqualTo("slept 300");
    }

    @Test
    void progressNotificationsPrecedeTheResultOnStdout() {
        List<JsonNode> frames = run(INIT + "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"test_tool_with_progress\",\"_meta\":{\"progressToken\":7}}}\n");
        assertThat(frames).hasSize(5);
        assertThat(frames.subList(1, 4))
                .allSatisfy(f -> assertThat(f.get("method").asString()).isEqualTo("notifications/progress"));
        assertThat(frames.get(4).get("id").asInt()).isEqualTo(5);
    }

    @Test
    void aReusedIdWhileItsCallRunsIsRefused() {
        List<JsonNode> frames = run(INIT
                + "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\",\"arguments\":{\"ms\":300}}}\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\"}}\n");
        assertThat(frames).hasSize(3);
        assertThat(frames.get(1).at("/error/code").asInt()).isEqualTo(JsonRpc.INVALID_REQUEST);
        assertThat(frames.get(1).at("/error/message").asString()).contains("id 4 is already used");
        assertThat(frames.get(2).at("/result/content/0/text").asString()).isEqualTo("slept 300");
    }

    @Test
    void endOfInputCancelsCallsStillRunningAfterTheDrain() throws Exception {
        FixtureToolService fixture = new FixtureToolService();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long start = System.nanoTime();
        new StdioTransport(
                        new McpServer(fixture, ServerOptions.defaults()),
                        new ByteArrayInputStream((INIT
                                        + "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\"}}\n")
                                .getBytes(StandardCharsets.UTF_8)),
                        out,
                        Duration.ofMillis(300))
                .run();
        assertThat(fixture.slowCancelled.await(0, TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        // Nobody is left to read an answer to the cancelled call: only initialize's is written.
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
    }

    @Test
    void aCallOfSeveralSecondsPipedInAndClosedStillAnswers() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new StdioTransport(
                        new McpServer(new FixtureToolService(), ServerOptions.defaults()),
                        new ByteArrayInputStream((INIT
                                        + "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\","
                                        + "\"arguments\":{\"ms\":2500}}}\n")
                                .getBytes(StandardCharsets.UTF_8)),
                        out)
                .run();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("slept 2500");
    }

    @Test
    void emptyInputExitsCleanlyWithNoOutput() {
        assertThat(run("")).isEmpty();
    }

    /** Collects what the transport writes, one frame per line, as it is written. */
    private static final class Lines extends OutputStream {
        final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                frames.add(JsonRpc.MAPPER.readTree(line.toByteArray()));
                line.reset();
            } else {
                line.write(b);
            }
        }

        JsonNode next() throws InterruptedException {
            JsonNode frame = frames.poll(10, TimeUnit.SECONDS);
            assertThat(frame).as("a frame within 10 s").isNotNull();
            return frame;
        }
    }

    @Test
    void whileTheServerStartsInitializeIsAnsweredAndLaterMessagesWaitForItInOrder() throws Exception {
        CompletableFuture<McpServer> starting = new CompletableFuture<>();
        PipedOutputStream client = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(client, 1 << 16);
        Lines out = new Lines();
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(
                () -> new StdioTransport(starting, ServerOptions.defaults(), in, out, Duration.ofSeconds(5)).run());

        client.write(INIT.getBytes(StandardCharsets.UTF_8));
        client.flush();
        JsonNode initialize = out.next();
        client.write(("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                        + "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}\n"
                        + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}\n")
                .getBytes(StandardCharsets.UTF_8));
        client.flush();
        JsonNode early = out.frames.poll(300, TimeUnit.MILLISECONDS);
        starting.complete(new McpServer(new FixtureToolService(), ServerOptions.defaults()));
        JsonNode list = out.next();
        JsonNode ping = out.next();
        client.close();

        assertThat(initialize.at("/result/protocolVersion").asString()).isEqualTo("2025-11-25");
        assertThat(early)
                .as("nothing but initialize is answered before the start")
                .isNull();
        assertThat(list.get("id").asInt()).isEqualTo(1);
        assertThat(list.at("/result/tools").isArray()).isTrue();
        assertThat(ping.get("id").asInt()).isEqualTo(2);
        assertThat(run.get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void aStartThatFailsAfterTheEarlyInitializeEndsTheTransportWithItsException() throws Exception {
        CompletableFuture<McpServer> starting = new CompletableFuture<>();
        PipedOutputStream client = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(client, 1 << 16);
        Lines out = new Lines();
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(
                () -> new StdioTransport(starting, ServerOptions.defaults(), in, out, Duration.ofSeconds(5)).run());

        client.write(
                (INIT + "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}\n").getBytes(StandardCharsets.UTF_8));
        client.flush();
        out.next();
        starting.completeExceptionally(new IllegalStateException("target 'pets': no credentials"));

        assertThatThrownBy(() -> run.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("target 'pets': no credentials");
        assertThat(out.frames).isEmpty();
    }

    @Test
    void endOfInputBeforeTheServerStartedWaitsForTheStartAndThrowsItsFailure() {
        CompletableFuture<McpServer> starting = new CompletableFuture<>();
        CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS)
                .execute(() -> starting.completeExceptionally(new IllegalStateException("bindings.json is missing")));

        assertThatThrownBy(() -> new StdioTransport(
                                starting,
                                ServerOptions.defaults(),
                                new ByteArrayInputStream(new byte[0]),
                                new ByteArrayOutputStream(),
                                Duration.ofSeconds(5))
                        .run())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("bindings.json is missing");
    }
}
