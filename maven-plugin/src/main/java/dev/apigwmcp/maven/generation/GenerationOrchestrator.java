package dev.apigwmcp.maven.generation;

import dev.apigwmcp.generator.GenerationResult;
import dev.apigwmcp.generator.GeneratorConfig;
import dev.apigwmcp.generator.Problem;
import dev.apigwmcp.generator.TargetConfig;
import dev.apigwmcp.generator.TargetSummary;
import dev.apigwmcp.maven.config.PlannedTarget;
import dev.apigwmcp.maven.fetch.SnapshotRefresher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs one incremental generation: snapshots in place, fingerprint compared, and, only when an input changed,
 * output directories wiped and regenerated through {@code Generator.generate}.
 */
public final class GenerationOrchestrator {

    static final String FINGERPRINT_FILE = "fingerprint.sha256";

    private final Function<GeneratorConfig, GenerationResult> generator;
    private final SnapshotRefresher snapshots;
    private final BuildLog log;

    public GenerationOrchestrator(Function<GeneratorConfig, GenerationResult> generator, SnapshotRefresher snapshots,
                                  BuildLog log) {
        this.generator = generator;
        this.snapshots = snapshots;
        this.log = log;
    }

    /** What a run did. {@code result} is {@code null} when the output was up to date. */
    public record Outcome(boolean upToDate, GenerationResult result) {
    }

    public Outcome run(GenerationRequest request) throws GenerationException {
        List<String> fetchErrors = snapshots.refresh(request.targets(), request.refresh(), request.offline(),
                request.displayName(), line -> log.info("apigw-mcp: " + line));
        if (!fetchErrors.isEmpty()) {
            throw new GenerationException("apigw-mcp: fetching exports from API Gateway failed:", fetchErrors);
        }
        List<TargetConfig> configs = request.targets().stream().map(PlannedTarget::config).toList();
        List<byte[]> exports = readExports(request, configs);
        Fingerprint fingerprint = Fingerprint.of(request.pluginVersion(), configs, exports);
        Path fingerprintFile = request.stateDirectory().resolve(FINGERPRINT_FILE);
        if (upToDate(fingerprint, fingerprintFile, request)) {
            return new Outcome(true, null);
        }
        try {
            // Forget the old fingerprint first: a run that dies half-way must not look up to date next time.
            Files.deleteIfExists(fingerprintFile);
            deleteTree(request.javaOutput());
            deleteTree(request.resourceOutput());
        } catch (IOException e) {
            throw new GenerationException("apigw-mcp: cannot clear the previous output:", List.of(e.toString()));
        }
        GenerationResult result = generator.apply(new GeneratorConfig(configs));
        if (result.hasErrors()) {
            throw new GenerationException("apigw-mcp: generation failed with " + result.errors().size() + " error"
                    + (result.errors().size() == 1 ? "" : "s") + ":",
                    result.errors().stream().map(Problem::toString).toList());
        }
        try {
            Files.createDirectories(request.javaOutput());
            Files.createDirectories(request.resourceOutput());
            result.writeTo(request.javaOutput(), request.resourceOutput());
            Files.createDirectories(request.stateDirectory());
            Files.writeString(fingerprintFile, fingerprint.hex() + "\n", StandardCharsets.UTF_8);
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
            long warnings = result.warnings().stream().filter(w -> target.target().equals(w.target())).count();
            lines.add("apigw-mcp: target " + target.target() + ": " + target.tools() + " tool"
                    + (target.tools() == 1 ? "" : "s") + " generated, " + target.filteredOut()
                    + " operation" + (target.filteredOut() == 1 ? "" : "s") + " filtered out, " + warnings
                    + " warning" + (warnings == 1 ? "" : "s"));
        }
        return lines;
    }

    private static List<byte[]> readExports(GenerationRequest request, List<TargetConfig> configs)
            throws GenerationException {
        List<byte[]> exports = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (TargetConfig config : configs) {
            Path file = config.exportFile();
            if (!Files.isRegularFile(file)) {
                errors.add("target " + config.name() + ": exportFile " + request.displayName().apply(file)
                        + " does not exist");
                continue;
            }
            try {
                exports.add(Files.readAllBytes(file));
            } catch (IOException e) {
                errors.add("target " + config.name() + ": cannot read exportFile " + request.displayName().apply(file)
                        + ": " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new GenerationException("apigw-mcp: configuration errors:", errors);
        }
        return exports;
    }

    private static boolean upToDate(Fingerprint fingerprint, Path file, GenerationRequest request) {
        if (!Files.isRegularFile(file) || !Files.isDirectory(request.javaOutput())
                || !Files.isDirectory(request.resourceOutput())) {
            return false;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip().equals(fingerprint.hex());
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
