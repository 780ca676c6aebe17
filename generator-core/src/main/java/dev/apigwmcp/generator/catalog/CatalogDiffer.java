package dev.apigwmcp.generator.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Computes the semantic {@link CatalogDiff} between a reviewed catalog and a newly generated one. */
public final class CatalogDiffer {

    /** Compares {@code before} (the reviewed catalog) with {@code after} (the new one). */
    public CatalogDiff diff(ToolCatalog before, ToolCatalog after) {
        List<CatalogChange> changes = new ArrayList<>();
        Set<String> removed = new TreeSet<>(before.tools().keySet());
        removed.removeAll(after.tools().keySet());
        Set<String> added = new TreeSet<>(after.tools().keySet());
        added.removeAll(before.tools().keySet());

        for (Map.Entry<String, String> rename :
                renames(before, after, removed, added).entrySet()) {
            ToolCatalog.Tool now = after.tools().get(rename.getKey());
            ToolCatalog.Tool old = before.tools().get(rename.getValue());
            changes.add(new CatalogChange(
                    now.name(), null, ChangeKind.TOOL_RENAMED, Severity.BREAKING, "was " + old.name()));
            compareTool(old, now, changes);
            removed.remove(old.name());
            added.remove(now.name());
        }
        for (String name : removed) {
            changes.add(new CatalogChange(name, null, ChangeKind.TOOL_REMOVED, Severity.BREAKING, ""));
        }
        for (String name : added) {
            changes.add(new CatalogChange(name, null, ChangeKind.TOOL_ADDED, Severity.COMPATIBLE, ""));
        }
        for (ToolCatalog.Tool old : before.tools().values()) {
            ToolCatalog.Tool now = after.tools().get(old.name());
            if (now != null) {
                compareTool(old, now, changes);
            }
        }
        return new CatalogDiff(changes);
    }

    /**
     * New name → old name for each unique pair of a removed and an added tool with equal input schema, output
     * schema and annotations (the rename rule of the package documentation).
     */
    private static Map<String, String> renames(
            ToolCatalog before, ToolCatalog after, Set<String> removed, Set<String> added) {
        Map<String, String> renames = new LinkedHashMap<>();
        for (String newName : added) {
            ToolCatalog.Tool now = after.tools().get(newName);
            List<String> candidates = removed.stream()
                    .filter(oldName -> sameOperation(before.tools().get(oldName), now))
                    .toList();
            if (candidates.size() != 1) {
                continue;
            }
            String oldName = candidates.get(0);
            long rivals = added.stream()
                    .filter(other -> sameOperation(
                            before.tools().get(oldName), after.tools().get(other)))
                    .count();
            if (rivals == 1) {
                renames.put(newName, oldName);
            }
        }
        return renames;
    }

    private static boolean sameOperation(ToolCatalog.Tool a, ToolCatalog.Tool b) {
        return a.inputSchema().equals(b.inputSchema())
                && Objects.equals(a.outputSchema(), b.outputSchema())
                && Objects.equals(a.annotations(), b.annotations());
    }

    private static void compareTool(ToolCatalog.Tool old, ToolCatalog.Tool now, List<CatalogChange> changes) {
        String tool = now.name();
        if (!Objects.equals(old.title(), now.title())) {
            changes.add(new CatalogChange(
                    tool,
                    null,
                    ChangeKind.TITLE_CHANGED,
                    Severity.COMPATIBLE,
                    quote(old.title()) + " → " + quote(now.title())));
        }
        if (!Objects.equals(old.description(), now.description())) {
            changes.add(new CatalogChange(
                    tool,
                    null,
                    ChangeKind.DESCRIPTION_CHANGED,
                    Severity.COMPATIBLE,
                    quote(old.description()) + " → " + quote(now.description())));
        }
        if (!Objects.equals(old.annotations(), now.annotations())) {
            changes.add(new CatalogChange(
                    tool,
                    null,
                    ChangeKind.ANNOTATIONS_CHANGED,
                    Severity.COMPATIBLE,
                    annotationDetail(old.annotations(), now.annotations())));
        }
        new SchemaComparer(tool, SchemaComparer.Position.INPUT, changes)
                .compare("input", old.inputSchema(), now.inputSchema());
        if (old.outputSchema() == null && now.outputSchema() != null) {
            changes.add(new CatalogChange(tool, "output", ChangeKind.OUTPUT_SCHEMA_ADDED, Severity.COMPATIBLE, ""));
        } else if (old.outputSchema() != null && now.outputSchema() == null) {
            changes.add(new CatalogChange(tool, "output", ChangeKind.OUTPUT_SCHEMA_REMOVED, Severity.BREAKING, ""));
        } else if (old.outputSchema() != null) {
            new SchemaComparer(tool, SchemaComparer.Position.OUTPUT, changes)
                    .compare("output", old.outputSchema(), now.outputSchema());
        }
    }

    private static String annotationDetail(JsonNode old, JsonNode now) {
        Set<String> keys = new TreeSet<>();
        if (old != null) {
            old.fieldNames().forEachRemaining(keys::add);
        }
        if (now != null) {
            now.fieldNames().forEachRemaining(keys::add);
        }
        List<String> parts = new ArrayList<>();
        for (String key : keys) {
            JsonNode a = old == null ? null : old.get(key);
            JsonNode b = now == null ? null : now.get(key);
            if (!Objects.equals(a, b)) {
                parts.add(key + ": " + (a == null ? "none" : a) + " → " + (b == null ? "none" : b));
            }
        }
        return String.join(", ", parts);
    }

    /** Quotes a text for a one-line report, shortened so long descriptions stay readable. */
    private static String quote(String text) {
        if (text == null) {
            return "none";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return "\"" + (flat.length() > 80 ? flat.substring(0, 77) + "..." : flat) + "\"";
    }
}
