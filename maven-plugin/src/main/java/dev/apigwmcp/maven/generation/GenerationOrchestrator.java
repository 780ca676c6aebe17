package dev.apigwmcp.maven.generation;

import dev.apigwmcp.generator.GenerationResult;
import dev.apigwmcp.generator.Generator;
import dev.apigwmcp.generator.GeneratorConfig;
import dev.apigwmcp.generator.Problem;
import dev.apigwmcp.generator.TargetConfig;
import dev.apigwmcp.generator.TargetSummary;
import dev.apigwmcp.maven.config.PlannedTarget;
import dev.apigwmcp.maven.fetch.SnapshotRefresher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one incremental generation: snapshots in place, inputs compared with those of the last run, and, only when
 * an input changed, output directories wiped and regenerated through {@code Generator.generate}.
 */
public final class GenerationOrchestrator {

    private final Function<GeneratorConfig, GenerationResult> generator;
    private final SnapshotRefresher snapshots;
    private final BuildLog log;

    public GenerationOrchestrator(
            Function<GeneratorConfig, GenerationResult> generator, SnapshotRefresher snapshots, BuildLog log) {
        this.generator = generator;
        this.snapshots = snapshots;
        this.log = log;
    }

    /** An orchestrator that generates with generator-core's {@code Generator.generate}. */
    public static GenerationOrchestrator usingGeneratorCore(SnapshotRefresher snapshots, BuildLog log) {
        return new GenerationOrchestrator(new CoreGenerator(), snapshots, log);
    }

    /** What a run did. {@code result} is {@code null} when the output was up to date. */
    public record Outcome(boolean upToDate, GenerationResult result) {}

    /**
     * Regenerates unless the inputs are exactly those of the last successful run and its output is still there.
     * The no-change path runs on every build: it reads the recorded inputs and compares, and loads none of
     * generator-core's machinery (parser, JSON, JavaPoet) and no AWS classes.
     */
    public Outcome run(GenerationRequest request) throws GenerationException {
        List<String> fetchErrors = snapshots.refresh(
                request.targets(), request.refresh(), request.offline(), request.displayName(), new PrefixedInfo(log));
        if (!fetchErrors.isEmpty()) {
            throw new GenerationException("apigw-mcp: fetching exports from API Gateway failed:", fetchErrors);
        }
        List<TargetConfig> configs = configs(request.targets());
        GenerationInputs inputs = GenerationInputs.of(request.pluginVersion(), configs);
        RecordedInputs recorded = new RecordedInputs(request.stateDirectory().resolve(RecordedInputs.DIRECTORY));
        if (Files.isDirectory(request.javaOutput())
                && Files.isDirectory(request.resourceOutput())
                && recorded.match(inputs)) {
            return new Outcome(true, null);
        }
        // Read before generating, and recorded afterwards: if an export changes while the generator runs, the record
        // holds the older bytes and the next build regenerates.
        List<byte[]> exports = readExports(request, configs);
        try {
            // Forget the old inputs first: a run that dies half-way must not look up to date next time.
            recorded.clear();
            FileTrees.delete(request.javaOutput());
            FileTrees.delete(request.resourceOutput());
        } catch (IOException e) {
            throw new GenerationException("apigw-mcp: cannot clear the previous output:", List.of(e.toString()));
        }
        GenerationResult result = generator.apply(new GeneratorConfig(configs));
        if (result.hasErrors()) {
            throw new GenerationException(
                    "apigw-mcp: generation failed with " + result.errors().size() + " error"
                            + (result.errors().size() == 1 ? "" : "s") + ":",
                    result.errors().stream().map(Problem::toString).toList());
        }
        try {
            Files.createDirectories(request.javaOutput());
            Files.createDirectories(request.resourceOutput());
            result.writeTo(request.javaOutput(), request.resourceOutput());
            recorded.record(inputs, exports);
        } catch (IOException e) {
            throw new GenerationException("apigw-mcp: cannot write the generated files:", List.of(e.toString()));
        }
        return new Outcome(false, result);
    }

    /** The log lines for a finished run: one per target, then each warning. */
    public static List<String> summary(Outcome outcome, int targetCount) {
        List<String> lines = new ArrayList<>();
        if (outcome.upToDate()) {
            lines.add("apigw-mcp: no input changed since the last run (" + targetCount + " target"
                    + (targetCount == 1 ? "" : "s") + "), generated sources are up to date");
            return lines;
        }
        GenerationResult result = outcome.result();
        for (TargetSummary target : result.targets()) {
            long warnings = result.warnings().stream()
                    .filter(w -> target.target().equals(w.target()))
                    .count();
            lines.add("apigw-mcp: target " + target.target() + ": " + target.tools() + " tool"
                    + (target.tools() == 1 ? "" : "s") + " generated, " + target.filteredOut()
                    + " operation" + (target.filteredOut() == 1 ? "" : "s") + " filtered out, " + warnings
                    + " warning" + (warnings == 1 ? "" : "s"));
        }
        return lines;
    }

    private static List<TargetConfig> configs(List<PlannedTarget> targets) {
        List<TargetConfig> configs = new ArrayList<>(targets.size());
        for (PlannedTarget target : targets) {
            configs.add(target.config());
        }
        return configs;
    }

    private static List<byte[]> readExports(GenerationRequest request, List<TargetConfig> configs)
            throws GenerationException {
        List<byte[]> exports = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (TargetConfig config : configs) {
            Path file = config.exportFile();
            if (!Files.isRegularFile(file)) {
                errors.add("target " + config.name() + ": exportFile "
                        + request.displayName().apply(file) + " does not exist");
                continue;
            }
            try {
                exports.add(Files.readAllBytes(file));
            } catch (IOException e) {
                errors.add("target " + config.name() + ": cannot read exportFile "
                        + request.displayName().apply(file) + ": " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new GenerationException("apigw-mcp: configuration errors:", errors);
        }
        return exports;
    }

    /**
     * {@code Generator::generate} as a class: creating the method reference would load generator-core's entry point
     * on every build, also when the output is up to date; this class links to it only when it generates.
     */
    private static final class CoreGenerator implements Function<GeneratorConfig, GenerationResult> {
        @Override
        public GenerationResult apply(GeneratorConfig config) {
            return Generator.generate(config);
        }
    }

    /**
     * Logs the refresher's lines. A class, not a lambda: it is created on every build with a fetched target, and
     * creating a lambda costs about a millisecond in the plugin's fresh class loader.
     */
    private record PrefixedInfo(BuildLog log) implements Consumer<String> {
        @Override
        public void accept(String line) {
            log.info("apigw-mcp: " + line);
        }
    }
}
