package dev.apigwmcp.runtime.tools;

import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One tool's entry of a {@code tools/list} result, serialised once to compact JSON. The protocol layer joins these
 * bytes into pages, so no tree of the catalog stays in memory (trees take several times the bytes; BENCHMARKS.md,
 * "Cold start, tools/list, memory"). Equality is by identity: the array is not compared.
 *
 * @param name            the tool's name
 * @param json            the whole definition
 * @param hasOutputSchema whether the definition has an {@code outputSchema}
 */
public record ToolListing(String name, byte[] json, boolean hasOutputSchema) {

    private static final ObjectMapper COMPACT = JsonMapper.builder().build();

    public ToolListing {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(json, "json");
    }

    /** Serialises a definition (an object with at least a string {@code name}). */
    public static ToolListing of(ObjectNode definition) {
        JsonNode name = definition.get("name");
        if (name == null || !name.isString()) {
            throw new IllegalArgumentException("a tool definition needs a string 'name'");
        }
        return new ToolListing(
                name.stringValue(), COMPACT.writeValueAsBytes(definition), definition.has("outputSchema"));
    }

    /** The definition as a tree again, for the rare reader that wants its fields. */
    public ObjectNode definition() {
        return (ObjectNode) COMPACT.readTree(json);
    }

    /**
     * Whether the tool's annotations say it only reads ({@code annotations.readOnlyHint: true}); parses the
     * definition, so a caller that asks often keeps the answer.
     */
    public boolean readOnlyHint() {
        JsonNode hint = definition().path("annotations").get("readOnlyHint");
        return hint != null && hint.isBoolean() && hint.booleanValue();
    }

    /**
     * The definition without {@code outputSchema}, for protocol revisions that predate it: {@link #json()} itself
     * when there is none, else built on each call (the caller keeps it).
     */
    public byte[] jsonWithoutOutputSchema() {
        if (!hasOutputSchema) {
            return json;
        }
        ObjectNode definition = definition();
        definition.remove("outputSchema");
        return COMPACT.writeValueAsBytes(definition);
    }
}
