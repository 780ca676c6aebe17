package dev.apigwmcp.generator.emit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwmcp.generator.compile.CompiledTool;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/** Builds MCP {@code Tool} objects and {@code tools/list} results from compiled tools. */
public final class ToolDefinitions {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** An element of the {@code tools} array starts four spaces in; its members two more. */
    private static final byte[] LIST_START = "{\n  \"tools\": [\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] LIST_SEPARATOR = ",\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] LIST_END = "\n  ]\n}\n".getBytes(StandardCharsets.UTF_8);
    private static final String ELEMENT_INDENT = "    ";
    private static final String MEMBER_INDENT = ELEMENT_INDENT + "  ";

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
     * The pretty {@code tools/list} document (UTF-8) for tools already sorted by name, assembled from each tool's
     * {@link #prettyEntry}, already encoded, so that a definition serialised once serves every document it appears
     * in; each entry is copied once, and the document (13 MB for GitHub's description) never exists as a
     * {@code String}. The bytes equal {@code JsonOutput.pretty(listResult(tools))}.
     */
    public static byte[] prettyListResultUtf8(java.util.List<byte[]> entries) {
        if (entries.isEmpty()) {
            return "{\n  \"tools\": []\n}\n".getBytes(StandardCharsets.UTF_8);
        }
        int size = LIST_START.length + LIST_END.length + (entries.size() - 1) * LIST_SEPARATOR.length;
        for (byte[] entry : entries) {
            size += entry.length;
        }
        byte[] out = new byte[size];
        System.arraycopy(LIST_START, 0, out, 0, LIST_START.length);
        int at = LIST_START.length;
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                System.arraycopy(LIST_SEPARATOR, 0, out, at, LIST_SEPARATOR.length);
                at += LIST_SEPARATOR.length;
            }
            byte[] entry = entries.get(i);
            System.arraycopy(entry, 0, out, at, entry.length);
            at += entry.length;
        }
        System.arraycopy(LIST_END, 0, out, at, LIST_END.length);
        return out;
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
        // Written in one pass, each line already indented as an element of the tools array (four spaces) and the
        // schemas' lines two more as members of it: the schema text, most of an entry, is copied once.
        StringBuilder out = new StringBuilder(prettyInput.length() + prettyInput.length() / 4
                + (prettyOutput == null ? 0 : prettyOutput.length() + prettyOutput.length() / 4) + 2048);
        out.append(ELEMENT_INDENT).append("{\n");
        member(out, "name").append(JsonOutput.string(tool.name())).append(",\n");
        if (tool.title() != null && !tool.title().isEmpty()) {
            member(out, "title").append(JsonOutput.string(tool.title())).append(",\n");
        }
        member(out, "description").append(JsonOutput.string(tool.description())).append(",\n");
        JsonOutput.appendNested(member(out, "inputSchema"), prettyInput, MEMBER_INDENT).append(",\n");
        if (prettyOutput != null) {
            JsonOutput.appendNested(member(out, "outputSchema"), prettyOutput, MEMBER_INDENT).append(",\n");
        }
        JsonOutput.appendNested(member(out, "annotations"), JsonOutput.pretty(tool.annotations()), MEMBER_INDENT);
        return out.append('\n').append(ELEMENT_INDENT).append('}').toString();
    }

    private static StringBuilder member(StringBuilder out, String name) {
        return out.append(MEMBER_INDENT).append('"').append(name).append("\": ");
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
