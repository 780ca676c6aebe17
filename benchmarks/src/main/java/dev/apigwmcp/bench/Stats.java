package dev.apigwmcp.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Median and spread of a few runs, the way BENCHMARKS.md reports them. */
record Stats(int runs, double median, double min, double max) {

    static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Stats(n, median, sorted[0], sorted[n - 1]);
    }

    static Stats of(double[] values) {
        return of(Arrays.stream(values).boxed().toList());
    }

    /** {@code 123.4 (110.2–140.9, n=5)} */
    String text(String format) {
        return String.format(Locale.ROOT, format + " (" + format + "–" + format + ", n=%d)", median, min, max, runs);
    }
}
