package dev.apigwmcp.generator.schema;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a conversion produces besides the node: issues and the keys of cyclic targets the node refers to by
 * {@code $ref} (the {@code $defs} the enclosing document must carry). Insertion-ordered and duplicate-free.
 */
final class ConversionLog {
    private final Set<SchemaIssue> issues = new LinkedHashSet<>();
    private final Set<String> defKeys = new LinkedHashSet<>();

    void issue(SchemaIssue issue) {
        issues.add(issue);
    }

    void defKey(String key) {
        defKeys.add(key);
    }

    void addAll(ConvertedTarget converted) {
        issues.addAll(converted.issues());
        defKeys.addAll(converted.defKeys());
    }

    Set<SchemaIssue> issues() {
        return issues;
    }

    Set<String> defKeys() {
        return defKeys;
    }

    ConvertedTarget freeze(com.fasterxml.jackson.databind.JsonNode node) {
        return new ConvertedTarget(node, List.copyOf(issues), List.copyOf(defKeys));
    }
}
