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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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

/** Telemetry of the gateway as a process, started by the real launcher with the pets test target. */
@Timeout(90)
class TelemetryProcessTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String API_KEY = "k-123-very-secret-key";
    /** PetsGatewayMain's fixed test keys. */
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    private static final String ACCESS_KEY = "AKIDEXAMPLE";
    private static final String CALLER = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String PET_ID = "pet-4711-private";
    private static final String PET_NAME = "Rex-private-name";
    private static final String REQUEST_ID = "req-private-0815";

    private TestUpstream upstream;
    private GatewayMainProcess gateway;
    private Process process;
    private List<String> stderr;

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

    /** Starts the pets gateway; {@code serving} completes with the HTTP endpoint once the gateway says it. */
    private CompletableFuture<URI> launch(List<String> jvmOptions, Map<String, String> environment, String... options)
            throws IOException {
        Map<String, String> variables = new HashMap<>(Map.of("PETS_KEY", API_KEY));
        variables.putAll(environment);
        gateway = GatewayMainProcess.of(PetsGatewayMain.class)
                .jvmOptions(jvmOptions)
                .args("--target.pets.base-url", upstream.baseUri().toString())
                .args(PetsGatewayMain.CREDENTIALS)
                .args(options)
                .environment(variables)
                .start();
        process = gateway.process();
        stderr = gateway.stderr();
        return gateway.serving();
    }

    /** Over stdio: initialize, then each call (a tools/call params object) in turn, then end of input. */
    private void callOverStdio(String... calls) throws Exception {
        OutputStream stdin = process.getOutputStream();
        BufferedReader stdout =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder frames = new StringBuilder("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
                + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":"
                + "\"1\"}}}\n{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n");
        for (int i = 0; i < calls.length; i++) {
            frames.append("{\"jsonrpc\":\"2.0\",\"id\":")
                    .append(i + 1)
                    .append(",\"method\":\"tools/call\"," + "\"params\":")
                    .append(calls[i])
                    .append("}\n");
        }
        stdin.write(frames.toString().getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        int answered = 0;
        while (answered < calls.length) {
            String frame = stdout.readLine();
            assertThat(frame).as("stdout ended early; stderr: %s", stderr).isNotNull();
            JsonNode message = JSON.readTree(frame);
            if (message.path("id").asInt(0) > 0) {
                answered++;
            }
        }
        stdin.close();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("stderr: %s", stderr).isZero();
    }

    private List<JsonNode> jsonCallLines() {
        return stderr.stream()
                .filter(line -> line.startsWith("{"))
                .map(line -> (JsonNode) JSON.readTree(line))
                .toList();
    }

    @Test
    void jsonLogGivesOneLinePerCallWithoutArgumentValuesOrSecrets() throws Exception {
        launch(List.of(), Map.of(), "--log-format", "json");
        callOverStdio(
                "{\"name\":\"pets___GetPet\",\"arguments\":{\"petId\":\"" + PET_ID + "\"},\"_meta\":"
                        + "{\"traceparent\":\"" + CALLER + "\"}}",
                "{\"name\":\"pets___CreatePet\",\"arguments\":{\"requestId\":\"" + REQUEST_ID + "\",\"body\":"
                        + "{\"name\":\"" + PET_NAME + "\"}}}");
        List<JsonNode> lines = jsonCallLines();
        assertThat(lines).hasSize(2);
        JsonNode getPet = lines.stream()
                .filter(line -> line.path("tool").asString().equals("pets___GetPet"))
                .findFirst()
                .orElseThrow();
        assertThat(getPet.get("target").asString()).isEqualTo("pets");
        assertThat(getPet.get("method").asString()).isEqualTo("GET");
        assertThat(getPet.get("pathTemplate").asString()).isEqualTo("/pets/{petId}");
        assertThat(getPet.get("status").asInt()).isEqualTo(200);
        assertThat(getPet.get("outcome").asString()).isEqualTo("OK");
        assertThat(getPet.get("durationMs").isNumber()).isTrue();
        assertThat(getPet.get("traceId").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(String.join("\n", stderr))
                .doesNotContain(PET_ID, PET_NAME, REQUEST_ID, API_KEY, SECRET_KEY, ACCESS_KEY);
    }

    @Test
    void traceLogShowsNoCredentialOrArgumentValue() throws Exception {
        launch(List.of(), Map.of(), "--log-level", "trace");
        callOverStdio("{\"name\":\"pets___CreatePet\",\"arguments\":{\"requestId\":\"" + REQUEST_ID
                + "\",\"body\":{\"name\":\"" + PET_NAME + "\"}}}");
        assertThat(upstream.take().headers()).containsKey("x-api-key");
        assertThat(String.join("\n", stderr)).doesNotContain(API_KEY, SECRET_KEY, PET_NAME, REQUEST_ID);
    }

    @Test
    void metricsAreScrapedFromTheHttpTransport() throws Exception {
        URI endpoint = launch(List.of(), Map.of(), "--transport", "http", "--port", "0", "--metrics.prometheus", "true")
                .get(60, TimeUnit.SECONDS);
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> call = client.send(
                HttpRequest.newBuilder(endpoint)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .header("MCP-Protocol-Version", "2026-07-28")
                        .header("Mcp-Method", "tools/call")
                        .header("Mcp-Name", "pets___GetPet")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                                        + "\"params\":{\"name\":\"pets___GetPet\",\"arguments\":{\"petId\":\"7\"},\"_meta\":{"
                                        + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                                        + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(call.statusCode()).as(call.body()).isEqualTo(200);
        HttpResponse<String> metrics = client.send(
                HttpRequest.newBuilder(endpoint.resolve("/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains(
                        "Invocations_total{target=\"pets\",tool=\"pets___GetPet\"} 1\n",
                        "SystemErrors_total{target=\"pets\",tool=\"pets___GetPet\"} 0\n",
                        "Latency_milliseconds_count{target=\"pets\",tool=\"pets___GetPet\"} 1\n",
                        "TargetExecutionTime_milliseconds_count{target=\"pets\",tool=\"pets___GetPet\"} 1\n");
    }

    @Test
    void withoutAnExporterNoOpenTelemetryClassIsLoaded(@TempDir Path dir) throws Exception {
        Path classes = dir.resolve("classes.log");
        launch(List.of("-Xlog:class+load=info:file=" + classes), Map.of("OTEL_SERVICE_NAME", "gw"));
        callOverStdio("{\"name\":\"pets___GetPet\",\"arguments\":{\"petId\":\"7\"},\"_meta\":{\"traceparent\":\""
                + CALLER + "\"}}");
        String loaded = Files.readString(classes);
        assertThat(loaded)
                .contains("dev.apigwmcp.runtime.telemetry.GatewayTelemetry ")
                .doesNotContain("io.opentelemetry");
        TestUpstream.Recorded request = upstream.take();
        assertThat(request.header("traceparent")).isEqualTo(CALLER);
    }

    @Test
    void anOtlpEndpointReceivesTheSpansAndMetricsOverHttp() throws Exception {
        try (TestUpstream collector = new TestUpstream()) {
            collector.respond(request -> Reply.of(200, "application/x-protobuf", new byte[0]));
            launch(
                    List.of(),
                    Map.of(
                            "OTEL_EXPORTER_OTLP_ENDPOINT",
                            collector.uri("").toString(),
                            "OTEL_BSP_SCHEDULE_DELAY",
                            "50",
                            "OTEL_METRIC_EXPORT_INTERVAL",
                            "100"));
            callOverStdio("{\"name\":\"pets___GetPet\",\"arguments\":{\"petId\":\"" + PET_ID + "\"}}");
            Map<String, String> exported = new java.util.TreeMap<>();
            // Spans come in batches: the client span may be exported before its parent.
            while (!exported.getOrDefault("/v1/traces", "").contains("tools/call pets___GetPet")
                    || !exported.getOrDefault("/v1/metrics", "").contains("TargetExecutionTime")) {
                TestUpstream.Recorded request = collector.take();
                exported.merge(
                        request.rawPath(), new String(request.body(), StandardCharsets.ISO_8859_1), String::concat);
            }
            assertThat(exported.get("/v1/traces"))
                    .contains("tools/call pets___GetPet", "GET /prod/pets/{petId}", "apigw-mcp")
                    .doesNotContain(PET_ID);
            assertThat(exported.get("/v1/metrics")).contains("Invocations", "Latency", "TargetExecutionTime");
        }
        TestUpstream.Recorded request = upstream.take();
        assertThat(request.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[13]");
    }

    @Test
    void aMalformedOtelVariableStopsTheStartWithoutShowingItsValue() throws Exception {
        launch(
                List.of(),
                Map.of(
                        "OTEL_EXPORTER_OTLP_ENDPOINT",
                        "http://127.0.0.1:9",
                        "OTEL_EXPORTER_OTLP_HEADERS",
                        "Authorization Bearer s3cr3t-token"));
        process.getOutputStream().close();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("stderr: %s", stderr).isEqualTo(2);
        Thread.sleep(200);
        assertThat(stderr)
                .containsExactly("apigw-mcp: OpenTelemetry configuration: Invalid map property: "
                        + "OTEL_EXPORTER_OTLP_HEADERS");
        assertThat(String.join("\n", stderr)).doesNotContain("s3cr3t-token");
    }
}
