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
