package dev.apigwmcp.runtime.telemetry;

import dev.apigwmcp.runtime.upstream.CallOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToLongFunction;

/**
 * The gateway's one set of call counters, kept in the process whatever else is configured: per target and tool,
 * each call's outcome, calls refused before they started, upstream attempts and retries, calls in flight, and the
 * latency histograms. {@link #snapshot()} sums them for a test or a summary; {@link #writePrometheus} writes them
 * for {@code /metrics} under the names AgentCore users know ({@code Invocations}, {@code Throttles},
 * {@code SystemErrors}, {@code UserErrors}, {@code Latency}, {@code TargetExecutionTime},
 * {@code ConcurrentExecutions}, {@code Retries}, and {@code CircuitState} per target), named as an OpenTelemetry
 * collector's Prometheus exporter would name the same OTel instruments ({@code Invocations_total},
 * {@code Latency_milliseconds_bucket}, ...), so switching between the two keeps dashboards. The error metrics are
 * derived from the outcomes by {@link OutcomeClass}, so they cannot disagree with them.
 */
public final class MetricsRegistry {

    /** Prometheus' text exposition format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    static final String INVOCATIONS =
            "Tool calls received, whatever their outcome (calls refused before they" + " started included)";
    static final String THROTTLES = "Tool calls throttled: by the upstream (HTTP 429), by the gateway (the tool's"
            + " share of concurrent calls), or refused over a client, session or batch limit or as a duplicate"
            + " request id";
    static final String SYSTEM_ERRORS = "Tool calls failed by the upstream or the gateway (5xx, timeouts,"
            + " connection failures, an open circuit, unusable answers, internal errors)";
    static final String USER_ERRORS =
            "Tool calls failed by their request (invalid arguments, upstream 4xx other" + " than 429)";
    static final String RETRIES = "Upstream requests sent again after a failed attempt";
    static final String CONCURRENT = "Tool calls in flight";
    static final String LATENCY = "Tool call duration, from the request to the answer";
    static final String TARGET_TIME = "Time spent in upstream exchanges per tool call (every attempt, from"
            + " sending the request to the last byte of the answer)";
    static final String CIRCUIT = "Circuit breaker state per target: 0 closed, 1 half-open, 2 open";

    private static final CallOutcome[] OUTCOMES = CallOutcome.values();

    /** Counters of the tools called so far: made on a tool's first call, not for every tool at start. */
    private final Map<String, ToolCounters> tools = new ConcurrentHashMap<>();
    /** The gateway's tools, listed with zeros until their first call. */
    private final Map<String, ObservedTool> known = new ConcurrentHashMap<>();
    /** The zeros of a tool not called yet; never counted into. */
    private final ToolCounters idle = new ToolCounters(null, null);
    /** Calls and refusals naming no tool of this gateway: counted, but never under a name a client chose. */
    private final ToolCounters unnamed = new ToolCounters(null, null);

    private final Map<String, CircuitState> circuits;

    MetricsRegistry(Map<String, CircuitState> circuits) {
        this.circuits = circuits;
    }

    /** The counters of one tool (or of names that are no tool), held by a call from its start to its end. */
    static final class ToolCounters {
        final String target;
        final String tool;
        final LongAdder[] outcomes = new LongAdder[OUTCOMES.length];
        final LongAdder refused = new LongAdder();
        final LongAdder attempts = new LongAdder();
        final LongAdder retries = new LongAdder();
        final LongAdder inFlight = new LongAdder();
        final Histogram latency = new Histogram();
        final Histogram targetTime = new Histogram();

        ToolCounters(String target, String tool) {
            this.target = target;
            this.tool = tool;
            for (int i = 0; i < outcomes.length; i++) {
                outcomes[i] = new LongAdder();
            }
        }

        long ended() {
            long sum = 0;
            for (LongAdder outcome : outcomes) {
                sum += outcome.sum();
            }
            return sum;
        }

        long ended(OutcomeClass kind) {
            long sum = 0;
            for (CallOutcome outcome : OUTCOMES) {
                if (OutcomeClass.of(outcome) == kind) {
                    sum += outcomes[outcome.ordinal()].sum();
                }
            }
            return sum;
        }

        long invocations() {
            return ended() + refused.sum();
        }

        long throttles() {
            return ended(OutcomeClass.THROTTLE) + refused.sum();
        }
    }

    /** The counters of {@code tool}; a name that is no tool of the gateway shares the unnamed ones. */
    ToolCounters counters(ObservedTool tool) {
        if (!tool.known()) {
            return unnamed;
        }
        ToolCounters counters = tools.get(tool.tool());
        return counters != null
                ? counters
                : tools.computeIfAbsent(tool.tool(), name -> new ToolCounters(tool.target(), name));
    }

    /**
     * A tool of the gateway, listed (with zeros) before its first call. Its counters are made on that call: a
     * gateway of a thousand tools would otherwise hold some fifty counters per tool from the start.
     */
    void known(ObservedTool tool) {
        known.put(tool.tool(), tool);
    }

    /** How many tools have counters: those called (or refused) at least once. */
    int toolsCounted() {
        return tools.size();
    }

    void started(ToolCounters counters) {
        counters.inFlight.increment();
    }

    /** An upstream exchange ended as the exchange reported it; {@code retry}: it was not the call's first. */
    void attempted(ToolCounters counters, boolean retry) {
        counters.attempts.increment();
        if (retry) {
            counters.retries.increment();
        }
    }

    void ended(ToolCounters counters, CallOutcome outcome, long latencyNanos, long targetNanos, int attempts) {
        counters.inFlight.decrement();
        counters.outcomes[outcome.ordinal()].increment();
        counters.latency.record(latencyNanos / 1e6);
        if (attempts > 0) {
            counters.targetTime.record(targetNanos / 1e6);
        }
    }

    /** A call refused before it started (over a limit, or a duplicate request id): a throttle. */
    void refused(ToolCounters counters) {
        counters.refused.increment();
    }

    /**
     * The counters summed over every tool, for tests and summaries.
     *
     * @param calls    tool calls that ended, whatever their outcome
     * @param outcomes those calls by outcome (every {@link CallOutcome}, zeros included)
     * @param refused  calls refused before they started (limits, duplicate ids), not among {@code calls}
     * @param attempts upstream exchanges, retries included
     * @param retries  upstream exchanges that were retries
     * @param inFlight calls started and not yet ended
     */
    public record Snapshot(
            long calls, Map<CallOutcome, Long> outcomes, long refused, long attempts, long retries, long inFlight) {

        /** Calls that ended in an error of any kind. */
        public long errors() {
            return outcomes.entrySet().stream()
                    .filter(e -> e.getKey().isError())
                    .mapToLong(Map.Entry::getValue)
                    .sum();
        }
    }

    public Snapshot snapshot() {
        List<ToolCounters> all = new ArrayList<>(tools.values());
        all.add(unnamed);
        Map<CallOutcome, Long> outcomes = new EnumMap<>(CallOutcome.class);
        long calls = 0;
        for (CallOutcome outcome : OUTCOMES) {
            long count = all.stream()
                    .mapToLong(c -> c.outcomes[outcome.ordinal()].sum())
                    .sum();
            outcomes.put(outcome, count);
            calls += count;
        }
        return new Snapshot(
                calls,
                Map.copyOf(outcomes),
                sum(all, c -> c.refused.sum()),
                sum(all, c -> c.attempts.sum()),
                sum(all, c -> c.retries.sum()),
                sum(all, c -> c.inFlight.sum()));
    }

    private static long sum(List<ToolCounters> counters, ToLongFunction<ToolCounters> value) {
        return counters.stream().mapToLong(value).sum();
    }

    /**
     * Writes every metric in Prometheus' text format (0.0.4), tools sorted by target and name; calls naming no
     * tool, when there were any, as samples without labels.
     */
    public void writePrometheus(Writer out) {
        List<Row> sorted = rows();
        if (unnamed.invocations() > 0) {
            sorted.add(new Row(null, null, unnamed));
        }
        try {
            counter(out, sorted, "Invocations", INVOCATIONS, ToolCounters::invocations);
            counter(out, sorted, "Throttles", THROTTLES, ToolCounters::throttles);
            counter(out, sorted, "SystemErrors", SYSTEM_ERRORS, c -> c.ended(OutcomeClass.SYSTEM_ERROR));
            counter(out, sorted, "UserErrors", USER_ERRORS, c -> c.ended(OutcomeClass.USER_ERROR));
            counter(out, sorted, "Retries", RETRIES, c -> c.retries.sum());
            out.write("# HELP ConcurrentExecutions " + CONCURRENT + "\n# TYPE ConcurrentExecutions gauge\n");
            for (Row row : sorted) {
                sample(
                        out,
                        "ConcurrentExecutions",
                        labels(row),
                        Long.toString(row.counters().inFlight.sum()));
            }
            histogram(out, sorted, "Latency_milliseconds", LATENCY, c -> c.latency);
            histogram(out, sorted, "TargetExecutionTime_milliseconds", TARGET_TIME, c -> c.targetTime);
            out.write("# HELP CircuitState " + CIRCUIT + "\n# TYPE CircuitState gauge\n");
            for (Map.Entry<String, CircuitState> circuit : new TreeMap<>(circuits).entrySet()) {
                sample(
                        out,
                        "CircuitState",
                        "target=\"" + label(circuit.getKey()) + "\"",
                        Integer.toString(circuit.getValue().value()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One tool's line in {@code /metrics}: its labels and its counters (zeros when it was never called). */
    private record Row(String target, String tool, ToolCounters counters) {}

    /** Every known or called tool, sorted by target and name. */
    private List<Row> rows() {
        Map<String, Row> rows = new HashMap<>();
        known.values().forEach(t -> rows.put(t.tool(), new Row(t.target(), t.tool(), idle)));
        tools.values().forEach(c -> rows.put(c.tool, new Row(c.target, c.tool, c)));
        List<Row> sorted = new ArrayList<>(rows.values());
        sorted.sort(Comparator.comparing(Row::target).thenComparing(Row::tool));
        return sorted;
    }

    private static void counter(
            Writer out, List<Row> rows, String name, String help, ToLongFunction<ToolCounters> value)
            throws IOException {
        out.write("# HELP " + name + "_total " + help + "\n# TYPE " + name + "_total counter\n");
        for (Row row : rows) {
            sample(out, name + "_total", labels(row), Long.toString(value.applyAsLong(row.counters())));
        }
    }

    private static void histogram(
            Writer out,
            List<Row> rows,
            String name,
            String help,
            java.util.function.Function<ToolCounters, Histogram> value)
            throws IOException {
        out.write("# HELP " + name + " " + help + "\n# TYPE " + name + " histogram\n");
        for (Row row : rows) {
            Histogram histogram = value.apply(row.counters());
            long[] counts = histogram.counts();
            String labels = labels(row);
            String separator = labels.isEmpty() ? "" : ",";
            long cumulative = 0;
            for (int i = 0; i < counts.length; i++) {
                cumulative += counts[i];
                String le = i < Histogram.BOUNDS_MS.size() ? number(Histogram.BOUNDS_MS.get(i)) : "+Inf";
                sample(out, name + "_bucket", labels + separator + "le=\"" + le + "\"", Long.toString(cumulative));
            }
            sample(out, name + "_sum", labels, number(histogram.sum()));
            sample(out, name + "_count", labels, Long.toString(cumulative));
        }
    }

    private static void sample(Writer out, String name, String labels, String value) throws IOException {
        out.write(labels.isEmpty() ? name + " " + value + "\n" : name + "{" + labels + "} " + value + "\n");
    }

    /** The {@code target} and {@code tool} labels; none for calls naming no tool. */
    private static String labels(Row row) {
        return row.tool() == null ? "" : "target=\"" + label(row.target()) + "\",tool=\"" + label(row.tool()) + "\"";
    }

    /** A label value escaped as the text format requires: backslash, double quote and line feed. */
    static String label(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }
}
