package dev.apigwmcp.runtime.telemetry;

import dev.apigwmcp.runtime.tools.CallContext;
import dev.apigwmcp.runtime.tools.TraceContext;
import dev.apigwmcp.runtime.upstream.CallOutcome;
import dev.apigwmcp.runtime.upstream.HttpHeader;
import dev.apigwmcp.runtime.upstream.UpstreamRequest;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongUpDownCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableLongGauge;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tool calls as OpenTelemetry spans and metrics. A server span per {@code tools/call} after the MCP semantic
 * conventions ({@code tools/call <tool>}: {@code mcp.method.name}, {@code gen_ai.tool.name},
 * {@code gen_ai.operation.name}, the target and outcome), its parent the caller's context from the request; a
 * client span per upstream request after the HTTP client conventions ({@code GET /prod/pets/{petId}}: method,
 * {@code url.template} — the path template, never values — server address and port, status, resend count). The
 * metrics are the AgentCore-named ones {@link MetricsRegistry} describes, with the attributes {@code target} and
 * {@code tool}.
 */
final class OpenTelemetryCalls implements ExternalTelemetry {

    static final String SCOPE = "dev.apigwmcp.runtime";

    static final AttributeKey<String> TARGET = AttributeKey.stringKey("target");
    static final AttributeKey<String> TOOL = AttributeKey.stringKey("tool");
    static final AttributeKey<String> MCP_METHOD = AttributeKey.stringKey("mcp.method.name");
    static final AttributeKey<String> MCP_PROTOCOL_VERSION = AttributeKey.stringKey("mcp.protocol.version");
    static final AttributeKey<String> JSONRPC_REQUEST_ID = AttributeKey.stringKey("jsonrpc.request.id");
    static final AttributeKey<String> TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
    static final AttributeKey<String> NETWORK_TRANSPORT = AttributeKey.stringKey("network.transport");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<String> SPAN_TARGET = AttributeKey.stringKey("apigw_mcp.target");
    static final AttributeKey<String> SPAN_OUTCOME = AttributeKey.stringKey("apigw_mcp.outcome");
    static final AttributeKey<String> INTERCEPTOR = AttributeKey.stringKey("apigw_mcp.interceptor");
    static final AttributeKey<String> INTERCEPTOR_PHASE = AttributeKey.stringKey("apigw_mcp.interceptor.phase");
    static final AttributeKey<Long> UPSTREAM_STATUS = AttributeKey.longKey("apigw_mcp.upstream.status_code");
    static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<Long> RESEND_COUNT = AttributeKey.longKey("http.request.resend_count");
    static final AttributeKey<String> URL_TEMPLATE = AttributeKey.stringKey("url.template");
    static final AttributeKey<String> URL_SCHEME = AttributeKey.stringKey("url.scheme");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");

    private static final TextMapGetter<TraceContext> FROM_TRACE_CONTEXT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(TraceContext carrier) {
            return List.of(TraceContext.TRACEPARENT, TraceContext.TRACESTATE);
        }

        @Override
        public String get(TraceContext carrier, String key) {
            if (carrier == null) {
                return null;
            }
            return switch (key) {
                case TraceContext.TRACEPARENT -> carrier.traceparent();
                case TraceContext.TRACESTATE -> carrier.tracestate();
                default -> null;
            };
        }
    };
    private static final TextMapSetter<List<HttpHeader>> TO_HEADERS =
            (headers, name, value) -> headers.add(new HttpHeader(name, value));

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final String networkTransport;
    private final Runnable shutdown;
    private final LongCounter invocations;
    private final LongCounter throttles;
    private final LongCounter systemErrors;
    private final LongCounter userErrors;
    private final LongCounter retries;
    private final LongUpDownCounter inFlight;
    private final DoubleHistogram latency;
    private final DoubleHistogram targetTime;
    private final ObservableLongGauge circuitGauge;
    /** Each tool's metric attributes, made once. */
    private final Map<String, Attributes> toolAttributes = new ConcurrentHashMap<>();

    OpenTelemetryCalls(OpenTelemetry otel, String transport, Map<String, CircuitState> circuits, Runnable shutdown) {
        // The version is known in a packaged jar only; a null one would make the API hand out a no-op tracer.
        String version = OpenTelemetryCalls.class.getPackage().getImplementationVersion();
        this.tracer = version == null ? otel.getTracer(SCOPE) : otel.getTracer(SCOPE, version);
        this.propagator = otel.getPropagators().getTextMapPropagator();
        this.networkTransport = "stdio".equals(transport) ? "pipe" : "tcp";
        this.shutdown = shutdown;
        Meter meter = otel.getMeter(SCOPE);
        invocations = counter(meter, "Invocations", MetricsRegistry.INVOCATIONS);
        throttles = counter(meter, "Throttles", MetricsRegistry.THROTTLES);
        systemErrors = counter(meter, "SystemErrors", MetricsRegistry.SYSTEM_ERRORS);
        userErrors = counter(meter, "UserErrors", MetricsRegistry.USER_ERRORS);
        retries = counter(meter, "Retries", MetricsRegistry.RETRIES);
        inFlight = meter.upDownCounterBuilder("ConcurrentExecutions")
                .setDescription(MetricsRegistry.CONCURRENT)
                .setUnit("{call}")
                .build();
        latency = histogram(meter, "Latency", MetricsRegistry.LATENCY);
        targetTime = histogram(meter, "TargetExecutionTime", MetricsRegistry.TARGET_TIME);
        circuitGauge = meter.gaugeBuilder("CircuitState")
                .ofLongs()
                .setDescription(MetricsRegistry.CIRCUIT)
                .buildWithCallback(measurement -> circuits.forEach(
                        (target, state) -> measurement.record(state.value(), Attributes.of(TARGET, target))));
    }

    private static LongCounter counter(Meter meter, String name, String description) {
        return meter.counterBuilder(name)
                .setDescription(description)
                .setUnit("{call}")
                .build();
    }

    private static DoubleHistogram histogram(Meter meter, String name, String description) {
        return meter.histogramBuilder(name)
                .setDescription(description)
                .setUnit("ms")
                .setExplicitBucketBoundariesAdvice(Histogram.BOUNDS_MS)
                .build();
    }

    private Attributes attributes(ObservedTool tool) {
        return toolAttributes.computeIfAbsent(tool.tool(), name -> Attributes.of(TARGET, tool.target(), TOOL, name));
    }

    @Override
    public void refused(ObservedTool tool) {
        Attributes metricAttributes = tool == null ? Attributes.empty() : attributes(tool);
        invocations.add(1, metricAttributes);
        throttles.add(1, metricAttributes);
    }

    @Override
    public ExternalTelemetry.Call start(ObservedTool tool, CallContext context) {
        Attributes metricAttributes = attributes(tool);
        Context parent = context.trace() == null
                ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), context.trace(), FROM_TRACE_CONTEXT);
        SpanBuilder builder = tracer.spanBuilder("tools/call " + tool.tool())
                .setSpanKind(SpanKind.SERVER)
                .setParent(parent)
                .setAttribute(MCP_METHOD, "tools/call")
                .setAttribute(TOOL_NAME, tool.tool())
                .setAttribute(OPERATION, "execute_tool")
                .setAttribute(SPAN_TARGET, tool.target())
                .setAttribute(NETWORK_TRANSPORT, networkTransport);
        if (context.requestId() != null) {
            builder.setAttribute(JSONRPC_REQUEST_ID, context.requestId());
        }
        if (context.protocolVersion() != null) {
            builder.setAttribute(MCP_PROTOCOL_VERSION, context.protocolVersion());
        }
        inFlight.add(1, metricAttributes);
        return new Call(tool, builder.startSpan(), metricAttributes);
    }

    @Override
    public void close() {
        circuitGauge.close();
        shutdown.run();
    }

    private final class Call implements ExternalTelemetry.Call {
        private final ObservedTool tool;
        private final Span span;
        private final Attributes metricAttributes;

        Call(ObservedTool tool, Span span, Attributes metricAttributes) {
            this.tool = tool;
            this.span = span;
            this.metricAttributes = metricAttributes;
        }

        @Override
        public ExternalTelemetry.Attempt attempt(String method, int resendCount) {
            String template = tool.urlTemplate();
            SpanBuilder builder = tracer.spanBuilder(method + " " + template)
                    .setSpanKind(SpanKind.CLIENT)
                    .setParent(Context.root().with(span))
                    .setAttribute(HTTP_METHOD, method)
                    .setAttribute(URL_TEMPLATE, template);
            URI base = tool.baseUri();
            if (base != null) {
                builder.setAttribute(URL_SCHEME, base.getScheme());
                builder.setAttribute(SERVER_ADDRESS, base.getHost());
                builder.setAttribute(SERVER_PORT, (long) port(base));
            }
            if (resendCount > 0) {
                builder.setAttribute(RESEND_COUNT, (long) resendCount);
            }
            return new Attempt(builder.startSpan());
        }

        @Override
        public InterceptorStep interceptor(String interceptor, String phase) {
            Span step = tracer.spanBuilder(phase + " " + interceptor)
                    .setSpanKind(SpanKind.INTERNAL)
                    .setParent(Context.root().with(span))
                    .setAttribute(INTERCEPTOR, interceptor)
                    .setAttribute(INTERCEPTOR_PHASE, phase)
                    .startSpan();
            return errorType -> {
                if (errorType != null) {
                    step.setAttribute(ERROR_TYPE, errorType);
                    step.setStatus(StatusCode.ERROR);
                }
                step.end();
            };
        }

        @Override
        public void retried() {
            retries.add(1, metricAttributes);
        }

        @Override
        public void ended(CallOutcome outcome, int status, long latencyNanos, long upstreamNanos, int attempts) {
            OutcomeClass kind = OutcomeClass.of(outcome);
            inFlight.add(-1, metricAttributes);
            invocations.add(1, metricAttributes);
            switch (kind) {
                case THROTTLE -> throttles.add(1, metricAttributes);
                case SYSTEM_ERROR -> systemErrors.add(1, metricAttributes);
                case USER_ERROR -> userErrors.add(1, metricAttributes);
                case SUCCESS, CANCELLED -> {}
            }
            latency.record(latencyNanos / 1e6, metricAttributes);
            if (attempts > 0) {
                targetTime.record(upstreamNanos / 1e6, metricAttributes);
            }
            span.setAttribute(SPAN_OUTCOME, outcome.name());
            if (status > 0) {
                span.setAttribute(UPSTREAM_STATUS, (long) status);
            }
            if (kind != OutcomeClass.SUCCESS && kind != OutcomeClass.CANCELLED) {
                // The MCP conventions' word for a CallToolResult with isError: true.
                span.setAttribute(ERROR_TYPE, "tool_error");
                span.setStatus(StatusCode.ERROR, outcome.name());
            }
            span.end();
        }

        @Override
        public String traceId() {
            return span.getSpanContext().getTraceId();
        }

        @Override
        public String spanId() {
            return span.getSpanContext().getSpanId();
        }
    }

    private final class Attempt implements ExternalTelemetry.Attempt {
        private final Span span;

        Attempt(Span span) {
            this.span = span;
        }

        @Override
        public UpstreamRequest inject(UpstreamRequest request) {
            List<HttpHeader> headers = new ArrayList<>(2);
            propagator.inject(Context.root().with(span), headers, TO_HEADERS);
            UpstreamRequest carrying = request;
            for (HttpHeader header : headers) {
                carrying = carrying.withHeader(header.name(), header.value());
            }
            return carrying;
        }

        @Override
        public void ended(int status, String errorType) {
            if (status > 0) {
                span.setAttribute(HTTP_STATUS, (long) status);
            }
            String error = status >= 400 ? Integer.toString(status) : errorType;
            if (error != null) {
                span.setAttribute(ERROR_TYPE, error);
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
