package dev.apigwmcp.generator.emit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Short human-readable type descriptions of JSON Schemas, for the catalog. */
final class SchemaSummary {

    private static final int MAX_ENUM = 8;

    private SchemaSummary() {}

    static String type(JsonNode schema) {
        if (schema == null || schema.isMissingNode() || schema.isEmpty()) {
            return "any";
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            return ref.substring(ref.lastIndexOf('/') + 1) + " (recursive)";
        }
        for (String combinator : new String[] {"oneOf", "anyOf"}) {
            if (schema.has(combinator)) {
                List<String> parts = new ArrayList<>();
                schema.get(combinator).forEach(s -> parts.add(type(s)));
                return String.join(" or ", parts);
            }
        }
        if (schema.has("allOf")) {
            return "object (allOf)";
        }
        StringBuilder text = new StringBuilder();
        List<String> names = new ArrayList<>();
        JsonNode type = schema.get("type");
        if (type != null && type.isArray()) {
            type.forEach(t -> names.add(t.asText()));
        } else if (type != null) {
            names.add(type.asText());
        }
        // Tolerant output schemas allow null for every value; "or null" everywhere would hide the types.
        if (names.size() > 1) {
            names.remove("null");
        }
        if (names.isEmpty()) {
            text.append(schema.has("properties") ? "object" : "any");
        } else {
            text.append(String.join(" or ", names));
        }
        if (schema.has("format")) {
            text.append(" (").append(schema.get("format").asText()).append(')');
        }
        if (names.equals(List.of("array")) && schema.has("items")) {
            text.append(" of ").append(type(schema.get("items")));
        }
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            for (JsonNode value : schema.get("enum")) {
                if (values.size() == MAX_ENUM) {
                    values.add("…");
                    break;
                }
                values.add(value.isTextual() ? value.asText() : value.toString());
            }
            text.append(": ").append(String.join(", ", values));
        }
        return text.toString();
    }
}
