package dev.apigwmcp.generator.emit.java;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Which output schemas get a generated {@code Output} record: a plain object tree. The root is an object with
 * declared properties; every property is a scalar ({@code string}, {@code integer}, {@code number},
 * {@code boolean}), an array whose items are a scalar, a plain object or free-form, a plain object, or free-form
 * ({@link #isFreeForm}: any JSON, a {@code JsonNode} component); each type may also allow {@code null} (tolerant
 * schemas do). Anything else anywhere in the tree leaves the tool without a record: {@code $ref} (recursion),
 * {@code allOf}/{@code anyOf}/{@code oneOf}/{@code not}, {@code patternProperties} and the other keywords of
 * {@link JavaTypes#hasComposition}, a schema {@code additionalProperties} (a typed map), a value with several
 * types, an array without items or of arrays. Bounds keep the generated classes few: at most
 * {@value #MAX_DEPTH} levels of objects and {@value #MAX_OBJECTS} objects.
 */
final class OutputTree {

    static final int MAX_DEPTH = 4;
    static final int MAX_OBJECTS = 16;

    private int objects;

    private OutputTree() {}

    /** Whether {@code schema} (a tool's output schema) gets an output record. */
    static boolean isPlain(JsonNode schema) {
        if (schema == null || schema.has("$defs")) {
            return false;
        }
        JsonNode type = schema.get("type");
        return type != null && type.isTextual() && type.asText().equals("object") && new OutputTree().object(schema, 1);
    }

    private boolean object(JsonNode schema, int depth) {
        if (depth > MAX_DEPTH || ++objects > MAX_OBJECTS || !"object".equals(JavaTypes.singleType(schema))) {
            return false;
        }
        JsonNode properties = schema.get("properties");
        JsonNode additional = schema.get("additionalProperties");
        if (properties == null
                || !properties.isObject()
                || properties.isEmpty()
                || JavaTypes.hasComposition(schema)
                || additional != null && !additional.isBoolean()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            if (!value(property.getValue(), depth, true)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A member that says nothing of its value's shape: no type and no other structure ({@code {}}, or only a
     * description), or an object without declared properties nor a schema for its members. Its component holds
     * the value as it came.
     */
    static boolean isFreeForm(JsonNode schema) {
        if (!schema.isObject()
                || JavaTypes.hasComposition(schema)
                || schema.has("$ref")
                || schema.has("items")
                || schema.has("enum")
                || schema.has("const")) {
            return false;
        }
        JsonNode properties = schema.get("properties");
        JsonNode additional = schema.get("additionalProperties");
        boolean noMembers = (properties == null || properties.isObject() && properties.isEmpty())
                && (additional == null || additional.isBoolean());
        JsonNode type = schema.get("type");
        return noMembers && (type == null || "object".equals(JavaTypes.singleType(schema)));
    }

    private boolean value(JsonNode schema, int depth, boolean arrays) {
        if (!schema.isObject() || JavaTypes.hasComposition(schema)) {
            return false;
        }
        if (isFreeForm(schema)) {
            return true;
        }
        String type = JavaTypes.singleType(schema);
        if (type == null) {
            return false;
        }
        return switch (type) {
            case "string", "integer", "number", "boolean" -> true;
            case "object" -> object(schema, depth + 1);
            case "array" -> arrays && schema.has("items") && value(schema.get("items"), depth, false);
            default -> false;
        };
    }
}
