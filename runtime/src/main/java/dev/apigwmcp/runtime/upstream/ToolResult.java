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
 * @param detail  a word for the call log refining the outcome (never content of the call), or {@code null}
 */
public record ToolResult(ObjectNode result, CallOutcome outcome, int status, String detail) {

    public ToolResult {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(outcome, "outcome");
    }

    public ToolResult(ObjectNode result, CallOutcome outcome, int status) {
        this(result, outcome, status, null);
    }

    /** The same result with a word for the call log. */
    public ToolResult withDetail(String word) {
        return new ToolResult(result, outcome, status, word);
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
