package dev.apigwmcp.generator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fixed keyword order of every emitted schema. The translator writes keywords in this order directly; this list
 * is only consulted when two nodes are merged (a 3.1 {@code $ref} with sibling keywords).
 */
final class Keywords {
    static final List<String> ORDER = List.of(
            "$ref",
            "type",
            "format",
            "title",
            "description",
            "enum",
            "const",
            "default",
            "examples",
            "deprecated",
            "readOnly",
            "writeOnly",
            "multipleOf",
            "minimum",
            "exclusiveMinimum",
            "maximum",
            "exclusiveMaximum",
            "minLength",
            "maxLength",
            "pattern",
            "contentEncoding",
            "contentMediaType",
            "properties",
            "patternProperties",
            "required",
            "additionalProperties",
            "propertyNames",
            "minProperties",
            "maxProperties",
            "dependentRequired",
            "dependentSchemas",
            "unevaluatedProperties",
            "prefixItems",
            "items",
            "contains",
            "minContains",
            "maxContains",
            "minItems",
            "maxItems",
            "uniqueItems",
            "unevaluatedItems",
            "allOf",
            "anyOf",
            "oneOf",
            "not",
            "if",
            "then",
            "else");

    /** Keywords that only describe; they stay on the outside when a schema is wrapped for nullability. */
    static final Set<String> ANNOTATIONS =
            Set.of("title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly");

    private Keywords() {}

    /** A new node with the keywords of {@code base}, replaced or extended by {@code overrides}, in canonical order. */
    static ObjectNode merge(ObjectNode base, ObjectNode overrides) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String keyword : ORDER) {
            JsonNode value = overrides.has(keyword) ? overrides.get(keyword) : base.get(keyword);
            if (value != null) {
                out.set(keyword, value);
            }
        }
        return out;
    }

    static boolean onlyAnnotations(ObjectNode node) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!ANNOTATIONS.contains(field.getKey())) {
                return false;
            }
        }
        return true;
    }
}
