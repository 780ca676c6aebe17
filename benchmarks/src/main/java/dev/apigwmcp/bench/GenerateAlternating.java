package dev.apigwmcp.bench;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Two generator jars side by side in one JVM: {@code Generator.generate} of jar A, then of jar B, alternating call
 * by call (A B, B A, A B, ...), so both see the same machine at the same moment. On a shared VM whose speed moves
 * by a quarter within minutes, separate runs cannot show a change of a few per cent; paired calls can. Each jar
 * gets its own class loader (nothing shared but the JDK), so each is JIT-compiled on its own.
 *
 * <p>Usage: {@code GenerateAlternating EXPORT_FILE JAR_A JAR_B WARMUP_PAIRS PAIRS}. Prints both medians, the
 * ratio B/A and in how many pairs B was faster. Only the JDK on the class path.
 */
public final class GenerateAlternating {

    private GenerateAlternating() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: GenerateAlternating EXPORT_FILE JAR_A JAR_B WARMUP_PAIRS PAIRS");
            System.exit(2);
        }
        Path export = Path.of(args[0]);
        JarGenerator a = JarGenerator.load(Path.of(args[1]), export);
        JarGenerator b = JarGenerator.load(Path.of(args[2]), export);
        int warmups = Integer.parseInt(args[3]);
        int pairs = Integer.parseInt(args[4]);
        for (int i = 0; i < warmups; i++) {
            a.call();
            b.call();
        }
        List<Double> timesA = new ArrayList<>();
        List<Double> timesB = new ArrayList<>();
        int bFaster = 0;
        for (int i = 0; i < pairs; i++) {
            double ta;
            double tb;
            if (i % 2 == 0) {
                ta = a.call();
                tb = b.call();
            } else {
                tb = b.call();
                ta = a.call();
            }
            timesA.add(ta);
            timesB.add(tb);
            bFaster += tb < ta ? 1 : 0;
        }
        Stats sa = Stats.of(timesA);
        Stats sb = Stats.of(timesB);
        System.out.println(String.format(
                Locale.ROOT,
                "A %s ms, B %s ms, B/A %.3f, B faster in %d of %d pairs",
                sa.text("%.0f"),
                sb.text("%.0f"),
                sb.median() / sa.median(),
                bFaster,
                pairs));
    }

    /** One jar's {@code Generator.generate} with a one-target configuration, called through reflection. */
    private record JarGenerator(Object config, Method generate) {

        static JarGenerator load(Path jar, Path export) throws Exception {
            ClassLoader loader =
                    new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> targetConfig = loader.loadClass("dev.apigwmcp.generator.TargetConfig");
            Object target =
                    targetConfig.getMethod("of", String.class, Path.class).invoke(null, "bench", export);
            Class<?> generatorConfig = loader.loadClass("dev.apigwmcp.generator.GeneratorConfig");
            Object config = generatorConfig.getConstructor(List.class).newInstance(List.of(target));
            Method generate =
                    loader.loadClass("dev.apigwmcp.generator.Generator").getMethod("generate", generatorConfig);
            return new JarGenerator(config, generate);
        }

        /** One call, in ms; a result with errors stops the benchmark. */
        double call() throws Exception {
            long start = System.nanoTime();
            Object result = generate.invoke(null, config);
            double ms = (System.nanoTime() - start) / 1e6;
            List<?> errors = (List<?>) result.getClass().getMethod("errors").invoke(result);
            if (!errors.isEmpty()) {
                throw new IllegalStateException("generation failed: " + errors.get(0));
            }
            return ms;
        }
    }
}
