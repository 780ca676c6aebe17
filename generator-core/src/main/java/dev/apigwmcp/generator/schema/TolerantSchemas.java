package dev.apigwmcp.generator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/**
 * Output schemas that real answers fit. MCP clients reject a result whose {@code structuredContent} breaks the
 * tool's {@code outputSchema}, and real APIs drift from their documentation: properties come and go, values are
 * {@code null}, enums grow, strings stop matching their pattern or format. A tolerant schema keeps what the model
 * needs — the shape and the types — and drops the constraints that such drift breaks: {@code required}, closed
 * objects, {@code enum}/{@code const}, {@code pattern}, {@code format}, bounds, {@code not}, conditionals; every
 * typed value also accepts {@code null}, and {@code oneOf} becomes {@code anyOf} (two overlapping alternatives
 * must not reject an answer). Documented enum values stay in the description. The root keeps {@code "type": "object"}, which MCP requires.
 */
public final class TolerantSchemas {

    /** Constraints that real answers commonly break; dropped wherever they appear. */
    private static final Set<String> DROPPED = Set.of(
            "required",
            "enum",
            "const",
            "pattern",
            "format",
            "multipleOf",
            "minimum",
            "exclusiveMinimum",
            "maximum",
            "exclusiveMaximum",
            "minLength",
            "maxLength",
            "patternProperties",
            "propertyNames",
            "minProperties",
            "maxProperties",
            "dependentRequired",
            "dependentSchemas",
            "unevaluatedProperties",
            "unevaluatedItems",
            "contains",
            "minContains",
            "maxContains",
            "minItems",
            "maxItems",
            "uniqueItems",
            "not",
            "if",
            "then",
            "else",
            "contentEncoding",
            "contentMediaType");

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_DOCUMENTED_VALUES = 20;

    private TolerantSchemas() {}

    /** A relaxed copy of an output schema (the argument is not changed: converted nodes are shared). */
    public static ObjectNode relax(ObjectNode root) {
        ObjectNode relaxed = relaxNode(root);
        relaxed.put("type", "object");
        return relaxed;
    }

    private static JsonNode relax(JsonNode schema) {
        return schema.isObject() ? relaxNode((ObjectNode) schema) : schema;
    }

    private static ObjectNode relaxNode(ObjectNode schema) {
        ObjectNode out = JSON.objectNode();
        for (Map.Entry<String, JsonNode> field : schema.properties()) {
            String keyword = field.getKey();
            JsonNode value = field.getValue();
            if (keyword.equals("enum") || keyword.equals("const")) {
                documentValues(
                        out, keyword.equals("enum") ? value : JSON.arrayNode().add(value));
                continue;
            }
            if (DROPPED.contains(keyword)) {
                continue;
            }
            switch (keyword) {
                case "type" -> out.set("type", nullable(value));
                case "properties", "$defs" -> out.set(keyword, relaxEach(value));
                case "additionalProperties" -> {
                    if (value.isObject()) {
                        out.set(keyword, relax(value));
                    }
                }
                case "items" -> out.set(keyword, relax(value));
                case "prefixItems", "allOf", "anyOf" -> out.set(keyword, relaxAll(value));
                case "oneOf" -> out.set(out.has("anyOf") ? "oneOf" : "anyOf", relaxAll(value));
                default -> out.set(keyword, value);
            }
        }
        return out;
    }

    /**
     * Keeps the documented values for the model to read, as text: an answer with a value the documentation did not
     * foresee must still fit. (Keywords arrive in canonical order, so {@code description} is already in place.)
     */
    private static void documentValues(ObjectNode out, JsonNode values) {
        if (!values.isArray() || values.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(values.size() == 1 ? "Documented value: " : "Documented values: ");
        int shown = 0;
        for (JsonNode value : values) {
            if (shown == MAX_DOCUMENTED_VALUES) {
                text.append(", ...");
                break;
            }
            text.append(shown++ == 0 ? "" : ", ").append(value.isTextual() ? value.asText() : value.toString());
        }
        text.append('.');
        JsonNode description = out.get("description");
        out.put(
                "description",
                description != null
                                && description.isTextual()
                                && !description.asText().isBlank()
                        ? description.asText() + (description.asText().endsWith(".") ? " " : ". ") + text
                        : text.toString());
    }

    /** {@code "string"} → {@code ["string", "null"]}; a list gains {@code "null"} unless it has it. */
    private static JsonNode nullable(JsonNode type) {
        ArrayNode types = JSON.arrayNode();
        if (type.isTextual()) {
            types.add(type);
        } else if (type.isArray()) {
            types.addAll((ArrayNode) type);
        } else {
            return type;
        }
        for (JsonNode t : types) {
            if ("null".equals(t.asText())) {
                return types;
            }
        }
        types.add("null");
        return types;
    }

    private static JsonNode relaxEach(JsonNode map) {
        if (!map.isObject()) {
            return map;
        }
        ObjectNode out = JSON.objectNode();
        for (Map.Entry<String, JsonNode> entry : map.properties()) {
            out.set(entry.getKey(), relax(entry.getValue()));
        }
        return out;
    }

    private static JsonNode relaxAll(JsonNode list) {
        if (!list.isArray()) {
            return list;
        }
        ArrayNode out = JSON.arrayNode();
        for (JsonNode schema : list) {
            out.add(relax(schema));
        }
        return out;
    }
}
