package dev.apigwmcp.runtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.inbound.InboundConfig;
import dev.apigwmcp.runtime.inbound.InboundGate;
import dev.apigwmcp.runtime.inbound.Readiness;
import dev.apigwmcp.runtime.inbound.TestIssuer;
import dev.apigwmcp.runtime.protocol.McpServer;
import dev.apigwmcp.runtime.protocol.RecordingToolService;
import dev.apigwmcp.runtime.protocol.ServerOptions;
import dev.apigwmcp.runtime.telemetry.GatewayTelemetry;
import dev.apigwmcp.runtime.telemetry.LogFormat;
import dev.apigwmcp.runtime.telemetry.MetricsRegistry;
import dev.apigwmcp.runtime.telemetry.ObservedTool;
import dev.apigwmcp.runtime.telemetry.TelemetryOptions;
import dev.apigwmcp.runtime.tools.CallContext;
import dev.apigwmcp.runtime.tools.TraceContext;
import dev.apigwmcp.runtime.upstream.CallOutcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The HTTP transport's part in telemetry: trace headers in, {@code /metrics} out. */
@Timeout(30)
class HttpTelemetryTest {

    private static final String CALLER = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String MODERN_META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}";

    private final RecordingToolService tools = new RecordingToolService();
    /** HTTP/1.1: the JDK client's h2c upgrade attempt would hold a second request until the first is answered. */
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final GatewayTelemetry telemetry = GatewayTelemetry.create(new TelemetryOptions(
            LogFormat.TEXT,
            true,
            "http",
            Map.of(),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            Clock.systemUTC()));
    private HttpTransport transport;

    private HttpTransport start(MetricsRegistry metrics) throws Exception {
        return start(metrics, ClientLimits.defaults());
    }

    private HttpTransport start(MetricsRegistry metrics, ClientLimits limits) throws Exception {
        HttpOptions options = new HttpOptions(
                "127.0.0.1",
                0,
                "/mcp",
                4096,
                2,
                Duration.ofMinutes(5),
                Set.of(),
                Set.of(),
                8,
                Duration.ofSeconds(30),
                limits);
        transport = new HttpTransport(
                        new McpServer(tools, ServerOptions.defaults(), false, telemetry::callRefused),
                        options,
                        null,
                        metrics)
                .start();
        return transport;
    }

    private HttpRequest modernCall(String tool, String arguments) {
        return HttpRequest.newBuilder(transport.endpoint())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "tools/call")
                .header("Mcp-Name", tool)
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                        + "\"params\":{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "," + MODERN_META
                        + "}}"))
                .build();
    }

    @AfterEach
    void stop() throws Exception {
        if (transport != null) {
            transport.close();
        }
        telemetry.close();
    }

    private URI metricsUri() {
        return transport.endpoint().resolve("/metrics");
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTraceparentHeaderReachesTheToolSide() throws Exception {
        start(null);
        HttpResponse<String> response = send(HttpRequest.newBuilder(transport.endpoint())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "tools/call")
                .header("Mcp-Name", "echo")
                .header("traceparent", CALLER)
                .header("tracestate", "rojo=1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                        + "\"params\":{\"name\":\"echo\",\"arguments\":{}," + MODERN_META + "}}"))
                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(tools.contexts()).extracting(CallContext::trace).containsExactly(new TraceContext(CALLER, "rojo=1"));
    }

    @Test
    void metricsAreServedInPrometheusTextFormat() throws Exception {
        MetricsRegistry metrics = telemetry.prometheus().orElseThrow();
        start(metrics);
        ObservedTool tool = new ObservedTool("pets", "pets___GetPet", "GET", "/pets/{petId}", null);
        telemetry.callStarted(tool, CallContext.NONE).ended(CallOutcome.THROTTLED, 429, null);
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(metricsUri()).GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(MetricsRegistry.CONTENT_TYPE);
        assertThat(response.body())
                .contains(
                        "Invocations_total{target=\"pets\",tool=\"pets___GetPet\"} 1\n",
                        "Throttles_total{target=\"pets\",tool=\"pets___GetPet\"} 1\n");
    }

    @Test
    void aCallRefusedOverTheClientsLimitIsAThrottleInMetrics() throws Exception {
        telemetry.toolLoaded(new ObservedTool("fixture", "slow", "GET", "/slow", null));
        ClientLimits oneCall = ClientLimits.defaults();
        start(
                telemetry.prometheus().orElseThrow(),
                new ClientLimits(
                        oneCall.readIdle(),
                        oneCall.readTimeout(),
                        oneCall.maxSessionsPerClient(),
                        oneCall.unusedSessionIdle(),
                        1));
        var running = client.sendAsync(modernCall("slow", "{\"ms\":3000}"), HttpResponse.BodyHandlers.ofString());
        for (int i = 0; i < 250 && transport.callsInFlight("127.0.0.1") == 0; i++) {
            Thread.sleep(20);
        }
        assertThat(transport.callsInFlight("127.0.0.1"))
                .as("the first call is running")
                .isEqualTo(1);
        HttpResponse<String> refused = send(modernCall("slow", "{\"ms\":1}"));
        assertThat(refused.body())
                .as("a second call while the first runs is refused")
                .contains("-32000")
                .contains("max-calls-per-client");
        String text = send(HttpRequest.newBuilder(metricsUri()).GET().build()).body();
        assertThat(text).contains("Throttles_total{target=\"fixture\",tool=\"slow\"} 1\n");
        assertThat(telemetry.metrics().snapshot().refused()).isEqualTo(1);
        running.cancel(true);
    }

    @Test
    void withInboundAuthorizationMetricsNeedABearerTokenAsTheEndpointDoes() throws Exception {
        try (TestIssuer issuer = new TestIssuer()) {
            InboundConfig inbound = InboundConfig.read(
                    Settings.of(Map.of(
                            "inbound.jwt.discovery-url",
                            issuer.discoveryUrl().toString(),
                            "inbound.jwt.allowed-clients",
                            "app-client")),
                    "http",
                    "127.0.0.1");
            try (InboundGate gate = inbound.gate("/mcp", new Readiness())) {
                HttpOptions options = HttpOptions.defaults().withPort(0);
                transport = new HttpTransport(
                                new McpServer(tools, ServerOptions.defaults()),
                                options,
                                gate,
                                telemetry.prometheus().orElseThrow())
                        .start();
                HttpResponse<String> anonymous =
                        send(HttpRequest.newBuilder(metricsUri()).GET().build());
                HttpResponse<String> authorized = send(HttpRequest.newBuilder(metricsUri())
                        .header("Authorization", "Bearer " + issuer.token(claims -> {}))
                        .GET()
                        .build());
                assertThat(anonymous.statusCode()).isEqualTo(401);
                assertThat(anonymous.body()).doesNotContain("Invocations");
                assertThat(authorized.statusCode()).isEqualTo(200);
                assertThat(authorized.body()).contains("# TYPE Invocations_total counter");
                transport.close();
                transport = null;
            }
        }
    }

    @Test
    void metricsAreNotServedUnlessAskedFor() throws Exception {
        start(null);
        assertThat(send(HttpRequest.newBuilder(metricsUri()).GET().build()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void metricsRefuseAForeignHostAsTheEndpointDoes() throws Exception {
        start(telemetry.prometheus().orElseThrow());
        try (Socket socket = new Socket("127.0.0.1", transport.port())) {
            socket.getOutputStream()
                    .write(("GET /metrics HTTP/1.1\r\nHost: attacker.example\r\nConnection: close" + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 403");
        }
    }

    @Test
    void metricsAnswerOnlyGet() throws Exception {
        start(telemetry.prometheus().orElseThrow());
        HttpResponse<String> response = send(HttpRequest.newBuilder(metricsUri())
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }
}
