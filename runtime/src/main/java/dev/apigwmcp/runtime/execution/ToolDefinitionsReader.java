package dev.apigwmcp.runtime.execution;

import dev.apigwmcp.runtime.tools.ToolListing;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a target's {@code tools.json} one tool at a time into {@link ToolListing}s: each definition is copied
 * token by token to compact JSON while its name and schemas are checked, without building a tree: a tree of a large
 * catalog takes several times its bytes, and building it was most of the gateway's start (BENCHMARKS.md, "Cold
 * start, tools/list, memory").
 */
final class ToolDefinitionsReader {

    private final ObjectMapper json;

    ToolDefinitionsReader(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The definitions by name, in file order. Problems (each starting with {@code where}) go to {@code problems};
     * a file that is not JSON throws {@link tools.jackson.core.JacksonException}.
     */
    Map<String, ToolListing> read(InputStream in, String where, List<String> problems) {
        Map<String, ToolListing> definitions = new LinkedHashMap<>();
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
                    String at = where + ": tools[" + index++ + "]";
                    if (parser.currentToken() != JsonToken.START_OBJECT) {
                        parser.skipChildren();
                        problems.add(at + " must be an object with a string 'name'");
                        continue;
                    }
                    add(copy(parser), at, definitions, problems);
                }
            }
        }
        if (!sawTools) {
            problems.add(where + ": must be an object with a 'tools' array");
        }
        return definitions;
    }

    /** What one tool object holds, copied; the parser stands on its START_OBJECT and ends on its END_OBJECT. */
    private record Copied(String name, boolean inputSchemaObject, boolean outputSchema, byte[] json) {}

    private Copied copy(JsonParser parser) {
        String name = null;
        boolean inputSchemaObject = false;
        boolean outputSchema = false;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
        try (JsonGenerator out = json.createGenerator(bytes)) {
            out.writeStartObject();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "name" -> name = value == JsonToken.VALUE_STRING ? parser.getString() : null;
                    case "inputSchema" -> inputSchemaObject = value == JsonToken.START_OBJECT;
                    case "outputSchema" -> outputSchema = true;
                    default -> {}
                }
                out.writeName(field);
                out.copyCurrentStructure(parser);
            }
            out.writeEndObject();
        }
        return new Copied(name, inputSchemaObject, outputSchema, bytes.toByteArray());
    }

    private static void add(Copied tool, String at, Map<String, ToolListing> definitions, List<String> problems) {
        if (tool.name() == null) {
            problems.add(at + " must be an object with a string 'name'");
            return;
        }
        if (!tool.inputSchemaObject()) {
            problems.add(at + " ('" + tool.name() + "') has no inputSchema object");
            return;
        }
        if (definitions.put(tool.name(), new ToolListing(tool.name(), tool.json(), tool.outputSchema())) != null) {
            problems.add(at + " repeats tool name '" + tool.name() + "'");
        }
    }
}
