package dev.apigwmcp.generator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A converted target, cached once per direction and shared by every document that uses it.
 *
 * @param node    the 2020-12 schema; shared, so never mutated after creation
 * @param issues  problems found in the target (and everything it inlines)
 * @param defKeys cyclic targets the node refers to with {@code #/$defs/...}
 */
record ConvertedTarget(JsonNode node, List<SchemaIssue> issues, List<String> defKeys) {
    ConvertedTarget {
        issues = List.copyOf(issues);
        defKeys = List.copyOf(defKeys);
    }
}
