package dev.apigwmcp.runtime.tools;

import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One tool's entry of a {@code tools/list} result, serialised once to compact JSON. The protocol layer joins these
 * bytes into pages, so no tree of the catalog stays in memory (GitHub's 1,223 tools held about 40 MB as trees,
 * against 6 MB as bytes). Equality is by identity: the arrays are not compared.
 *
 * @param name                    the tool's name
 * @param json                    the whole definition
 * @param jsonWithoutOutputSchema the definition without {@code outputSchema}, for protocol revisions that predate
 *                                it (the same array as {@code json} when the tool has none)
 */
public record ToolListing(String name, byte[] json, byte[] jsonWithoutOutputSchema) {

    private static final ObjectMapper COMPACT = JsonMapper.builder().build();

    public ToolListing {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(jsonWithoutOutputSchema, "jsonWithoutOutputSchema");
    }

    /** Serialises a definition (an object with at least a string {@code name}). */
    public static ToolListing of(ObjectNode definition) {
        JsonNode name = definition.get("name");
        if (name == null || !name.isString()) {
            throw new IllegalArgumentException("a tool definition needs a string 'name'");
        }
        byte[] json = COMPACT.writeValueAsBytes(definition);
        if (!definition.has("outputSchema")) {
            return new ToolListing(name.stringValue(), json, json);
        }
        // A shallow copy is enough: the children are shared, only the copy's field list differs.
        ObjectNode withoutOutput = definition.objectNode();
        definition.properties().forEach(field -> {
            if (!field.getKey().equals("outputSchema")) {
                withoutOutput.set(field.getKey(), field.getValue());
            }
        });
        return new ToolListing(name.stringValue(), json, COMPACT.writeValueAsBytes(withoutOutput));
    }

    /** The definition as a tree again, for the rare reader that wants fields (listing names on the console). */
    public ObjectNode definition() {
        return (ObjectNode) COMPACT.readTree(json);
    }
}
