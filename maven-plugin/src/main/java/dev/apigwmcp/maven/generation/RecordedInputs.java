package dev.apigwmcp.maven.generation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The inputs of the last successful generation, kept in {@code target/apigw-mcp/inputs/}: the configuration text
 * ({@code configuration.txt}) and a byte-for-byte copy of each target's export ({@code export-1}, {@code export-2},
 * ... in target order).
 *
 * <p>Copies rather than a digest or file timestamps, because the no-change check runs on every build and must never
 * call a changed export up to date: comparing bytes is exact (no collision; no timestamp kept by a copy, an archive
 * or a coarse file system hiding an edit), reads no more than hashing would, stops at the first difference, and
 * needs no digest classes, whose first use in the plugin's fresh class loader was a large part of the check.
 */
final class RecordedInputs {

    static final String DIRECTORY = "inputs";
    static final String CONFIGURATION_FILE = "configuration.txt";

    private final Path directory;

    /** @param directory the record's own folder; {@link #clear()} deletes it */
    RecordedInputs(Path directory) {
        this.directory = directory;
    }

    /** Whether these are exactly the recorded inputs: the same configuration text, every export byte-identical. */
    boolean match(GenerationInputs inputs) {
        Path configuration = directory.resolve(CONFIGURATION_FILE);
        if (!Files.isRegularFile(configuration)) {
            return false;
        }
        try {
            if (!Files.readString(configuration, StandardCharsets.UTF_8).equals(inputs.configuration())) {
                return false;
            }
            // The configuration lists the targets, so equal text means as many exports as copies.
            List<Path> exports = inputs.exports();
            for (int i = 0; i < exports.size(); i++) {
                Path export = exports.get(i);
                Path copy = exportCopy(i);
                // The sizes first: most edits change them, and then neither file has to be read.
                if (Files.size(export) != Files.size(copy) || Files.mismatch(export, copy) != -1L) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            // A missing or unreadable file is a change; the regeneration that follows reports a missing export.
            return false;
        }
    }

    /** Forgets the record; done before the output is cleared, so a run that dies half-way is never up to date. */
    void clear() throws IOException {
        FileTrees.delete(directory);
    }

    /**
     * Records the inputs of a successful generation.
     *
     * @param exportBytes each export's bytes as the generation read them, in target order
     */
    void record(GenerationInputs inputs, List<byte[]> exportBytes) throws IOException {
        if (exportBytes.size() != inputs.exports().size()) {
            throw new IllegalArgumentException("one export per target expected");
        }
        clear();
        Files.createDirectories(directory);
        for (int i = 0; i < exportBytes.size(); i++) {
            Files.write(exportCopy(i), exportBytes.get(i));
        }
        // Written last: a record is complete, and can match, only once its configuration is there.
        Files.writeString(directory.resolve(CONFIGURATION_FILE), inputs.configuration(), StandardCharsets.UTF_8);
    }

    private Path exportCopy(int index) {
        // Numbered, not named after the target: target names differing only in case would clash on some file systems.
        return directory.resolve("export-" + (index + 1));
    }
}
