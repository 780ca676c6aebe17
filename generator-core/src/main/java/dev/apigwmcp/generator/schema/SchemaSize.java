package dev.apigwmcp.generator.schema;

import com.fasterxml.jackson.databind.JsonNode;

/** How large a schema is as compact JSON: what it costs every client that copies {@code tools/list}. */
public final class SchemaSize {

    private SchemaSize() {}

    /**
     * The length of {@code node} as compact JSON, counting at most up to {@code limit + 1} (the walk stops early,
     * so measuring a huge schema against a small cap is cheap). Escapes are not counted: a close lower bound.
     */
    public static long compactSize(JsonNode node, long limit) {
        long[] size = {0};
        measure(node, size, limit);
        return Math.min(size[0], limit + 1);
    }

    private static void measure(JsonNode node, long[] size, long limit) {
        if (size[0] > limit) {
            return;
        }
        if (node.isObject()) {
            size[0] += 2 + Math.max(0, node.size() - 1);
            for (var field : node.properties()) {
                size[0] += field.getKey().length() + 3;
                measure(field.getValue(), size, limit);
                if (size[0] > limit) {
                    return;
                }
            }
        } else if (node.isArray()) {
            size[0] += 2 + Math.max(0, node.size() - 1);
            for (JsonNode item : node) {
                measure(item, size, limit);
                if (size[0] > limit) {
                    return;
                }
            }
        } else if (node.isTextual()) {
            size[0] += node.textValue().length() + 2;
        } else {
            size[0] += node.asText().length();
        }
    }
}
