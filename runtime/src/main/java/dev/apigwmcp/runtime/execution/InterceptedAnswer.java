package dev.apigwmcp.runtime.execution;

import dev.apigwmcp.runtime.spi.InterceptedResult;
import dev.apigwmcp.runtime.spi.JsonWritable;
import dev.apigwmcp.runtime.upstream.CallOutcome;
import dev.apigwmcp.runtime.upstream.OutputConformance;
import dev.apigwmcp.runtime.upstream.ToolResult;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A mapped result while the afterCall interceptors see it: they may change its {@code structuredContent} (the text
 * block that mirrors it is written again, and the output schema checked again, after each one that did), change
 * the rest of it, or turn it into a tool error. Used on the call's thread only.
 */
final class InterceptedAnswer implements InterceptedResult {

    private ToolResult mapped;
    private final String wrap;
    private final String tool;
    /** The tool's output record reader ({@code GeneratedTool.readOutput}). */
    private final Function<JsonNode, JsonWritable> outputRecords;

    InterceptedAnswer(ToolResult mapped, String wrap, String tool, Function<JsonNode, JsonWritable> outputRecords) {
        this.mapped = mapped;
        this.wrap = wrap;
        this.tool = tool;
        this.outputRecords = outputRecords;
    }

    @Override
    public boolean isError() {
        return mapped.outcome().isError();
    }

    @Override
    public int status() {
        return mapped.status();
    }

    @Override
    public JsonNode structuredContent() {
        return mapped.result().get("structuredContent");
    }

    @Override
    public void setStructuredContent(JsonNode structuredContent) {
        if (structuredContent == null || !structuredContent.isObject()) {
            // Removing it would leave the text block with what it mirrored, and break a tool's output schema.
            throw new IllegalArgumentException("structuredContent must be a JSON object, not "
                    + (structuredContent == null
                            ? "null"
                            : structuredContent.getNodeType().name().toLowerCase(java.util.Locale.ROOT))
                    + "; to withhold a result, use fail(message)");
        } else {
            mapped.result().set("structuredContent", structuredContent);
        }
    }

    @Override
    public <O extends JsonWritable> O structuredContent(Class<O> type) {
        JsonNode content = structuredContent();
        JsonWritable read = outputRecords.apply(
                content == null || !content.isObject() ? JsonNodeFactory.instance.objectNode() : content);
        if (read == null) {
            throw new IllegalArgumentException("tool " + tool + " has no output record (it has no output schema, or"
                    + " one that is not a plain object tree): use structuredContent() as JSON");
        }
        if (!type.isInstance(read)) {
            throw new IllegalArgumentException("tool " + tool + " reads its structured result into "
                    + read.getClass().getName() + ", not " + type.getName());
        }
        return content == null || !content.isObject() ? null : type.cast(read);
    }

    @Override
    public void setStructuredContent(JsonWritable structuredContent) {
        if (structuredContent == null) {
            throw new IllegalArgumentException(
                    "structuredContent must be a JSON object, not null; to withhold a" + " result, use fail(message)");
        }
        setStructuredContent(structuredContent.toJson());
    }

    @Override
    public ObjectNode result() {
        return mapped.result();
    }

    @Override
    public void fail(String message) {
        mapped = ToolResult.text(
                        message == null || message.isBlank() ? "The call's result was withheld." : message,
                        CallOutcome.REJECTED,
                        mapped.status())
                .withDetail("interceptor");
    }

    /** A copy of the structured content as it is now, to tell whether an interceptor changed it. */
    JsonNode structuredSnapshot() {
        JsonNode content = structuredContent();
        return content == null ? null : content.deepCopy();
    }

    /**
     * After an interceptor returned: when the structured content differs from {@code before}, checks it against
     * the output schema and writes the mirroring text block again. Returns the result that ends the call when the
     * change breaks the schema, else {@code null}.
     */
    ToolResult settle(JsonNode before, OutputConformance outputs, String interceptor, String tool) {
        JsonNode now = structuredContent();
        if (isError() || now != null && now.equals(before) || now == null && before == null) {
            return null;
        }
        if (now == null) {
            // Removed through result(): what the text block mirrors would go out without the structured copy.
            return ToolResult.text(
                            "Interceptor " + interceptor + " removed the structured result of tool " + tool
                                    + "; an interceptor changes it or withholds the whole result (fail). The call's result was not"
                                    + " sent.",
                            CallOutcome.INTERNAL,
                            mapped.status())
                    .withDetail("interceptor");
        }
        if (outputs != null) {
            List<String> problems = outputs.problems(now);
            if (!problems.isEmpty()) {
                return ToolResult.text(
                                "Interceptor " + interceptor + " changed the structured result of tool " + tool
                                        + " so that it no longer matches the tool's output schema:\n- "
                                        + String.join("\n- ", problems)
                                        + "\nThe call's result was not sent.",
                                CallOutcome.INTERNAL,
                                mapped.status())
                        .withDetail("interceptor");
            }
        }
        // The text block mirrors structuredContent (the body as the upstream sent it): it must not keep what the
        // interceptor changed, such as a redacted value.
        JsonNode content = mapped.result().path("content");
        JsonNode mirrored = wrap != null && now.has(wrap) ? now.get(wrap) : now;
        for (JsonNode block : content) {
            if (block.isObject() && "text".equals(block.path("type").asString(null))) {
                ((ObjectNode) block).put("text", mirrored.toString());
                break;
            }
        }
        return null;
    }

    ToolResult toResult() {
        return mapped;
    }
}
