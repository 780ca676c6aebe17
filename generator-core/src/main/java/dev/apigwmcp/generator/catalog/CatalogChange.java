package dev.apigwmcp.generator.catalog;

import java.util.Comparator;
import java.util.Objects;

/**
 * One semantic change between two catalogs.
 *
 * @param tool     the tool's name in the new catalog (the old name for a removed tool)
 * @param location where in the tool: {@code null} for the tool itself, else a schema location such as
 *                 {@code input.body.name}, {@code input.tags[]} or {@code output.result}
 * @param kind     what changed
 * @param severity breaking or compatible
 * @param detail   the specifics (old and new values), never {@code null}
 */
public record CatalogChange(String tool, String location, ChangeKind kind, Severity severity, String detail) {

    /** Report order: by tool, then the tool-level change first, then by location and kind. */
    static final Comparator<CatalogChange> ORDER = Comparator.comparing(CatalogChange::tool)
            .thenComparing(CatalogChange::location, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(CatalogChange::kind)
            .thenComparing(CatalogChange::detail);

    public CatalogChange {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        detail = detail == null ? "" : detail;
    }

    public boolean breaking() {
        return severity == Severity.BREAKING;
    }
}
