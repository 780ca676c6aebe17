package dev.apigwmcp.generator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The keywords an OpenAPI parameter carries beside its schema ({@code example}, {@code examples},
 * {@code deprecated}), moved onto the argument's converted schema: a model sees only the schema, and the export's
 * example of a date or an id is often the only hint of its shape.
 */
public final class ParameterKeywords {

    private ParameterKeywords() {}

    /**
     * {@code schema} with the parameter's examples (unless the schema has its own) and {@code deprecated: true},
     * keywords in canonical order; {@code schema} itself when there is nothing to add (converted nodes may be shared,
     * so it is never changed).
     */
    public static ObjectNode apply(ObjectNode schema, List<Object> examples, boolean deprecated) {
        ObjectNode own = JsonNodeFactory.instance.objectNode();
        if (!examples.isEmpty() && !schema.has("examples")) {
            examples.forEach(e -> own.withArray("examples").add(ParserValues.toJson(e)));
        }
        if (deprecated && !schema.has("deprecated")) {
            own.put("deprecated", true);
        }
        if (own.isEmpty()) {
            return schema;
        }
        ObjectNode merged = Keywords.merge(schema, own);
        for (Map.Entry<String, JsonNode> field : schema.properties()) {
            if (!merged.has(field.getKey())) {
                merged.set(field.getKey(), field.getValue()); // a keyword outside the canonical list keeps its value
            }
        }
        return merged;
    }
}
