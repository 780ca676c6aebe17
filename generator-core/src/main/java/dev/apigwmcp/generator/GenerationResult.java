package dev.apigwmcp.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What one generator run produced: the files (in memory, sorted by path), the tools, and every problem found.
 * When {@link #errors()} is not empty, {@link #files()} is empty: a run with errors emits nothing.
 *
 * @param files    emitted files, sorted by kind then path
 * @param tools    generated tools, sorted by name
 * @param targets  per-target counts, in configuration order
 * @param warnings warnings, in discovery order
 * @param errors   errors, in discovery order
 */
public record GenerationResult(
        List<GeneratedFile> files,
        List<ToolSummary> tools,
        List<TargetSummary> targets,
        List<Problem> warnings,
        List<Problem> errors) {

    public GenerationResult {
        files = List.copyOf(files);
        tools = List.copyOf(tools);
        targets = List.copyOf(targets);
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Writes Java sources below {@code javaRoot} and resources below {@code resourceRoot}. */
    public void writeTo(Path javaRoot, Path resourceRoot) throws IOException {
        for (GeneratedFile file : files) {
            Path root = file.kind() == GeneratedFile.Kind.JAVA ? javaRoot : resourceRoot;
            Path target = root.resolve(file.relativePath());
            Files.createDirectories(target.getParent());
            Files.write(target, file.content());
        }
    }
}
