package dev.apigwmcp.maven.catalog;

import dev.apigwmcp.generator.catalog.CatalogDiff;
import dev.apigwmcp.generator.catalog.CatalogDiffRenderer;
import dev.apigwmcp.generator.catalog.CatalogDiffer;
import dev.apigwmcp.generator.catalog.CatalogFormatException;
import dev.apigwmcp.generator.catalog.ToolCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code check-catalog} decision: compares the generated catalog with the reviewed one and says, under a
 * {@link FailOn} policy, whether the build fails, with the lines to log and the Markdown diff to write. The Mojo only
 * carries it out.
 */
public final class CatalogCheck {

    /** When a difference fails the build. */
    public enum FailOn {
        /** Every difference, also text-only ones (the default: the catalog is reviewed as it is). */
        ANY,
        /** Only breaking changes. */
        BREAKING,
        /** Never; the diff is still logged and written. */
        NONE;

        /** The policy named by {@code text} (any case), or empty. */
        public static Optional<FailOn> parse(String text) {
            try {
                return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException | NullPointerException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * What to do.
     *
     * @param identical the catalogs are the same byte for byte (nothing else to do)
     * @param fail      the build fails
     * @param headline  the first line of the message
     * @param lines     the following lines (the diff, where it was written, how to accept it)
     * @param markdown  the diff as Markdown, for a pull-request comment; {@code null} when identical
     */
    public record Verdict(boolean identical, boolean fail, String headline, List<String> lines, String markdown) {
        public Verdict {
            lines = List.copyOf(lines);
        }
    }

    private final Function<Path, String> shown;

    /** @param shown how a file is named in messages (relative to the project) */
    public CatalogCheck(Function<Path, String> shown) {
        this.shown = shown;
    }

    /**
     * @param generated the freshly generated catalog's folder
     * @param reviewed  the reviewed catalog's folder in the project
     * @param diffFile  where the Mojo writes {@link Verdict#markdown()} (named in the lines)
     * @param accept    the command that accepts the change
     */
    public Verdict check(Path generated, Path reviewed, Path diffFile, FailOn policy, String accept)
            throws IOException, CatalogFormatException {
        CatalogComparator.Comparison comparison = new CatalogComparator().compare(generated, reviewed, shown);
        if (comparison.status() == CatalogComparator.Status.IDENTICAL) {
            return new Verdict(
                    true,
                    false,
                    "apigw-mcp: the tool catalog matches the reviewed catalog in " + shown.apply(reviewed),
                    List.of(),
                    null);
        }
        boolean missing = comparison.status() == CatalogComparator.Status.MISSING;
        CatalogDiff diff = missing ? againstEmpty(generated) : comparison.diff();
        String markdown = markdown(diff, comparison, reviewed, generated, accept);
        if (missing) {
            return new Verdict(
                    false,
                    policy != FailOn.NONE,
                    "apigw-mcp: there is no reviewed tool catalog at " + shown.apply(reviewed.resolve("tools.json"))
                            + "; create it with: " + accept,
                    List.of(),
                    markdown);
        }
        List<String> lines = new ArrayList<>(new CatalogDiffRenderer().logLines(diff));
        if (diff.isEmpty()) {
            lines.add("no semantic change; " + String.join(" and ", comparison.differingFiles())
                    + " differ in text only");
        }
        lines.add("diff written to " + shown.apply(diffFile));
        lines.add("to accept the new catalog run: " + accept);
        boolean fail = policy == FailOn.ANY || policy == FailOn.BREAKING && diff.hasBreaking();
        return new Verdict(
                false,
                fail,
                "apigw-mcp: the generated tool catalog differs from the reviewed one in "
                        + shown.apply(reviewed) + " (" + diff.breakingCount() + " breaking, " + diff.compatibleCount()
                        + " compatible):",
                lines,
                markdown);
    }

    private static CatalogDiff againstEmpty(Path generated) throws IOException, CatalogFormatException {
        ToolCatalog now = ToolCatalog.parse(Files.readAllBytes(generated.resolve("tools.json")), "tools.json");
        return new CatalogDiffer().diff(new ToolCatalog("none", Map.of()), now);
    }

    private String markdown(
            CatalogDiff diff, CatalogComparator.Comparison comparison, Path reviewed, Path generated, String accept) {
        StringBuilder markdown = new StringBuilder(new CatalogDiffRenderer()
                .markdown(
                        diff,
                        shown.apply(reviewed.resolve("tools.json")),
                        shown.apply(generated.resolve("tools.json"))));
        if (comparison.status() == CatalogComparator.Status.MISSING) {
            markdown.append("\nThere is no reviewed catalog yet.\n");
        } else if (diff.isEmpty()) {
            markdown.append("\n")
                    .append(String.join(" and ", comparison.differingFiles()))
                    .append(" differ in text only.\n");
        }
        return markdown.append("\nTo accept: `").append(accept).append("`\n").toString();
    }
}
