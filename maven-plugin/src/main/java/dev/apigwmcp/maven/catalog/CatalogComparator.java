package dev.apigwmcp.maven.catalog;

import dev.apigwmcp.generator.catalog.CatalogDiff;
import dev.apigwmcp.generator.catalog.CatalogDiffer;
import dev.apigwmcp.generator.catalog.CatalogFormatException;
import dev.apigwmcp.generator.catalog.ToolCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Compares the generated catalog ({@code tools.json} + {@code TOOLS.md}) with the reviewed one in the project. */
public final class CatalogComparator {

    /** The catalog's files, compared byte for byte and copied by {@code update-catalog}. */
    public static final List<String> FILES = List.of("tools.json", "TOOLS.md");

    /** How the two catalogs relate. */
    public enum Status {
        MISSING,
        IDENTICAL,
        DIFFERENT
    }

    /**
     * @param status         missing reviewed catalog, identical, or different
     * @param diff           the semantic diff of the two {@code tools.json} (empty unless {@code DIFFERENT})
     * @param differingFiles which of {@link #FILES} differ byte for byte
     */
    public record Comparison(Status status, CatalogDiff diff, List<String> differingFiles) {
        public Comparison {
            differingFiles = List.copyOf(differingFiles);
        }
    }

    /**
     * @param generated   folder of the freshly generated catalog
     * @param reviewed    folder of the reviewed catalog in the project
     * @param displayName names files relative to the project for messages
     */
    public Comparison compare(Path generated, Path reviewed, Function<Path, String> displayName)
            throws IOException, CatalogFormatException {
        for (String file : FILES) {
            if (!Files.isRegularFile(generated.resolve(file))) {
                throw new IOException("the generated catalog has no " + displayName.apply(generated.resolve(file)));
            }
        }
        if (!Files.isRegularFile(reviewed.resolve("tools.json"))) {
            return new Comparison(Status.MISSING, new CatalogDiff(List.of()), FILES);
        }
        List<String> differing = new ArrayList<>();
        for (String file : FILES) {
            Path old = reviewed.resolve(file);
            if (!Files.isRegularFile(old)
                    || !Arrays.equals(Files.readAllBytes(old), Files.readAllBytes(generated.resolve(file)))) {
                differing.add(file);
            }
        }
        if (differing.isEmpty()) {
            return new Comparison(Status.IDENTICAL, new CatalogDiff(List.of()), differing);
        }
        Path oldJson = reviewed.resolve("tools.json");
        Path newJson = generated.resolve("tools.json");
        CatalogDiff diff = new CatalogDiffer()
                .diff(
                        ToolCatalog.parse(Files.readAllBytes(oldJson), displayName.apply(oldJson)),
                        ToolCatalog.parse(Files.readAllBytes(newJson), displayName.apply(newJson)));
        return new Comparison(Status.DIFFERENT, diff, differing);
    }

    /** Copies the generated catalog files over the reviewed ones; returns the files written. */
    public List<Path> update(Path generated, Path reviewed) throws IOException {
        Files.createDirectories(reviewed);
        List<Path> written = new ArrayList<>();
        for (String file : FILES) {
            Path target = reviewed.resolve(file);
            Files.copy(generated.resolve(file), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            written.add(target);
        }
        return written;
    }
}
