package dev.apigwmcp.runtime.protocol;

import dev.apigwmcp.runtime.tools.ProgressListener;
import dev.apigwmcp.runtime.tools.ToolListing;
import dev.apigwmcp.runtime.tools.ToolService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test-only tools: the fixed tools the MCP conformance suite's server scenarios call, plus {@code echo} (structured
 * output), {@code slow} (runs until cancelled or {@code ms} elapse) and optional filler tools for pagination.
 */
public class FixtureToolService implements ToolService {
    private static final String PNG_1X1 =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
    private static final String WAV_TINY = "UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAEAfAAABAAgAZGF0YQAAAAA=";

    private final Map<String, ObjectNode> tools = new TreeMap<>();
    /** Counted down whenever a {@code slow} call is cancelled, so tests can see the cancellation arrive. */
    public final CountDownLatch slowCancelled = new CountDownLatch(1);

    public FixtureToolService() {
        this(0);
    }

    public FixtureToolService(int fillerTools) {
        add(tool("test_simple_text", "Returns a simple text."));
        add(tool("test_image_content", "Returns an image."));
        add(tool("test_audio_content", "Returns audio."));
        add(tool("test_embedded_resource", "Returns an embedded resource."));
        add(tool("test_multiple_content_types", "Returns text, image and resource."));
        add(tool("test_error_handling", "Always fails with a tool error."));
        add(tool("test_tool_with_progress", "Reports progress three times."));
        ObjectNode schema2020 = tool("json_schema_2020_12_tool", "Tool with JSON Schema 2020-12 features");
        ObjectNode input = (ObjectNode) schema2020.get("inputSchema");
        input.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        input.putObject("$defs")
                .putObject("address")
                .put("type", "object")
                .putObject("properties")
                .<ObjectNode>set("street", JsonRpc.NODES.objectNode().put("type", "string"))
                .set("city", JsonRpc.NODES.objectNode().put("type", "string"));
        ObjectNode props = input.putObject("properties");
        props.putObject("name").put("type", "string");
        props.putObject("address").put("$ref", "#/$defs/address");
        input.put("additionalProperties", false);
        add(schema2020);
        ObjectNode echo = tool("echo", "Echoes its arguments.\nSecond line is not listed.");
        echo.put("title", "Echo");
        echo.putObject("outputSchema").put("type", "object");
        add(echo);
        add(tool("slow", "Answers after ms milliseconds unless cancelled."));
        for (int i = 0; i < fillerTools; i++) {
            add(tool(String.format("filler_%04d", i), "Filler tool " + i));
        }
    }

    private void add(ObjectNode tool) {
        tools.put(tool.get("name").asString(), tool);
    }

    private static ObjectNode tool(String name, String description) {
        ObjectNode tool = JsonRpc.NODES.objectNode();
        tool.put("name", name);
        tool.put("description", description);
        tool.putObject("inputSchema").put("type", "object");
        return tool;
    }

    @Override
    public List<ToolListing> listings() {
        List<ToolListing> list = new ArrayList<>();
        tools.values().forEach(tool -> list.add(ToolListing.of(tool)));
        list.sort(Comparator.comparing(ToolListing::name));
        return list;
    }

    @Override
    public boolean hasTool(String name) {
        return tools.containsKey(name);
    }

    @Override
    public CompletableFuture<ObjectNode> call(String name, JsonNode arguments, ProgressListener progress) {
        return switch (name) {
            case "test_simple_text" -> done(text("This is a simple text response for testing."));
            case "test_image_content" -> done(content(image()));
            case "test_audio_content" ->
                done(content(JsonRpc.NODES
                        .objectNode()
                        .put("type", "audio")
                        .put("data", WAV_TINY)
                        .put("mimeType", "audio/wav")));
            case "test_embedded_resource" -> done(content(resource()));
            case "test_multiple_content_types" ->
                done(content(
                        JsonRpc.NODES.objectNode().put("type", "text").put("text", "Multiple content types test:"),
                        image(),
                        resource()));
            case "test_error_handling" -> {
                ObjectNode result = text("This tool intentionally returns an error for testing");
                result.put("isError", true);
                yield done(result);
            }
            case "test_tool_with_progress" -> progress(progress);
            case "echo" -> {
                ObjectNode result = text(arguments == null ? "{}" : arguments.toString());
                result.set("structuredContent", arguments == null ? JsonRpc.NODES.objectNode() : arguments);
                yield done(result);
            }
            case "slow" -> slow(arguments);
            default -> done(text("filler " + name));
        };
    }

    private CompletableFuture<ObjectNode> progress(ProgressListener progress) {
        Executor later = CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS);
        return CompletableFuture.runAsync(() -> progress.progress(0, 100.0, "started"), later)
                .thenRunAsync(() -> progress.progress(50, 100.0, "halfway"), later)
                .thenRunAsync(() -> progress.progress(100, 100.0, "done"), later)
                .thenApply(ignored -> text("Progress tool completed"));
    }

    private CompletableFuture<ObjectNode> slow(JsonNode arguments) {
        long ms = arguments != null && arguments.has("ms") ? arguments.get("ms").asLong() : 60_000;
        CompletableFuture<ObjectNode> future = new CompletableFuture<>();
        CompletableFuture.delayedExecutor(ms, TimeUnit.MILLISECONDS)
                .execute(() -> future.complete(text("slept " + ms)));
        future.whenComplete((result, failure) -> {
            if (future.isCancelled()) {
                slowCancelled.countDown();
            }
        });
        return future;
    }

    private static CompletableFuture<ObjectNode> done(ObjectNode result) {
        return CompletableFuture.completedFuture(result);
    }

    private static ObjectNode text(String text) {
        return content(JsonRpc.NODES.objectNode().put("type", "text").put("text", text));
    }

    private static ObjectNode image() {
        return JsonRpc.NODES
                .objectNode()
                .put("type", "image")
                .put("data", PNG_1X1)
                .put("mimeType", "image/png");
    }

    private static ObjectNode resource() {
        ObjectNode content = JsonRpc.NODES.objectNode().put("type", "resource");
        content.putObject("resource")
                .put("uri", "test://embedded-resource")
                .put("mimeType", "text/plain")
                .put("text", "This is an embedded resource content.");
        return content;
    }

    private static ObjectNode content(ObjectNode... items) {
        ObjectNode result = JsonRpc.NODES.objectNode();
        var array = result.putArray("content");
        for (ObjectNode item : items) {
            array.add(item);
        }
        return result;
    }
}
