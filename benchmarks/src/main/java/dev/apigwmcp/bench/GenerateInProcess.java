package dev.apigwmcp.bench;

import dev.apigwmcp.generator.GenerationResult;
import dev.apigwmcp.generator.Generator;
import dev.apigwmcp.generator.GeneratorConfig;
import dev.apigwmcp.generator.TargetConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code Generator.generate} in one JVM: a few warm-up calls (JIT, class loading), then timed calls. Nothing is
 * written to disk; the result is checked for errors and its tool count reported.
 *
 * <p>Usage: {@code GenerateInProcess EXPORT_FILE TARGET WARMUPS RUNS}. Prints one Markdown row.
 */
public final class GenerateInProcess {

    private GenerateInProcess() {}

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: GenerateInProcess EXPORT_FILE TARGET WARMUPS RUNS");
            System.exit(2);
        }
        GeneratorConfig config = new GeneratorConfig(List.of(TargetConfig.of(args[1], Path.of(args[0]))));
        int warmups = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        List<Double> times = new ArrayList<>();
        double first = 0;
        int tools = 0;
        for (int i = 0; i < warmups + runs; i++) {
            long start = System.nanoTime();
            GenerationResult result = Generator.generate(config);
            double ms = (System.nanoTime() - start) / 1e6;
            if (!result.errors().isEmpty()) {
                System.err.println("GenerateInProcess: " + result.errors().size() + " errors, first: "
                        + result.errors().get(0));
                System.exit(1);
            }
            tools = result.tools().size();
            if (i == 0) {
                first = ms;
            }
            if (i >= warmups) {
                times.add(ms);
            }
            System.err.println(String.format(Locale.ROOT, "GenerateInProcess: call %d: %.0f ms", i + 1, ms));
        }
        System.out.println(String.format(
                Locale.ROOT,
                "| Generator.generate, %d tools, JVM warm (after %d calls) | %s | first call (cold JVM): %.0f ms |",
                tools,
                warmups,
                Stats.of(times).text("%.0f"),
                first));
    }
}
