package dev.apigwmcp.runtime.telemetry;

import dev.apigwmcp.runtime.tools.CallContext;
import dev.apigwmcp.runtime.tools.TraceContext;
import dev.apigwmcp.runtime.upstream.CallOutcome;
import dev.apigwmcp.runtime.upstream.UpstreamEvents;
import dev.apigwmcp.runtime.upstream.UpstreamRequest;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's {@link Telemetry}: the call log line and the call counters ({@link MetricsRegistry}) always, served
 * at {@code /metrics} when asked for; OpenTelemetry spans and metrics when the standard {@code OTEL_*} variables
 * configure an exporter. Without an exporter no
 * OpenTelemetry class is loaded, and a caller's trace context is still passed on to the upstream unchanged.
 */
public final class GatewayTelemetry implements Telemetry {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayTelemetry.class);
    /** Where refusals naming no tool of the gateway are counted. */
    private static final ObservedTool UNNAMED = ObservedTool.unknown("");

    private final CallLog log;
    private final MetricsRegistry metrics;
    private final boolean prometheus;
    private final ExternalTelemetry external;
    private final Map<String, CircuitState> circuits;
    /** The gateway's tools by name, so that a refused call naming one is counted under it. */
    private final Map<String, ObservedTool> tools = new ConcurrentHashMap<>();

    private final AtomicBoolean closed = new AtomicBoolean();

    GatewayTelemetry(CallLog log, boolean prometheus, ExternalTelemetry external, Map<String, CircuitState> circuits) {
        this.log = log;
        this.metrics = new MetricsRegistry(circuits);
        this.prometheus = prometheus;
        this.external = external;
        this.circuits = circuits;
    }

    /**
     * Telemetry as the options ask; starts the OpenTelemetry SDK only when the environment configures an exporter.
     * Throws {@link dev.apigwmcp.runtime.config.SettingsException} naming a malformed {@code OTEL_*} variable.
     */
    public static GatewayTelemetry create(TelemetryOptions options) {
        Map<String, CircuitState> circuits = new ConcurrentHashMap<>();
        Map<String, String> otel = OpenTelemetryEnvironment.properties(options.environment());
        ExternalTelemetry external = OpenTelemetryEnvironment.enabled(otel)
                ? OpenTelemetrySupport.start(otel, options.transport(), circuits)
                : null;
        return new GatewayTelemetry(
                new CallLog(options.logFormat(), options.err(), options.clock()),
                options.prometheus(),
                external,
                circuits);
    }

    static GatewayTelemetry callLogOnly() {
        return new GatewayTelemetry(
                new CallLog(LogFormat.TEXT, System.err, Clock.systemUTC()), false, null, new ConcurrentHashMap<>());
    }

    /** Whether OpenTelemetry is reporting (an exporter is configured). */
    public boolean exportsOpenTelemetry() {
        return external != null;
    }

    /** The metrics for {@code /metrics}, when they were asked for. */
    public Optional<MetricsRegistry> prometheus() {
        return prometheus ? Optional.of(metrics) : Optional.empty();
    }

    @Override
    public void toolLoaded(ObservedTool tool) {
        if (tool.known()) {
            tools.put(tool.tool(), tool);
            metrics.known(tool);
        }
    }

    @Override
    public void callRefused(String name) {
        ObservedTool tool = name == null ? null : tools.get(name);
        metrics.refused(metrics.counters(tool == null ? UNNAMED : tool));
        if (external != null) {
            external.refused(tool);
        }
    }

    @Override
    public MetricsRegistry metrics() {
        return metrics;
    }

    @Override
    public ToolCall callStarted(ObservedTool tool, CallContext context) {
        CallContext known = context == null ? CallContext.NONE : context;
        MetricsRegistry.ToolCounters counters = metrics.counters(tool);
        metrics.started(counters);
        ExternalTelemetry.Call span = external != null && tool.known() ? external.start(tool, known) : null;
        return new Call(tool, counters, known, span, System.nanoTime());
    }

    @Override
    public void circuitState(String target, CircuitState state) {
        if (target != null && state != null) {
            circuits.put(target, state);
        }
    }

    @Override
    public void close() {
        if (external != null && closed.compareAndSet(false, true)) {
            try {
                external.close();
            } catch (RuntimeException e) {
                LOG.warn("stopping OpenTelemetry failed: {}", e.toString());
            }
        }
    }

    /** One observed call. Attempts run on the call's thread; the end may come from a cancelling thread. */
    private final class Call implements ToolCall {
        private final ObservedTool tool;
        private final MetricsRegistry.ToolCounters counters;
        private final CallContext context;
        private final ExternalTelemetry.Call span;
        private final long start;
        private volatile int attempts;
        private volatile long upstreamNanos;
        private volatile String method;

        Call(
                ObservedTool tool,
                MetricsRegistry.ToolCounters counters,
                CallContext context,
                ExternalTelemetry.Call span,
                long start) {
            this.tool = tool;
            this.counters = counters;
            this.context = context;
            this.span = span;
            this.start = start;
            this.method = tool.method();
        }

        @Override
        public UpstreamAttempt attemptStarted(UpstreamRequest unsigned) {
            int resendCount = attempts;
            attempts = resendCount + 1;
            method = unsigned.method();
            ExternalTelemetry.Attempt client = span == null ? null : span.attempt(unsigned.method(), resendCount);
            UpstreamRequest request = unsigned;
            if (unsigned.header(TraceContext.TRACEPARENT) == null) {
                if (client != null) {
                    request = client.inject(unsigned);
                } else if (context.trace() != null) {
                    // No SDK: the caller's context goes on as it came, so the upstream joins the caller's trace.
                    request = unsigned.withHeader(
                            TraceContext.TRACEPARENT, context.trace().traceparent());
                    if (context.trace().tracestate() != null) {
                        request = request.withHeader(
                                TraceContext.TRACESTATE, context.trace().tracestate());
                    }
                }
            }
            return new Attempt(this, client, request, System.nanoTime());
        }

        @Override
        public InterceptorStep interceptorStarted(String interceptor, String phase) {
            return span == null ? InterceptorStep.NONE : span.interceptor(interceptor, phase);
        }

        /** An attempt ended; {@code reported}: as the exchange reported it (counted), else abandoned. */
        void attemptEnded(long nanos, boolean reported, boolean retry) {
            upstreamNanos += nanos;
            if (reported) {
                metrics.attempted(counters, retry);
                if (retry && span != null) {
                    span.retried();
                }
            }
        }

        @Override
        public void ended(CallOutcome outcome, int status, String detail) {
            long latency = System.nanoTime() - start;
            metrics.ended(counters, outcome, latency, upstreamNanos, attempts);
            String traceId = null;
            String spanId = null;
            if (span != null) {
                span.ended(outcome, status, latency, upstreamNanos, attempts);
                traceId = span.traceId();
                spanId = span.spanId();
            } else if (context.trace() != null) {
                traceId = context.trace().traceId();
            }
            log.write(new CallRecord(
                    tool, method, outcome, detail, status, latency, upstreamNanos, attempts, traceId, spanId));
        }
    }

    /** One observed upstream request. */
    private static final class Attempt implements UpstreamAttempt {
        private final Call call;
        private final ExternalTelemetry.Attempt client;
        private final UpstreamRequest request;
        private final long start;

        Attempt(Call call, ExternalTelemetry.Attempt client, UpstreamRequest request, long start) {
            this.call = call;
            this.client = client;
            this.request = request;
            this.start = start;
        }

        @Override
        public UpstreamRequest request() {
            return request;
        }

        @Override
        public void ended(UpstreamEvents.Attempt attempt) {
            // The exchange's own time (sending to the last byte), and a retry counted as the exchange reports it.
            call.attemptEnded(attempt.nanos(), true, attempt.number() > 1);
            if (client != null) {
                client.ended(
                        attempt.status(),
                        attempt.failure() == null ? null : attempt.failure().toLowerCase(Locale.ROOT));
            }
        }

        @Override
        public void ended(int status, String errorType) {
            call.attemptEnded(System.nanoTime() - start, false, false);
            if (client != null) {
                client.ended(status, errorType);
            }
        }
    }
}
