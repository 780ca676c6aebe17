package dev.apigwmcp.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * What one generator run produced: the files (in memory, sorted by path), the tools, and every problem found.
 * When {@link #errors()} is not empty, {@link #files()} is empty: a run with errors emits nothing.
 *
 * @param files    emitted files, sorted by kind then path
 * @param tools    generated tools, sorted by name
 * @param targets  per-target counts, in configuration order
 * @param warnings warnings, in discovery order
 * @param errors   errors, in discovery order
 * @param notes    what the generator decided from an export that the user should know (info lines, not problems),
 *                 in discovery order
 */
public record GenerationResult(
        List<GeneratedFile> files,
        List<ToolSummary> tools,
        List<TargetSummary> targets,
        List<Problem> warnings,
        List<Problem> errors,
        List<Problem> notes) {

    public GenerationResult {
        files = List.copyOf(files);
        tools = List.copyOf(tools);
        targets = List.copyOf(targets);
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
        notes = List.copyOf(notes);
    }

    /** A result without notes. */
    public GenerationResult(
            List<GeneratedFile> files,
            List<ToolSummary> tools,
            List<TargetSummary> targets,
            List<Problem> warnings,
            List<Problem> errors) {
        this(files, tools, targets, warnings, errors, List.of());
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /**
     * Makes {@code javaRoot} and {@code resourceRoot} hold exactly this result's files: files no longer generated
     * are deleted, files whose bytes already match are left untouched (modification time included), the others
     * written. Returns how many files were written.
     */
    public int replaceContents(Path javaRoot, Path resourceRoot) throws IOException {
        Path java = javaRoot.toAbsolutePath().normalize();
        Path resources = resourceRoot.toAbsolutePath().normalize();
        Map<Path, byte[]> byPath = new HashMap<>();
        for (GeneratedFile file : files) {
            byPath.put(
                    (file.kind() == GeneratedFile.Kind.JAVA ? java : resources).resolve(file.relativePath()),
                    file.content());
        }
        return new OutputFolders(byPath).replaceContents(List.of(java, resources));
    }

    /**
     * Writes Java sources below {@code javaRoot} and resources below {@code resourceRoot}. Each folder is created
     * once (creating an existing one costs an exception), then the files are written in parallel: thousands of
     * small files are bound by system calls, not by the disk.
     */
    public void writeTo(Path javaRoot, Path resourceRoot) throws IOException {
        List<Path> targets = files.stream()
                .map(file ->
                        (file.kind() == GeneratedFile.Kind.JAVA ? javaRoot : resourceRoot).resolve(file.relativePath()))
                .toList();
        for (Path folder : new TreeSet<>(targets.stream().map(Path::getParent).toList())) {
            Files.createDirectories(folder);
        }
        try {
            IntStream.range(0, files.size()).parallel().forEach(i -> {
                try {
                    Files.write(targets.get(i), files.get(i).content());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
