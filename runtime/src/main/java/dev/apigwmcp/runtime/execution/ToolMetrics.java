package dev.apigwmcp.runtime.execution;

import dev.apigwmcp.runtime.upstream.CallOutcome;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counters of tool calls: totals, outcomes by kind and a latency histogram. Cheap to update from any thread. */
public final class ToolMetrics {

    /** Upper bounds (inclusive, milliseconds) of the latency buckets; a last bucket holds everything slower. */
    public static final List<Long> LATENCY_BOUNDS_MS = List.of(1L, 2L, 5L, 10L, 25L, 50L, 100L, 250L, 500L, 1000L,
            2500L, 5000L, 10000L, 30000L);

    private final LongAdder calls = new LongAdder();
    private final LongAdder attempts = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final EnumMap<CallOutcome, LongAdder> outcomes = new EnumMap<>(CallOutcome.class);
    private final LongAdder[] buckets = new LongAdder[LATENCY_BOUNDS_MS.size() + 1];

    public ToolMetrics() {
        for (CallOutcome outcome : CallOutcome.values()) {
            outcomes.put(outcome, new LongAdder());
        }
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    void record(CallOutcome outcome, long nanos) {
        calls.increment();
        outcomes.get(outcome).increment();
        long millis = nanos / 1_000_000;
        int bucket = 0;
        while (bucket < LATENCY_BOUNDS_MS.size() && millis > LATENCY_BOUNDS_MS.get(bucket)) {
            bucket++;
        }
        buckets[bucket].increment();
    }

    /** A call's upstream attempts: the first and each retry. */
    void recordAttempts(int count) {
        if (count > 0) {
            attempts.add(count);
            retries.add(count - 1L);
        }
    }

    /**
     * A consistent-enough copy for reporting.
     *
     * @param calls    all finished calls
     * @param outcomes calls by outcome ({@link CallOutcome#OK} and each error kind)
     * @param latency  calls per latency bucket, in the order of {@link #LATENCY_BOUNDS_MS} plus one overflow bucket
     * @param attempts upstream requests sent, retries included
     * @param retries  upstream requests that were retries
     */
    public record Snapshot(long calls, Map<CallOutcome, Long> outcomes, List<Long> latency, long attempts,
            long retries) {

        /** Calls that ended in an error of any kind. */
        public long errors() {
            return outcomes.entrySet().stream().filter(e -> e.getKey().isError()).mapToLong(Map.Entry::getValue).sum();
        }
    }

    public Snapshot snapshot() {
        Map<CallOutcome, Long> counts = new EnumMap<>(CallOutcome.class);
        outcomes.forEach((outcome, adder) -> counts.put(outcome, adder.sum()));
        List<Long> latency = new ArrayList<>(buckets.length);
        for (LongAdder bucket : buckets) {
            latency.add(bucket.sum());
        }
        return new Snapshot(calls.sum(), Map.copyOf(counts), List.copyOf(latency), attempts.sum(), retries.sum());
    }
}
