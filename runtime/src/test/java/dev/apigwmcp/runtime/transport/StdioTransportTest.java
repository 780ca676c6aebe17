package dev.apigwmcp.runtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.protocol.FixtureToolService;
import dev.apigwmcp.runtime.protocol.JsonRpc;
import dev.apigwmcp.runtime.protocol.McpServer;
import dev.apigwmcp.runtime.protocol.ServerOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
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
}
