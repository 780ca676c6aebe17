package dev.apigwmcp.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.testing.GatewayMainProcess;
import dev.apigwmcp.runtime.upstream.TestUpstream;
import dev.apigwmcp.runtime.upstream.TestUpstream.Reply;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The launcher as its own process (stdout and stderr as an MCP client sees them), at the default log level: stdout
 * carries protocol frames and nothing else, and stderr has one line per tool call whichever the transport.
 */
@Timeout(60)
class GatewayOutputStreamsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String API_KEY = "k-123-secret";
    private static final String CALL_LINE =
            "INFO dev.apigwmcp.runtime.calls - tool=pets___GetPet outcome=OK" + " status=200 durationMs=";

    private TestUpstream upstream;
    private GatewayMainProcess gateway;
    private Process process;

    @BeforeEach
    void start() throws IOException {
        upstream = new TestUpstream();
        upstream.respond(request -> Reply.json(200, "{\"id\":\"7\",\"name\":\"Rex\"}"));
    }

    @AfterEach
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        upstream.close();
    }

    /**
     * Starts the pets gateway with every credential; stderr is collected line by line as it comes, stdout is the
     * process's pipe unless {@code stdoutFile} is given.
     */
    private CompletableFuture<URI> launch(Path stdoutFile, String... extra) throws IOException {
        gateway = GatewayMainProcess.of(PetsGatewayMain.class)
                .args("--target.pets.base-url", upstream.baseUri().toString())
                .args(PetsGatewayMain.CREDENTIALS)
                .args(extra)
                .environment(Map.of("PETS_KEY", API_KEY))
                .stdoutTo(stdoutFile)
                .start();
        process = gateway.process();
        return gateway.serving();
    }

    private void awaitCallLine() throws InterruptedException {
        for (int i = 0; i < 100 && gateway.stderr().stream().noneMatch(line -> line.startsWith(CALL_LINE)); i++) {
            Thread.sleep(50);
        }
    }

    @Test
    void overStdioStdoutCarriesOnlyFramesAndStderrTheCallLine() throws Exception {
        launch(null);
        OutputStream stdin = process.getOutputStream();
        BufferedReader stdout =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> frames = new ArrayList<>();
        stdin.write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                        + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}\n"
                        + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                        + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"pets___GetPet\","
                        + "\"arguments\":{\"petId\":\"7\"}}}\n")
                .getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        // End of input cancels unfinished calls: close it only once the call has answered.
        while (frames.stream().noneMatch(frame -> frame.contains("\"id\":2"))) {
            String frame = stdout.readLine();
            assertThat(frame)
                    .as("stdout ended early; stderr: %s", gateway.stderr())
                    .isNotNull();
            frames.add(frame);
        }
        stdin.close();
        for (String frame = stdout.readLine(); frame != null; frame = stdout.readLine()) {
            frames.add(frame);
        }
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("stderr: %s", gateway.stderr()).isZero();
        assertThat(frames)
                .allSatisfy(
                        frame -> assertThat(JSON.readTree(frame).get("jsonrpc").asString())
                                .isEqualTo("2.0"));
        JsonNode answer = JSON.readTree(frames.get(frames.size() - 1));
        assertThat(answer.get("result").path("isError").asBoolean(false))
                .as(answer.toString())
                .isFalse();
        awaitCallLine();
        assertThat(gateway.stderr())
                .anyMatch(line -> line.startsWith(CALL_LINE))
                .noneMatch(line -> line.contains(API_KEY));
    }

    @Test
    void overHttpStderrHasTheSameCallLine(@TempDir Path dir) throws Exception {
        Path stdout = dir.resolve("stdout.txt");
        URI endpoint = launch(stdout, "--transport", "http", "--port", "0").get(30, TimeUnit.SECONDS);
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"pets___GetPet\","
                + "\"arguments\":{\"petId\":\"7\"},\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":"
                + "\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(endpoint)
                                .timeout(Duration.ofSeconds(20))
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json, text/event-stream")
                                .header("MCP-Protocol-Version", "2026-07-28")
                                .header("Mcp-Method", "tools/call")
                                .header("Mcp-Name", "pets___GetPet")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        awaitCallLine();
        assertThat(gateway.stderr())
                .anyMatch(line -> line.startsWith(CALL_LINE))
                .noneMatch(line -> line.contains(API_KEY));
        process.destroy();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(stdout).as("stdout").isEmptyFile();
    }
}
