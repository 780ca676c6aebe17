package dev.apigwmcp.generator.catalog;

import java.util.List;

/**
 * The semantic difference between two catalogs, in report order (by tool, then location).
 *
 * @param changes every change found; empty when the catalogs mean the same
 */
public record CatalogDiff(List<CatalogChange> changes) {

    public CatalogDiff {
        changes = changes.stream().sorted(CatalogChange.ORDER).toList();
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public boolean hasBreaking() {
        return changes.stream().anyMatch(CatalogChange::breaking);
    }

    public long breakingCount() {
        return changes.stream().filter(CatalogChange::breaking).count();
    }

    public long compatibleCount() {
        return changes.size() - breakingCount();
    }
}
