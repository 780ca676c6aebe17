package dev.apigwmcp.runtime.inbound;

import dev.apigwmcp.runtime.tools.Caller;
import dev.apigwmcp.runtime.tools.ProgressListener;
import dev.apigwmcp.runtime.tools.ToolListing;
import dev.apigwmcp.runtime.tools.ToolService;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two tools annotated as the generator annotates them, {@code notes___list} (read-only) and {@code notes___add}
 * (changes data), whose answer names the tool and the caller's subject: what the tool side learnt of the caller.
 */
public final class NotesTools implements ToolService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public List<ToolListing> listings() {
        return List.of(tool("notes___add", false), tool("notes___list", true));
    }

    private static ToolListing tool(String name, boolean readOnly) {
        ObjectNode definition = JSON.createObjectNode().put("name", name).put("description", "Notes.");
        definition.putObject("inputSchema").put("type", "object");
        definition.putObject("annotations").put("readOnlyHint", readOnly).put("destructiveHint", false);
        return ToolListing.of(definition);
    }

    @Override
    public boolean hasTool(String name) {
        return name.equals("notes___add") || name.equals("notes___list");
    }

    @Override
    public CompletableFuture<ObjectNode> call(String name, JsonNode arguments, ProgressListener progress) {
        return call(name, arguments, progress, Caller.LOCAL);
    }

    @Override
    public CompletableFuture<ObjectNode> call(
            String name, JsonNode arguments, ProgressListener progress, Caller caller) {
        ObjectNode result = JSON.createObjectNode();
        result.putArray("content")
                .addObject()
                .put("type", "text")
                .put("text", name + " called by " + (caller.subject() == null ? "nobody" : caller.subject()));
        return CompletableFuture.completedFuture(result);
    }
}
