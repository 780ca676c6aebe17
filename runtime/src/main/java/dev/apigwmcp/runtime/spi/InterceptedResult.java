package dev.apigwmcp.runtime.spi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A call's mapped result as a {@link ToolInterceptor} sees it after the call, before it goes back to the client.
 * Used on the call's thread only.
 */
public interface InterceptedResult {

    /** Whether the result is a tool error ({@code isError: true}). */
    boolean isError();

    /** The upstream's HTTP status, 0 when no answer came. */
    int status();

    /**
     * The result's {@code structuredContent}, or {@code null} when it has none: a tree an interceptor may change in
     * place. When it changed, the runtime writes the text block that mirrors it again from it (so a redacted value
     * leaves no copy in the text) and checks it against the tool's output schema once more.
     */
    JsonNode structuredContent();

    /**
     * Replaces {@code structuredContent} (see {@link #structuredContent()}) with another JSON object; to withhold a
     * result, {@link #fail} it (removing the structured content alone would leave its copy in the text).
     */
    void setStructuredContent(JsonNode structuredContent);

    /**
     * The result's {@code structuredContent} read into the tool's generated output record
     * ({@code GetOrderTool.Output}), or {@code null} when the result has none (an error result). A record is a
     * copy: change it with {@link #setStructuredContent(JsonWritable)}.
     *
     * @throws IllegalArgumentException when the tool has no output record (its output schema is not a plain object
     *                                  tree) or {@code type} is not its record
     */
    <O extends JsonWritable> O structuredContent(Class<O> type);

    /** Replaces {@code structuredContent} with a generated output record (its {@code toJson()}). */
    void setStructuredContent(JsonWritable structuredContent);

    /**
     * The whole {@code CallToolResult} ({@code content}, {@code structuredContent}, {@code isError}), for changes
     * the other methods do not cover, such as the text of an error result, which may carry the upstream's body.
     */
    ObjectNode result();

    /** Replaces the result with a tool error carrying {@code message} (the body is not sent). */
    void fail(String message);
}
