package dev.apigwmcp.runtime.telemetry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The call metrics kept in the process for {@code /metrics}, per target and tool, under the names AgentCore users
 * know: {@code Invocations}, {@code Throttles}, {@code SystemErrors}, {@code UserErrors}, {@code Latency},
 * {@code TargetExecutionTime}, {@code ConcurrentExecutions}, {@code Retries}, and {@code CircuitState} per
 * target. {@link #writePrometheus} writes them in Prometheus' text format, named as an OpenTelemetry collector's
 * Prometheus exporter would name the same OTel instruments ({@code Invocations_total},
 * {@code Latency_milliseconds_bucket}, ...), so switching between the two keeps dashboards.
 */
public final class MetricsRegistry {

    /** Prometheus' text exposition format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Map<String, ToolCounters> tools = new ConcurrentHashMap<>();
    private final Map<String, CircuitState> circuits;

    MetricsRegistry(Map<String, CircuitState> circuits) {
        this.circuits = circuits;
    }

    /** The counters of one tool. */
    private static final class ToolCounters {
        final String target;
        final String tool;
        final LongAdder invocations = new LongAdder();
        final LongAdder throttles = new LongAdder();
        final LongAdder systemErrors = new LongAdder();
        final LongAdder userErrors = new LongAdder();
        final LongAdder retries = new LongAdder();
        final LongAdder inFlight = new LongAdder();
        final Histogram latency = new Histogram();
        final Histogram targetTime = new Histogram();

        ToolCounters(String target, String tool) {
            this.target = target;
            this.tool = tool;
        }
    }

    private ToolCounters counters(ObservedTool tool) {
        ToolCounters counters = tools.get(tool.tool());
        return counters != null ? counters : tools.computeIfAbsent(tool.tool(), name -> new ToolCounters(tool.target(),
                name));
    }

    void started(ObservedTool tool) {
        counters(tool).inFlight.increment();
    }

    void retried(ObservedTool tool) {
        counters(tool).retries.increment();
    }

    void ended(ObservedTool tool, OutcomeClass outcome, long latencyNanos, long targetNanos, int attempts) {
        ToolCounters counters = counters(tool);
        counters.inFlight.decrement();
        counters.invocations.increment();
        switch (outcome) {
            case THROTTLE -> counters.throttles.increment();
            case SYSTEM_ERROR -> counters.systemErrors.increment();
            case USER_ERROR -> counters.userErrors.increment();
            case SUCCESS, CANCELLED -> { }
        }
        counters.latency.record(latencyNanos / 1e6);
        if (attempts > 0) {
            counters.targetTime.record(targetNanos / 1e6);
        }
    }

    /** Writes every metric in Prometheus' text format (0.0.4), tools sorted by target and name. */
    public void writePrometheus(Writer out) {
        List<ToolCounters> sorted = tools.values().stream()
                .sorted(Comparator.comparing((ToolCounters c) -> c.target).thenComparing(c -> c.tool)).toList();
        try {
            counter(out, sorted, "Invocations", "Tool calls received, whatever their outcome", c -> c.invocations);
            counter(out, sorted, "Throttles", "Tool calls throttled: by the upstream (HTTP 429) or by the "
                    + "gateway (the tool's share of concurrent calls)", c -> c.throttles);
            counter(out, sorted, "SystemErrors", "Tool calls failed by the upstream or the gateway (5xx, timeouts, "
                    + "connection failures, an open circuit, unusable answers, internal errors)", c -> c.systemErrors);
            counter(out, sorted, "UserErrors", "Tool calls failed by their request (invalid arguments, upstream 4xx "
                    + "other than 429)", c -> c.userErrors);
            counter(out, sorted, "Retries", "Upstream requests sent again after a failed attempt", c -> c.retries);
            out.write("# HELP ConcurrentExecutions Tool calls in flight\n# TYPE ConcurrentExecutions gauge\n");
            for (ToolCounters c : sorted) {
                sample(out, "ConcurrentExecutions", labels(c), Long.toString(c.inFlight.sum()));
            }
            histogram(out, sorted, "Latency_milliseconds", "Tool call duration, from the request to the answer",
                    c -> c.latency);
            histogram(out, sorted, "TargetExecutionTime_milliseconds", "Time spent in upstream requests per tool "
                    + "call (every attempt, from applying credentials to the last byte of the answer)",
                    c -> c.targetTime);
            out.write("# HELP CircuitState Circuit breaker state per target: 0 closed, 1 half-open, 2 open\n"
                    + "# TYPE CircuitState gauge\n");
            for (Map.Entry<String, CircuitState> circuit : new java.util.TreeMap<>(circuits).entrySet()) {
                sample(out, "CircuitState", "target=\"" + label(circuit.getKey()) + "\"",
                        Integer.toString(circuit.getValue().value()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void counter(Writer out, List<ToolCounters> tools, String name, String help,
            Function<ToolCounters, LongAdder> value) throws IOException {
        out.write("# HELP " + name + "_total " + help + "\n# TYPE " + name + "_total counter\n");
        for (ToolCounters c : tools) {
            sample(out, name + "_total", labels(c), Long.toString(value.apply(c).sum()));
        }
    }

    private static void histogram(Writer out, List<ToolCounters> tools, String name, String help,
            Function<ToolCounters, Histogram> value) throws IOException {
        out.write("# HELP " + name + " " + help + "\n# TYPE " + name + " histogram\n");
        for (ToolCounters c : tools) {
            Histogram histogram = value.apply(c);
            long[] counts = histogram.counts();
            String labels = labels(c);
            long cumulative = 0;
            for (int i = 0; i < counts.length; i++) {
                cumulative += counts[i];
                String le = i < Histogram.BOUNDS_MS.size() ? number(Histogram.BOUNDS_MS.get(i)) : "+Inf";
                sample(out, name + "_bucket", labels + ",le=\"" + le + "\"", Long.toString(cumulative));
            }
            sample(out, name + "_sum", labels, number(histogram.sum()));
            sample(out, name + "_count", labels, Long.toString(cumulative));
        }
    }

    private static void sample(Writer out, String name, String labels, String value) throws IOException {
        out.write(name + "{" + labels + "} " + value + "\n");
    }

    private static String labels(ToolCounters c) {
        return "target=\"" + label(c.target) + "\",tool=\"" + label(c.tool) + "\"";
    }

    /** A label value escaped as the text format requires: backslash, double quote and line feed. */
    static String label(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
