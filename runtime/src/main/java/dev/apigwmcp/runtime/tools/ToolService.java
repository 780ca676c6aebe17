package dev.apigwmcp.runtime.tools;

import java.net.URL;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the MCP protocol layer needs from the tool side: the catalog and a way to call a tool. The protocol layer
 * knows nothing of HTTP upstreams or generated code; the tool side knows nothing of JSON-RPC.
 */
public interface ToolService {

    /** Every tool's {@code tools/list} entry, sorted by name, never changing. */
    List<ToolListing> listings();

    /** Whether a tool of this name exists (an unknown name is a protocol error, not a tool error). */
    boolean hasTool(String name);

    /**
     * Calls a tool. The future never completes exceptionally for tool-level failures (bad arguments, upstream
     * errors, timeouts): those are a {@code CallToolResult} with {@code isError: true}. Cancelling the future
     * aborts the upstream request.
     *
     * @param name      an existing tool's name
     * @param arguments the call's {@code arguments} object (may be {@code null})
     * @param progress  receives progress updates; {@link ProgressListener#NONE} when the client did not ask
     * @return the MCP {@code CallToolResult} object
     */
    CompletableFuture<ObjectNode> call(String name, JsonNode arguments, ProgressListener progress);

    /**
     * The search documents of this service's tools (each target's generated {@code search.json}), which the tool
     * search indexes on its first query; a tool no document names is indexed from its listing. The default, none,
     * suits a service without generated resources. Nothing is read here: a URL is only where the bytes are.
     */
    default List<URL> searchDocuments() {
        return List.of();
    }

    /**
     * Loads and starts now what the first call would otherwise wait for (validator, HTTP client, ...), without
     * calling any tool; the future completes when that is done and never exceptionally. A platform that freezes
     * the process between requests (AWS Lambda, and SnapStart's snapshot) waits for it; others need not.
     */
    default CompletableFuture<Void> warmUp() {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * {@link #call(String, JsonNode, ProgressListener)} for a known caller: the HTTP transport's verified identity
     * and the request headers a target may forward. A tool service that sends nothing of the caller upstream
     * ignores it, as this default does.
     */
    default CompletableFuture<ObjectNode> call(
            String name, JsonNode arguments, ProgressListener progress, Caller caller) {
        return call(name, arguments, progress);
    }

    /**
     * The tools a caller allowed read-only tools only ({@link Caller#readOnlyTools()}) may see and call, by name:
     * by default those whose listing is annotated {@code readOnlyHint}. A service whose tools check such callers
     * themselves (the tool search's call tool) adds them. Parses every definition: the protocol layer asks once,
     * on the first such caller.
     */
    default Set<String> readOnlyCallerTools() {
        Set<String> names = new HashSet<>();
        for (ToolListing listing : listings()) {
            if (listing.readOnlyHint()) {
                names.add(listing.name());
            }
        }
        return Set.copyOf(names);
    }

    /**
     * {@link #call(String, JsonNode, ProgressListener, Caller)} with what the protocol layer knows of the request
     * (its id, the client's protocol version, the caller's trace context), for spans and the call log. A tool
     * service that reports no telemetry ignores it, as this default does.
     */
    default CompletableFuture<ObjectNode> call(
            String name, JsonNode arguments, ProgressListener progress, Caller caller, CallContext context) {
        return call(name, arguments, progress, caller);
    }
}
