package dev.apigwmcp.runtime.execution;

import dev.apigwmcp.runtime.tools.ToolListing;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a target's {@code tools.json} one tool at a time and keeps only bytes: each definition is parsed, checked,
 * serialised to its {@link ToolListing} and its input schema, and dropped. Holding the whole file as a tree kept
 * about 40 MB alive for GitHub's 1,223 tools; as bytes it is about 10 MB.
 */
final class ToolDefinitionsReader {

    /**
     * One tool of {@code tools.json}.
     *
     * @param listing         its {@code tools/list} entry
     * @param inputSchema     its input schema as compact JSON
     * @param hasOutputSchema whether it declares an output schema
     */
    record Definition(ToolListing listing, byte[] inputSchema, boolean hasOutputSchema) {
    }

    private final ObjectMapper json;

    ToolDefinitionsReader(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The definitions by name, in file order. Problems (each starting with {@code where}) go to {@code problems};
     * a file that is not JSON throws {@link tools.jackson.core.JacksonException}.
     */
    Map<String, Definition> read(InputStream in, String where, List<String> problems) {
        Map<String, Definition> definitions = new LinkedHashMap<>();
        boolean sawTools = false;
        try (JsonParser parser = json.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                problems.add(where + ": must be an object with a 'tools' array");
                return definitions;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!"tools".equals(field) || value != JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    continue;
                }
                sawTools = true;
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    JsonNode tool = parser.readValueAsTree();
                    add(tool, where + ": tools[" + index++ + "]", definitions, problems);
                }
            }
        }
        if (!sawTools) {
            problems.add(where + ": must be an object with a 'tools' array");
        }
        return definitions;
    }

    private void add(JsonNode tool, String at, Map<String, Definition> definitions, List<String> problems) {
        if (!tool.isObject() || !tool.path("name").isString()) {
            problems.add(at + " must be an object with a string 'name'");
            return;
        }
        String name = tool.get("name").stringValue();
        JsonNode inputSchema = tool.get("inputSchema");
        if (inputSchema == null || !inputSchema.isObject()) {
            problems.add(at + " ('" + name + "') has no inputSchema object");
            return;
        }
        Definition definition = new Definition(ToolListing.of((ObjectNode) tool), json.writeValueAsBytes(inputSchema),
                tool.has("outputSchema"));
        if (definitions.put(name, definition) != null) {
            problems.add(at + " repeats tool name '" + name + "'");
        }
    }
}
