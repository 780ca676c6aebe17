package dev.apigwmcp.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.auth.AuthEnvironment;
import dev.apigwmcp.runtime.auth.AwsKeys;
import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.telemetry.GatewayTelemetry;
import dev.apigwmcp.runtime.telemetry.InMemoryOpenTelemetry;
import dev.apigwmcp.runtime.tools.CallContext;
import dev.apigwmcp.runtime.tools.Caller;
import dev.apigwmcp.runtime.tools.ProgressListener;
import dev.apigwmcp.runtime.tools.TraceContext;
import dev.apigwmcp.runtime.upstream.CallOutcome;
import dev.apigwmcp.runtime.upstream.TestUpstream;
import dev.apigwmcp.runtime.upstream.TestUpstream.Reply;
import dev.apigwmcp.samples.demo.SigV4Verifier;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Tool calls read back from in-memory OpenTelemetry exporters: spans, their links and attributes, metrics. */
@Timeout(30)
class CallTelemetryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ACCESS_KEY = "AKIDEXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String CALLER = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    /** An argument value that must never show up in telemetry. */
    private static final String PET_ID = "pet-4711-private";

    private static final Attributes GET_PET = InMemoryOpenTelemetry.tool("pets", "pets___GetPet");

    private final InMemoryOpenTelemetry otel = new InMemoryOpenTelemetry();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private TestUpstream upstream;
    private GatewayTelemetry telemetry;
    private GeneratedToolService service;

    @BeforeEach
    void start() throws IOException {
        upstream = new TestUpstream();
        restart(Map.of());
    }

    /** The gateway with these settings besides the test's defaults (closing the one running). */
    private void restart(Map<String, String> extra) {
        if (service != null) {
            service.close();
            telemetry.close();
        }
        Map<String, String> settings = new HashMap<>();
        settings.put("target.pets.base-url", upstream.baseUri().toString());
        settings.put("target.pets.api-key-env", "PETS_KEY");
        settings.put("target.pets.oauth2.token-url", "http://127.0.0.1:9/token");
        settings.put("target.pets.oauth2.client-id", "client-1");
        settings.put("target.pets.oauth2.client-secret-env", "PETS_KEY");
        settings.put("upstream.retry.base-delay-ms", "1");
        settings.putAll(extra);
        AuthEnvironment environment = new AuthEnvironment(
                Map.of("PETS_KEY", "k-123-secret")::get,
                profile -> () -> new AwsKeys(ACCESS_KEY, SECRET_KEY, null),
                Clock.systemUTC());
        telemetry = otel.telemetry(false, new PrintStream(err, true, StandardCharsets.UTF_8));
        service =
                GeneratedToolService.create(List.of(new PetsRegistry()), Settings.of(settings), environment, telemetry);
    }

    @AfterEach
    void stop() {
        service.close();
        telemetry.close();
        upstream.close();
        otel.close();
    }

    private ObjectNode call(String tool, String arguments, CallContext context) {
        return service.call(tool, JSON.readTree(arguments), ProgressListener.NONE, Caller.LOCAL, context)
                .join();
    }

    /** The CircuitState gauge's value for a target, or -1 when it reports none. */
    private long circuitState(String target) {
        return otel.metrics().stream()
                .filter(m -> m.getName().equals("CircuitState"))
                .flatMap(m -> m.getLongGaugeData().getPoints().stream())
                .filter(p -> target.equals(p.getAttributes().get(AttributeKey.stringKey("target"))))
                .mapToLong(p -> p.getValue())
                .findFirst()
                .orElse(-1);
    }

    private static String attribute(SpanData span, String key) {
        return span.getAttributes().get(AttributeKey.stringKey(key));
    }

    @Test
    void aCallIsAServerSpanWithTheMcpAttributes() {
        upstream.respond(r -> Reply.json(200, "{\"id\":\"7\"}"));
        call("pets___GetPet", "{\"petId\":\"" + PET_ID + "\"}", new CallContext("17", "2025-11-25", null));
        SpanData server = otel.span("tools/call pets___GetPet");
        assertThat(server.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(attribute(server, "mcp.method.name")).isEqualTo("tools/call");
        assertThat(attribute(server, "gen_ai.tool.name")).isEqualTo("pets___GetPet");
        assertThat(attribute(server, "gen_ai.operation.name")).isEqualTo("execute_tool");
        assertThat(attribute(server, "jsonrpc.request.id")).isEqualTo("17");
        assertThat(attribute(server, "mcp.protocol.version")).isEqualTo("2025-11-25");
        assertThat(attribute(server, "apigw_mcp.target")).isEqualTo("pets");
        assertThat(attribute(server, "apigw_mcp.outcome")).isEqualTo("OK");
        assertThat(server.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }

    @Test
    void theUpstreamRequestIsAClientSpanUnderTheCallNamedByItsPathTemplate() {
        upstream.respond(r -> Reply.json(200, "{\"id\":\"7\"}"));
        call("pets___GetPet", "{\"petId\":\"" + PET_ID + "\"}", CallContext.NONE);
        SpanData server = otel.span("tools/call pets___GetPet");
        SpanData client = otel.span("GET /prod/pets/{petId}");
        assertThat(client.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(client.getParentSpanId()).isEqualTo(server.getSpanId());
        assertThat(client.getTraceId()).isEqualTo(server.getTraceId());
        assertThat(attribute(client, "http.request.method")).isEqualTo("GET");
        assertThat(attribute(client, "url.template")).isEqualTo("/prod/pets/{petId}");
        assertThat(attribute(client, "server.address")).isEqualTo("127.0.0.1");
        assertThat(client.getAttributes().get(AttributeKey.longKey("server.port")))
                .isEqualTo((long) upstream.baseUri().getPort());
        assertThat(client.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
                .isEqualTo(200L);
    }

    @Test
    void noSpanCarriesAnArgumentValue() {
        upstream.respond(r -> Reply.json(404, "{\"message\":\"no pet " + PET_ID + "\"}"));
        call("pets___GetPet", "{\"petId\":\"" + PET_ID + "\"}", CallContext.NONE);
        assertThat(otel.spans()).hasSize(2).allSatisfy(span -> {
            assertThat(span.getName()).doesNotContain(PET_ID);
            assertThat(span.getAttributes().toString()).doesNotContain(PET_ID);
            assertThat(span.getStatus().getDescription()).doesNotContain(PET_ID);
            assertThat(span.getEvents()).isEmpty();
        });
    }

    @Test
    void theCallersTraceGoesThroughTheGatewayToTheUpstream() throws Exception {
        upstream.respond(r -> Reply.json(200, "{\"id\":\"7\"}"));
        call("pets___GetPet", "{\"petId\":\"7\"}", new CallContext("1", null, TraceContext.of(CALLER, "rojo=1")));
        SpanData server = otel.span("tools/call pets___GetPet");
        SpanData client = otel.span("GET /prod/pets/{petId}");
        assertThat(server.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(server.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(server.getParentSpanContext().isRemote()).isTrue();
        TestUpstream.Recorded request = upstream.take();
        assertThat(request.header("traceparent"))
                .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-" + client.getSpanId() + "-01");
        assertThat(request.header("tracestate")).isEqualTo("rojo=1");
    }

    @Test
    void sigV4SignsTheTraceparentHeader() throws Exception {
        upstream.requireSigV4(
                new SigV4Verifier(Map.of(ACCESS_KEY, SECRET_KEY), "us-east-1", "execute-api", Clock.systemUTC()));
        upstream.respond(r -> Reply.of(204, null, new byte[0]));
        ObjectNode result = call(
                "pets___Proxy",
                "{\"method\":\"DELETE\",\"proxy\":\"docs/a.txt\"}",
                new CallContext("1", null, TraceContext.of(CALLER, null)));
        TestUpstream.Recorded request = upstream.take();
        assertThat(request.header("traceparent")).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
        assertThat(request.header("authorization")).matches(".*SignedHeaders=[^,]*traceparent.*");
        assertThat(result.path("isError").asBoolean(false))
                .as(result.toString())
                .isFalse();
    }

    @Test
    void eachOutcomeCountsInItsAgentCoreMetric() {
        upstream.respond(r -> switch (r.rawPath()) {
            case "/prod/pets/ok" -> Reply.json(200, "{\"id\":\"7\"}");
            case "/prod/pets/busy" -> Reply.json(429, "{\"message\":\"slow down\"}");
            case "/prod/pets/broken" -> Reply.json(503, "{\"message\":\"down\"}");
            default -> Reply.json(404, "{\"message\":\"not found\"}");
        });
        for (String petId : List.of("ok", "busy", "broken", "missing")) {
            call("pets___GetPet", "{\"petId\":\"" + petId + "\"}", CallContext.NONE);
        }
        call("pets___GetPet", "{}", CallContext.NONE);
        assertThat(otel.sum("Invocations", GET_PET)).isEqualTo(5);
        assertThat(otel.sum("Throttles", GET_PET)).isEqualTo(1);
        assertThat(otel.sum("SystemErrors", GET_PET)).isEqualTo(1);
        assertThat(otel.sum("UserErrors", GET_PET)).isEqualTo(2);
        assertThat(otel.sum("ConcurrentExecutions", GET_PET)).isZero();
        assertThat(otel.histogram("Latency", GET_PET).getCount()).isEqualTo(5);
        assertThat(otel.histogram("TargetExecutionTime", GET_PET).getCount()).isEqualTo(4);
    }

    @Test
    void anUpstreamErrorMarksBothSpans() {
        upstream.respond(r -> Reply.json(500, "{\"message\":\"down\"}"));
        call("pets___GetPet", "{\"petId\":\"7\"}", CallContext.NONE);
        SpanData server = otel.span("tools/call pets___GetPet");
        SpanData client = otel.span("GET /prod/pets/{petId}");
        assertThat(server.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attribute(server, "error.type")).isEqualTo("tool_error");
        assertThat(attribute(server, "apigw_mcp.outcome")).isEqualTo("SERVER_ERROR");
        assertThat(client.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attribute(client, "error.type")).isEqualTo("500");
    }

    /** Answers {@code first} to the first {@code times} requests, then {@code then}. */
    private void respondFirst(int times, Reply first, Reply then) {
        AtomicInteger seen = new AtomicInteger();
        upstream.respond(r -> seen.incrementAndGet() <= times ? first : then);
    }

    private List<SpanData> clientSpans() {
        return otel.spans().stream()
                .filter(span -> span.getKind() == SpanKind.CLIENT)
                .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
                .toList();
    }

    @Test
    void aRetriedCallHasOneClientSpanPerAttemptNumberedByItsResendCount() {
        respondFirst(2, Reply.json(503, "{\"message\":\"busy\"}"), Reply.json(200, "{\"id\":\"7\"}"));
        ObjectNode result = call("pets___GetPet", "{\"petId\":\"7\"}", CallContext.NONE);
        assertThat(result.has("isError")).as(result.toString()).isFalse();
        SpanData server = otel.span("tools/call pets___GetPet");
        List<SpanData> clients = clientSpans();
        assertThat(clients).hasSize(3).allSatisfy(client -> {
            assertThat(client.getName()).isEqualTo("GET /prod/pets/{petId}");
            assertThat(client.getParentSpanId()).isEqualTo(server.getSpanId());
        });
        assertThat(clients)
                .extracting(span -> span.getAttributes().get(AttributeKey.longKey("http.request.resend_count")))
                .containsExactly(null, 1L, 2L);
        assertThat(clients)
                .extracting(span -> span.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
                .containsExactly(503L, 503L, 200L);
        assertThat(clients)
                .extracting(span -> span.getStatus().getStatusCode())
                .containsExactly(StatusCode.ERROR, StatusCode.ERROR, StatusCode.UNSET);
    }

    @Test
    void eachAttemptSendsItsOwnClientSpanAsTraceparentInTheCallersTrace() throws Exception {
        respondFirst(2, Reply.json(503, "{}"), Reply.json(200, "{\"id\":\"7\"}"));
        call("pets___GetPet", "{\"petId\":\"7\"}", new CallContext("1", null, TraceContext.of(CALLER, "rojo=1")));
        List<SpanData> clients = clientSpans();
        assertThat(clients).hasSize(3);
        for (SpanData client : clients) {
            TestUpstream.Recorded request = upstream.take();
            assertThat(request.header("traceparent"))
                    .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-" + client.getSpanId() + "-01");
            assertThat(request.header("tracestate")).isEqualTo("rojo=1");
        }
        assertThat(clients).extracting(SpanData::getSpanId).doesNotHaveDuplicates();
    }

    @Test
    void everyAttemptsTraceparentIsSignedBySigV4() throws Exception {
        upstream.requireSigV4(
                new SigV4Verifier(Map.of(ACCESS_KEY, SECRET_KEY), "us-east-1", "execute-api", Clock.systemUTC()));
        respondFirst(1, Reply.json(503, "{}"), Reply.of(204, null, new byte[0]));
        ObjectNode result = call(
                "pets___Proxy",
                "{\"method\":\"DELETE\",\"proxy\":\"docs/a.txt\"}",
                new CallContext("1", null, TraceContext.of(CALLER, null)));
        assertThat(result.path("isError").asBoolean(false))
                .as("both signatures verified: %s", result)
                .isFalse();
        TestUpstream.Recorded first = upstream.take();
        TestUpstream.Recorded second = upstream.take();
        assertThat(List.of(first, second))
                .allSatisfy(request ->
                        assertThat(request.header("authorization")).matches(".*SignedHeaders=[^,]*traceparent.*"));
        assertThat(second.header("traceparent"))
                .isNotEqualTo(first.header("traceparent"))
                .startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
    }

    @Test
    void retriesAreCountedFromTheAttemptsThatWereResent() {
        respondFirst(2, Reply.json(503, "{}"), Reply.json(200, "{\"id\":\"7\"}"));
        call("pets___GetPet", "{\"petId\":\"7\"}", CallContext.NONE);
        assertThat(otel.sum("Retries", GET_PET)).isEqualTo(2);
        assertThat(otel.sum("Invocations", GET_PET)).isEqualTo(1);
        assertThat(service.metrics().snapshot().retries()).isEqualTo(2);
        assertThat(service.metrics().snapshot().attempts()).isEqualTo(3);
    }

    @Test
    void anOpenCircuitIsReportedPerTargetAndItsRefusedCallIsASystemErrorWithoutAClientSpan() {
        restart(Map.of(
                "upstream.circuit.failure-rate",
                "50",
                "upstream.circuit.window",
                "2",
                "upstream.retry.max-attempts",
                "1"));
        assertThat(circuitState("pets")).as("reported closed from the start").isEqualTo(0);
        upstream.respond(r -> Reply.json(503, "{}"));
        call("pets___GetPet", "{\"petId\":\"7\"}", CallContext.NONE);
        call("pets___GetPet", "{\"petId\":\"7\"}", CallContext.NONE);
        assertThat(circuitState("pets")).isEqualTo(2);
        otel.clearSpans();
        ObjectNode refused = call("pets___GetPet", "{\"petId\":\"7\"}", CallContext.NONE);
        assertThat(refused.get("content").get(0).get("text").asString()).contains("is failing");
        assertThat(otel.spans()).extracting(SpanData::getName).containsExactly("tools/call pets___GetPet");
        assertThat(attribute(otel.span("tools/call pets___GetPet"), "apigw_mcp.outcome"))
                .isEqualTo("CIRCUIT_OPEN");
        assertThat(otel.sum("SystemErrors", GET_PET)).isEqualTo(3);
    }

    @Test
    void aCallOverItsToolsShareIsAThrottle() throws Exception {
        restart(Map.of("calls.max-concurrent-per-tool", "1", "calls.max-concurrent", "2"));
        upstream.respond(r -> Reply.json(200, "{\"id\":\"7\"}").delayed(1000));
        var first = service.call(
                "pets___GetPet",
                JSON.readTree("{\"petId\":\"7\"}"),
                ProgressListener.NONE,
                Caller.LOCAL,
                CallContext.NONE);
        upstream.take();
        call("pets___GetPet", "{\"petId\":\"8\"}", CallContext.NONE);
        first.join();
        assertThat(otel.sum("Throttles", GET_PET)).isEqualTo(1);
        assertThat(service.metrics().snapshot().outcomes().get(CallOutcome.GATEWAY_THROTTLED))
                .isEqualTo(1);
    }

    @Test
    void invalidArgumentsEndTheCallWithoutAnUpstreamSpan() {
        call("pets___GetPet", "{}", CallContext.NONE);
        assertThat(otel.spans()).extracting(SpanData::getName).containsExactly("tools/call pets___GetPet");
        assertThat(upstream.pending()).isZero();
    }
}
