package dev.apigwmcp.runtime.telemetry;

import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** A fixed-bucket histogram of milliseconds, cheap to update from any thread. */
final class Histogram {

    /**
     * Upper bounds (inclusive) of the buckets in milliseconds, a last one holding the rest: OpenTelemetry's default
     * explicit buckets without the 0, so that {@code /metrics} and an OTel collector show the same buckets.
     */
    static final List<Double> BOUNDS_MS =
            List.of(5.0, 10.0, 25.0, 50.0, 75.0, 100.0, 250.0, 500.0, 750.0, 1000.0, 2500.0, 5000.0, 7500.0, 10000.0);

    private static final double[] BOUNDS =
            BOUNDS_MS.stream().mapToDouble(Double::doubleValue).toArray();

    private final LongAdder[] buckets = new LongAdder[BOUNDS_MS.size() + 1];
    private final DoubleAdder sum = new DoubleAdder();

    Histogram() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    void record(double millis) {
        int bucket = 0;
        while (bucket < BOUNDS.length && millis > BOUNDS[bucket]) {
            bucket++;
        }
        buckets[bucket].increment();
        sum.add(millis);
    }

    /** Counts per bucket (not cumulative), in the order of {@link #BOUNDS_MS} plus the overflow bucket. */
    long[] counts() {
        long[] counts = new long[buckets.length];
        for (int i = 0; i < buckets.length; i++) {
            counts[i] = buckets[i].sum();
        }
        return counts;
    }

    double sum() {
        return sum.sum();
    }
}
