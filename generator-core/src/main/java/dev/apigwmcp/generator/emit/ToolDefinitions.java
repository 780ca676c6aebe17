package dev.apigwmcp.generator.emit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwmcp.generator.compile.CompiledTool;
import java.util.Collection;

/** Builds MCP {@code Tool} objects and {@code tools/list} results from compiled tools. */
public final class ToolDefinitions {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ToolDefinitions() {
    }

    /** One MCP tool definition: name, title, description, inputSchema, outputSchema, annotations. */
    public static ObjectNode definition(CompiledTool tool) {
        ObjectNode node = JSON.objectNode();
        node.put("name", tool.name());
        if (tool.title() != null && !tool.title().isEmpty()) {
            node.put("title", tool.title());
        }
        node.put("description", tool.description());
        node.set("inputSchema", tool.inputSchema());
        if (tool.outputSchema() != null) {
            node.set("outputSchema", tool.outputSchema());
        }
        node.set("annotations", tool.annotations());
        return node;
    }

    /**
     * The pretty {@code tools/list} document for tools already sorted by name, assembled from each tool's
     * {@link #prettyEntry} so that a definition serialised once serves every document it appears in. The bytes
     * equal {@code JsonOutput.pretty(listResult(tools))}.
     */
    public static String prettyListResult(java.util.List<String> entries) {
        if (entries.isEmpty()) {
            return "{\n  \"tools\": []\n}\n";
        }
        StringBuilder out = new StringBuilder(entries.stream().mapToInt(String::length).sum() + 64);
        out.append("{\n  \"tools\": [\n");
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                out.append(",\n");
            }
            out.append(entries.get(i));
        }
        return out.append("\n  ]\n}\n").toString();
    }

    /** One tool's definition, pretty-printed and indented as an element of the {@code tools} array. */
    public static String prettyEntry(CompiledTool tool) {
        return prettyEntry(tool, JsonOutput.pretty(tool.inputSchema()),
                tool.outputSchema() == null ? null : JsonOutput.pretty(tool.outputSchema()));
    }

    /**
     * {@link #prettyEntry(CompiledTool)} from the schemas' pretty text ({@link JsonOutput#pretty}), so that a
     * schema serialised once also serves its schema file. Laid out as {@link #definition} is serialised.
     */
    static String prettyEntry(CompiledTool tool, String prettyInput, String prettyOutput) {
        StringBuilder out = new StringBuilder(prettyInput.length()
                + (prettyOutput == null ? 0 : prettyOutput.length()) + 2048);
        out.append("{\n");
        member(out, "name", JsonOutput.string(tool.name()));
        if (tool.title() != null && !tool.title().isEmpty()) {
            member(out, "title", JsonOutput.string(tool.title()));
        }
        member(out, "description", JsonOutput.string(tool.description()));
        member(out, "inputSchema", JsonOutput.nested(prettyInput, 1));
        if (prettyOutput != null) {
            member(out, "outputSchema", JsonOutput.nested(prettyOutput, 1));
        }
        out.append("  \"annotations\": ").append(JsonOutput.nested(JsonOutput.pretty(tool.annotations()), 1))
                .append("\n}\n");
        return JsonOutput.indent(out.toString(), "    ", true);
    }

    private static void member(StringBuilder out, String name, String value) {
        out.append("  \"").append(name).append("\": ").append(value).append(",\n");
    }

    /** {@code {"tools": [...]}} for tools already sorted by name. */
    public static ObjectNode listResult(Collection<CompiledTool> tools) {
        ObjectNode result = JSON.objectNode();
        ArrayNode list = result.putArray("tools");
        for (CompiledTool tool : tools) {
            list.add(definition(tool));
        }
        return result;
    }
}
