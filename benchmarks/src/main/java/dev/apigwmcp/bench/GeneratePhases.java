package dev.apigwmcp.bench;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import dev.apigwmcp.generator.Generator;
import dev.apigwmcp.generator.GeneratorConfig;
import dev.apigwmcp.generator.TargetConfig;
import dev.apigwmcp.generator.compile.CompiledTarget;
import dev.apigwmcp.generator.compile.ToolCompiler;
import dev.apigwmcp.generator.emit.BindingsEmitter;
import dev.apigwmcp.generator.emit.CatalogMarkdownEmitter;
import dev.apigwmcp.generator.emit.ToolJson;
import dev.apigwmcp.generator.emit.ToolLines;
import dev.apigwmcp.generator.emit.java.JavaEmitter;
import dev.apigwmcp.generator.emit.search.SearchDocumentEmitter;
import dev.apigwmcp.generator.model.ApiModel;
import dev.apigwmcp.generator.problem.ProblemCollector;
import dev.apigwmcp.generator.read.ExportReader;
import dev.apigwmcp.generator.select.Selection;
import dev.apigwmcp.generator.select.ToolSelector;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where a warm {@code Generator.generate} goes: each step of it run on its own through generator-core's public
 * classes (read, select, compile, then each emitter), with wall time, process CPU time (all threads, GC and JIT
 * included; the OS counts it in 10 ms steps, so medians over many rounds) and bytes allocated by all threads, and
 * the whole call for comparison. The emitters run one after another here; in {@code generate} they overlap. A step
 * whose CPU is twice its wall kept both cores busy; allocation drives the young collections that pause both.
 *
 * <p>Usage: {@code GeneratePhases EXPORT_FILE TARGET WARMUPS ROUNDS}, with the CLI jar on the class path. Prints a
 * Markdown table of medians.
 */
public final class GeneratePhases {

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Map<String, List<double[]>> samples = new LinkedHashMap<>();
    private boolean recording;

    private GeneratePhases() {}

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: GeneratePhases EXPORT_FILE TARGET WARMUPS ROUNDS");
            System.exit(2);
        }
        Path export = Path.of(args[0]);
        TargetConfig target = TargetConfig.of(args[1], export);
        int warmups = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        GeneratePhases phases = new GeneratePhases();
        for (int round = 0; round < warmups + rounds; round++) {
            phases.recording = round >= warmups;
            phases.round(target, export);
        }
        phases.print();
    }

    private void round(TargetConfig target, Path export) {
        ProblemCollector problems =
                new ProblemCollector(target.name(), export.getFileName().toString());
        ApiModel model = measure("read (ExportReader)", () -> new ExportReader().read(export, problems))
                .orElseThrow(() -> new IllegalStateException("the export does not read: " + problems.errors()));
        Selection selection =
                measure("select (ToolSelector)", () -> new ToolSelector().select(target, model, problems));
        CompiledTarget compiled =
                measure("compile (ToolCompiler)", () -> new ToolCompiler().compile(target, model, selection, problems));
        if (!problems.errors().isEmpty()) {
            throw new IllegalStateException(
                    "the export has errors: " + problems.errors().get(0));
        }
        measure("emit Java (JavaEmitter)", () -> new JavaEmitter().emit(compiled));
        measure(
                "emit JSON (ToolJson + ToolLines)",
                () -> compiled.tools().parallelStream()
                        .map(tool -> ToolLines.line(ToolJson.of(tool).entry()))
                        .toList());
        measure("emit TOOLS.md (CatalogMarkdownEmitter)", () -> new CatalogMarkdownEmitter().emit(List.of(compiled)));
        measure("emit bindings (BindingsEmitter)", () -> new BindingsEmitter().emit(compiled));
        measure("emit search documents (SearchDocumentEmitter)", () -> new SearchDocumentEmitter().emit(compiled));
        measure("whole Generator.generate", () -> Generator.generate(new GeneratorConfig(List.of(target))));
    }

    private <T> T measure(String step, Supplier<T> work) {
        long allocated = allocated();
        long cpu = OS.getProcessCpuTime();
        long start = System.nanoTime();
        T result = work.get();
        double wallMs = (System.nanoTime() - start) / 1e6;
        double cpuMs = (OS.getProcessCpuTime() - cpu) / 1e6;
        double allocatedMb = (allocated() - allocated) / 1e6;
        if (recording) {
            samples.computeIfAbsent(step, k -> new ArrayList<>()).add(new double[] {wallMs, cpuMs, allocatedMb});
        }
        return result;
    }

    /** Bytes allocated so far by every live thread (threads that ended are not counted: the pool's stay). */
    private static long allocated() {
        long sum = 0;
        for (long bytes : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
            sum += Math.max(0, bytes);
        }
        return sum;
    }

    private void print() {
        System.out.println("| Step | Wall ms | CPU ms | Allocated MB |");
        System.out.println("|---|---:|---:|---:|");
        for (Map.Entry<String, List<double[]>> step : samples.entrySet()) {
            System.out.println(String.format(
                    Locale.ROOT,
                    "| %s | %s | %.0f | %.0f |",
                    step.getKey(),
                    column(step.getValue(), 0).text("%.0f"),
                    column(step.getValue(), 1).median(),
                    column(step.getValue(), 2).median()));
        }
    }

    private static Stats column(List<double[]> rows, int index) {
        return Stats.of(rows.stream().mapToDouble(row -> row[index]).toArray());
    }
}
