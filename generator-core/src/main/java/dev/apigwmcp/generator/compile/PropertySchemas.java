package dev.apigwmcp.generator.compile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwmcp.generator.select.Descriptions;
import java.util.Map;

/** Small reads and edits of an argument's converted schema. */
final class PropertySchemas {

    private PropertySchemas() {}

    /** Adds a description to a property schema that has none (copying: converted nodes may be shared). */
    static ObjectNode describe(ObjectNode schema, String description) {
        if (description == null || description.isBlank() || schema.has("description")) {
            return schema;
        }
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        boolean placed = false;
        for (Map.Entry<String, JsonNode> field : schema.properties()) {
            if (!placed && !isLeadingKeyword(field.getKey())) {
                copy.put("description", Descriptions.normalize(description));
                placed = true;
            }
            copy.set(field.getKey(), field.getValue());
        }
        if (!placed) {
            copy.put("description", Descriptions.normalize(description));
        }
        return copy;
    }

    private static boolean isLeadingKeyword(String keyword) {
        return keyword.equals("type") || keyword.equals("format") || keyword.equals("title") || keyword.equals("$ref");
    }

    /** A schema whose values are JSON objects ({@code type: object}, or untyped with {@code properties}). */
    static boolean isObjectValued(JsonNode schema) {
        JsonNode type = schema.get("type");
        return type != null && type.isTextual() ? type.asText().equals("object") : schema.has("properties");
    }

    /** A schema whose values may be arrays. */
    static boolean isArraySchema(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return schema.has("items");
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if ("array".equals(t.asText())) {
                    return true;
                }
            }
            return false;
        }
        return "array".equals(type.asText());
    }

    /** A schema that only ever accepts JSON objects (so it can be {@code outputSchema} unwrapped). */
    static boolean isObjectSchema(JsonNode schema) {
        JsonNode type = schema.get("type");
        return type != null && type.isTextual() && type.asText().equals("object");
    }
}
