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
    private static final byte[] ENTRY_START = (ELEMENT_INDENT + "{\n").getBytes(StandardCharsets.UTF_8);
    private static final byte[] ENTRY_END = ("\n" + ELEMENT_INDENT + "}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] MEMBER_PREFIX = (ELEMENT_INDENT + "  ").getBytes(StandardCharsets.UTF_8);
    private static final byte[] MEMBER_END = ",\n".getBytes(StandardCharsets.UTF_8);

    private ToolDefinitions() {}

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
     * in; each entry is copied once, and the document (megabytes for a large API) never exists as a
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

    /** One tool's definition (UTF-8), pretty-printed and indented as an element of the {@code tools} array. */
    public static byte[] prettyEntry(CompiledTool tool) {
        return prettyEntry(
                tool,
                JsonOutput.prettyUtf8(tool.inputSchema()),
                tool.outputSchema() == null ? null : JsonOutput.prettyUtf8(tool.outputSchema()));
    }

    /**
     * {@link #prettyEntry(CompiledTool)} from the schemas' pretty UTF-8 ({@link JsonOutput#prettyUtf8}), so that
     * a schema serialised once also serves its schema file. Laid out as {@link #definition} is serialised.
     */
    static byte[] prettyEntry(CompiledTool tool, byte[] prettyInput, byte[] prettyOutput) {
        // Written in one pass, each line already indented as an element of the tools array (four spaces) and the
        // schemas' lines two more as members of it: the schema bytes, most of an entry, are copied once.
        Utf8Buffer out = new Utf8Buffer(prettyInput.length
                + prettyInput.length / 4
                + (prettyOutput == null ? 0 : prettyOutput.length + prettyOutput.length / 4)
                + 2048);
        out.append(ENTRY_START);
        member(out, "name").append(JsonOutput.string(tool.name())).append(MEMBER_END);
        if (tool.title() != null && !tool.title().isEmpty()) {
            member(out, "title").append(JsonOutput.string(tool.title())).append(MEMBER_END);
        }
        member(out, "description").append(JsonOutput.string(tool.description())).append(MEMBER_END);
        member(out, "inputSchema").appendNested(prettyInput, MEMBER_PREFIX).append(MEMBER_END);
        if (prettyOutput != null) {
            member(out, "outputSchema")
                    .appendNested(prettyOutput, MEMBER_PREFIX)
                    .append(MEMBER_END);
        }
        member(out, "annotations").appendNested(JsonOutput.prettyUtf8(tool.annotations()), MEMBER_PREFIX);
        return out.append(ENTRY_END).toBytes();
    }

    private static Utf8Buffer member(Utf8Buffer out, String name) {
        return out.append(MEMBER_PREFIX).append("\"" + name + "\": ");
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
