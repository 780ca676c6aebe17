package dev.apigwmcp.generator.compile;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwmcp.generator.model.HttpMethod;

/** Compile step: MCP tool annotations, from the HTTP method's semantics. */
final class ToolAnnotations {

    private ToolAnnotations() {}

    static ObjectNode of(HttpMethod method, String title) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (title != null && !title.isEmpty()) {
            node.put("title", title);
        }
        boolean readOnly = method.readOnly();
        node.put("readOnlyHint", readOnly);
        node.put("destructiveHint", method == HttpMethod.DELETE || method == HttpMethod.ANY);
        node.put("idempotentHint", readOnly || method == HttpMethod.PUT || method == HttpMethod.DELETE);
        node.put("openWorldHint", true);
        return node;
    }
}
