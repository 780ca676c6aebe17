package dev.apigwmcp.runtime.upstream;

import java.util.Objects;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A finished MCP {@code CallToolResult} with how the call ended.
 *
 * @param result  the {@code CallToolResult} object
 * @param outcome the kind of ending
 * @param status  the upstream HTTP status, or 0 when none was received
 */
public record ToolResult(ObjectNode result, CallOutcome outcome, int status) {

    public ToolResult {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** A result with one text content item. */
    public static ToolResult text(String text, CallOutcome outcome, int status) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.putArray("content").addObject().put("type", "text").put("text", text);
        if (outcome.isError()) {
            result.put("isError", true);
        }
        return new ToolResult(result, outcome, status);
    }
}
