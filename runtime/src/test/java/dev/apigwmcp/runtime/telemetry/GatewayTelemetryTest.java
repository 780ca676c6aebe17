package dev.apigwmcp.runtime.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.tools.CallContext;
import dev.apigwmcp.runtime.tools.TraceContext;
import dev.apigwmcp.runtime.upstream.CallOutcome;
import dev.apigwmcp.runtime.upstream.UpstreamEvents;
import dev.apigwmcp.runtime.upstream.UpstreamRequest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GatewayTelemetryTest {

    private static final String CALLER = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final ObservedTool GET_PET = new ObservedTool(
            "pets", "pets___GetPet", "GET", "/pets/{petId}", URI.create("https://pets.example:8443/prod"));
    private static final UpstreamRequest REQUEST = new UpstreamRequest(
            "GET", URI.create("https://pets.example:8443/prod/pets/7"), List.of(), null, Duration.ofSeconds(5));

    private final InMemoryOpenTelemetry otel = new InMemoryOpenTelemetry();
    private final PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @AfterEach
    void stop() {
        otel.close();
    }

    private static GatewayTelemetry withoutExporter() {
        return GatewayTelemetry.create(new TelemetryOptions(
                LogFormat.TEXT,
                false,
                "stdio",
                Map.of(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                Clock.systemUTC()));
    }

    /** The exchange's report of attempt {@code number} of {@code pets___GetPet}. */
    private static UpstreamEvents.Attempt reported(int number, int status, String failure, boolean retried) {
        return new UpstreamEvents.Attempt("pets", "pets___GetPet", number, "GET", status, failure, 1_000_000, retried);
    }

    @Test
    void withoutAnExporterTheCallersContextGoesUpstreamAsItCame() {
        ToolCall call =
                withoutExporter().callStarted(GET_PET, new CallContext("1", null, TraceContext.of(CALLER, "rojo=1")));
        UpstreamRequest sent = call.attemptStarted(REQUEST).request();
        assertThat(sent.header("traceparent")).isEqualTo(CALLER);
        assertThat(sent.header("tracestate")).isEqualTo("rojo=1");
    }

    @Test
    void withoutAnExporterOrACallersContextNoTraceHeaderIsSent() {
        ToolCall call = withoutExporter().callStarted(GET_PET, CallContext.NONE);
        assertThat(call.attemptStarted(REQUEST).request()).isSameAs(REQUEST);
    }

    @Test
    void aTraceparentTheRequestAlreadyCarriesIsLeftAsItIs() {
        String own = "00-11111111111111111111111111111111-2222222222222222-01";
        ToolCall call = otel.telemetry(false, err)
                .callStarted(GET_PET, new CallContext("1", null, TraceContext.of(CALLER, null)));
        UpstreamRequest sent =
                call.attemptStarted(REQUEST.withHeader("traceparent", own)).request();
        assertThat(sent.headers())
                .filteredOn(h -> h.name().equalsIgnoreCase("traceparent"))
                .singleElement()
                .satisfies(header -> assertThat(header.value()).isEqualTo(own));
    }

    @Test
    void theUpstreamRequestCarriesTheClientSpanAsParent() {
        ToolCall call = otel.telemetry(false, err)
                .callStarted(GET_PET, new CallContext("1", null, TraceContext.of(CALLER, null)));
        UpstreamAttempt attempt = call.attemptStarted(REQUEST);
        String traceparent = attempt.request().header("traceparent");
        attempt.ended(reported(1, 200, null, false));
        call.ended(CallOutcome.OK, 200, null);
        SpanData client = otel.span("GET /prod/pets/{petId}");
        assertThat(traceparent).isEqualTo("00-" + client.getTraceId() + "-" + client.getSpanId() + "-01");
        assertThat(client.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void aRetryIsCountedAndMarkedOnItsClientSpan() {
        ToolCall call = otel.telemetry(false, err).callStarted(GET_PET, CallContext.NONE);
        call.attemptStarted(REQUEST).ended(reported(1, 503, null, true));
        call.attemptStarted(REQUEST).ended(reported(2, 200, null, false));
        call.ended(CallOutcome.OK, 200, null);
        assertThat(otel.sum("Retries", InMemoryOpenTelemetry.tool("pets", "pets___GetPet")))
                .isEqualTo(1);
        List<SpanData> clients = otel.spans().stream()
                .filter(s -> s.getName().startsWith("GET "))
                .toList();
        assertThat(clients)
                .extracting(s -> s.getAttributes().get(AttributeKey.longKey("http.request.resend_count")))
                .containsExactly(null, 1L);
        assertThat(clients.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(clients.get(0).getAttributes().get(AttributeKey.stringKey("error.type")))
                .isEqualTo("503");
    }

    @Test
    void aFailedAttemptNamesTheKindOfFailure() {
        ToolCall call = otel.telemetry(false, err).callStarted(GET_PET, CallContext.NONE);
        call.attemptStarted(REQUEST).ended(reported(1, 0, "CONNECT_FAILED", false));
        call.ended(CallOutcome.CONNECTION_FAILED, 0, null);
        SpanData client = otel.span("GET /prod/pets/{petId}");
        assertThat(client.getAttributes().get(AttributeKey.stringKey("error.type")))
                .isEqualTo("connect_failed");
        assertThat(client.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(client.getEvents()).isEmpty();
    }

    @Test
    void aCircuitStateIsAGaugePerTarget() {
        GatewayTelemetry telemetry = otel.telemetry(false, err);
        telemetry.circuitState("pets", CircuitState.OPEN);
        assertThat(otel.metrics())
                .filteredOn(m -> m.getName().equals("CircuitState"))
                .singleElement()
                .satisfies(metric -> assertThat(metric.getLongGaugeData().getPoints())
                        .singleElement()
                        .satisfies(point -> {
                            assertThat(point.getValue()).isEqualTo(2);
                            assertThat(point.getAttributes())
                                    .isEqualTo(Attributes.of(AttributeKey.stringKey("target"), "pets"));
                        }));
    }

    @Test
    void aNameThatIsNoToolGetsNoSpanAndNoMetric() {
        ToolCall call = otel.telemetry(true, err).callStarted(ObservedTool.unknown("made-up"), CallContext.NONE);
        call.ended(CallOutcome.INVALID_ARGUMENTS, 0, null);
        assertThat(otel.spans()).isEmpty();
        assertThat(otel.metrics()).noneMatch(metric -> metric.getName().equals("Invocations"));
    }

    @Test
    void aRefusedCallIsAThrottleAndAnInvocationOfItsTool() {
        GatewayTelemetry telemetry = otel.telemetry(false, err);
        telemetry.toolLoaded(GET_PET);
        telemetry.callRefused("pets___GetPet");
        assertThat(otel.sum("Throttles", InMemoryOpenTelemetry.tool("pets", "pets___GetPet")))
                .isEqualTo(1);
        assertThat(otel.sum("Invocations", InMemoryOpenTelemetry.tool("pets", "pets___GetPet")))
                .isEqualTo(1);
        assertThat(telemetry.metrics().snapshot().refused()).isEqualTo(1);
        assertThat(otel.spans()).isEmpty();
    }

    @Test
    void aRefusedCallNamingNoToolIsCountedWithoutAttributes() {
        GatewayTelemetry telemetry = otel.telemetry(false, err);
        telemetry.toolLoaded(GET_PET);
        telemetry.callRefused(null);
        assertThat(otel.sum("Throttles", Attributes.empty())).isEqualTo(1);
        assertThat(otel.sum("Throttles", InMemoryOpenTelemetry.tool("pets", "pets___GetPet")))
                .isZero();
    }

    @Test
    void aLoadedToolIsListedAtZeroBeforeItsFirstCall() {
        GatewayTelemetry telemetry = otel.telemetry(true, err);
        telemetry.toolLoaded(GET_PET);
        java.io.StringWriter text = new java.io.StringWriter();
        telemetry.prometheus().orElseThrow().writePrometheus(text);
        assertThat(text.toString()).contains("Invocations_total{target=\"pets\",tool=\"pets___GetPet\"} 0\n");
    }

    @Test
    void callsInFlightAreCountedUntilTheyEnd() {
        GatewayTelemetry telemetry = otel.telemetry(false, err);
        ToolCall first = telemetry.callStarted(GET_PET, CallContext.NONE);
        telemetry.callStarted(GET_PET, CallContext.NONE);
        first.ended(CallOutcome.OK, 200, null);
        assertThat(otel.sum("ConcurrentExecutions", InMemoryOpenTelemetry.tool("pets", "pets___GetPet")))
                .isEqualTo(1);
    }
}
