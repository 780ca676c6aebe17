package dev.apigwmcp.generator.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.apigwmcp.generator.problem.JacksonMessages;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A parsed {@code tools.json}: the MCP {@code tools/list} result {@code {"tools":[...]}}, keyed by tool name.
 *
 * @param source how the file is named in messages (never an absolute path)
 * @param tools  the tools by name, sorted
 */
public record ToolCatalog(String source, Map<String, Tool> tools) {

    // ObjectReader is immutable and thread-safe, so sharing one is not shared mutable state.
    private static final ObjectReader READER = new ObjectMapper().reader();

    public ToolCatalog {
        Objects.requireNonNull(source, "source");
        tools = Collections.unmodifiableMap(new TreeMap<>(tools));
    }

    /**
     * One tool of the catalog.
     *
     * @param name         the tool's name
     * @param title        the title or {@code null}
     * @param description  the description or {@code null}
     * @param inputSchema  the input JSON Schema (an object)
     * @param outputSchema the output JSON Schema or {@code null}
     * @param annotations  the annotations object or {@code null}
     */
    public record Tool(
            String name,
            String title,
            String description,
            JsonNode inputSchema,
            JsonNode outputSchema,
            JsonNode annotations) {
        public Tool {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(inputSchema, "inputSchema");
        }
    }

    /** Parses UTF-8 JSON bytes; {@code source} names the file in error messages. */
    public static ToolCatalog parse(byte[] json, String source) throws CatalogFormatException {
        return parse(new String(json, StandardCharsets.UTF_8), source);
    }

    /** Parses a JSON text; {@code source} names the file in error messages. */
    public static ToolCatalog parse(String json, String source) throws CatalogFormatException {
        JsonNode root;
        try {
            root = READER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CatalogFormatException(
                    source + ": not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + "): "
                            + JacksonMessages.withPlainLocations(e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new CatalogFormatException(source + ": expected a JSON object {\"tools\":[...]}");
        }
        JsonNode list = root.get("tools");
        if (list == null || !list.isArray()) {
            throw new CatalogFormatException(source + "#/tools: expected an array of tools");
        }
        Map<String, Tool> tools = new TreeMap<>();
        for (int i = 0; i < list.size(); i++) {
            String pointer = "/tools/" + i;
            JsonNode node = list.get(i);
            if (!node.isObject()) {
                throw new CatalogFormatException(source + "#" + pointer + ": expected a tool object");
            }
            JsonNode name = node.get("name");
            if (name == null || !name.isTextual() || name.asText().isEmpty()) {
                throw new CatalogFormatException(source + "#" + pointer + "/name: expected a non-empty string");
            }
            JsonNode input = node.get("inputSchema");
            if (input == null || !input.isObject()) {
                throw new CatalogFormatException(source + "#" + pointer + "/inputSchema: expected a JSON Schema object"
                        + " (tool " + name.asText() + ")");
            }
            JsonNode output = node.get("outputSchema");
            if (output != null && !output.isNull() && !output.isObject()) {
                throw new CatalogFormatException(source + "#" + pointer + "/outputSchema: expected a JSON Schema object"
                        + " (tool " + name.asText() + ")");
            }
            Tool tool = new Tool(
                    name.asText(),
                    text(node, "title"),
                    text(node, "description"),
                    input,
                    output == null || output.isNull() ? null : output,
                    objectOrNull(node.get("annotations")));
            if (tools.put(tool.name(), tool) != null) {
                throw new CatalogFormatException(source + "#" + pointer + "/name: duplicate tool name " + tool.name());
            }
        }
        return new ToolCatalog(source, tools);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static JsonNode objectOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }
}
