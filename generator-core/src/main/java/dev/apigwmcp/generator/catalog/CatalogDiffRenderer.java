package dev.apigwmcp.generator.catalog;

import java.util.ArrayList;
import java.util.List;

/** Renders a {@link CatalogDiff} as Markdown (for pull requests) or as plain log lines. */
public final class CatalogDiffRenderer {

    /**
     * A Markdown report: a heading, the counts, then one table row per change. {@code beforeName} and
     * {@code afterName} say what was compared (for example the committed and the generated catalog).
     */
    public String markdown(CatalogDiff diff, String beforeName, String afterName) {
        StringBuilder out = new StringBuilder();
        out.append("# Tool catalog changes\n\n");
        out.append("Compared `")
                .append(beforeName)
                .append("` (reviewed) with `")
                .append(afterName)
                .append("` (generated).\n\n");
        if (diff.isEmpty()) {
            out.append("No semantic changes.\n");
            return out.toString();
        }
        out.append("**")
                .append(diff.breakingCount())
                .append(" breaking**, ")
                .append(diff.compatibleCount())
                .append(" compatible.\n\n");
        out.append("| Severity | Tool | Where | Change | Detail |\n");
        out.append("| --- | --- | --- | --- | --- |\n");
        for (CatalogChange change : diff.changes()) {
            out.append("| ")
                    .append(change.breaking() ? "**BREAKING**" : "compatible")
                    .append(" | `")
                    .append(cell(change.tool()))
                    .append('`')
                    .append(" | ")
                    .append(change.location() == null ? "" : "`" + cell(change.location()) + "`")
                    .append(" | ")
                    .append(change.kind().label())
                    .append(" | ")
                    .append(cell(change.detail()))
                    .append(" |\n");
        }
        return out.toString();
    }

    /** One line per change, breaking ones first: {@code BREAKING tool input.petId: argument removed (was required)}. */
    public List<String> logLines(CatalogDiff diff) {
        List<String> lines = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            for (CatalogChange change : diff.changes()) {
                if (change.severity() == severity) {
                    lines.add(line(change));
                }
            }
        }
        return lines;
    }

    private static String line(CatalogChange change) {
        StringBuilder line = new StringBuilder();
        line.append(change.severity()).append(' ').append(change.tool());
        if (change.location() != null) {
            line.append(' ').append(change.location());
        }
        line.append(": ").append(change.kind().label());
        if (!change.detail().isEmpty()) {
            line.append(" (").append(change.detail()).append(')');
        }
        return line.toString();
    }

    /** Escapes what would break a Markdown table cell. */
    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
    }
}
