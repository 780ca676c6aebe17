package dev.apigwmcp.runtime.search;

import dev.apigwmcp.runtime.tools.ToolListing;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The {@code tools/list} entries of the search tool and the call tool. */
final class SearchToolDefinitions {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 50;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = MAPPER.getNodeFactory();

    private SearchToolDefinitions() {}

    static ToolListing search(String name, String callTool, boolean callToolListed) {
        ObjectNode tool = NODES.objectNode();
        tool.put("name", name);
        tool.put("title", "Search tools");
        tool.put(
                "description",
                "Finds the tools of this API that fit a task, best first. Describe what you want"
                        + " to do in a few words (\"list open pull requests\", \"delete a pet\"). Returns each tool's name,"
                        + " description and inputSchema; then call the tool "
                        + (callToolListed ? "with " + callTool + " (its name and arguments)." : "by its name."));
        ObjectNode input = tool.putObject("inputSchema");
        input.put("type", "object");
        ObjectNode properties = input.putObject("properties");
        properties
                .putObject("query")
                .put("type", "string")
                .put("minLength", 1)
                .put("description", "what you want to do, in your own words");
        properties
                .putObject("limit")
                .put("type", "integer")
                .put("minimum", 1)
                .put("maximum", MAX_LIMIT)
                .put("default", DEFAULT_LIMIT)
                .put("description", "how many tools to return at most");
        input.putArray("required").add("query");
        input.put("additionalProperties", false);
        ObjectNode output = tool.putObject("outputSchema");
        output.put("type", "object");
        ObjectNode found = output.putObject("properties").putObject("tools");
        found.put("type", "array");
        ObjectNode item = found.putObject("items");
        item.put("type", "object");
        ObjectNode itemProperties = item.putObject("properties");
        itemProperties.putObject("name").put("type", "string");
        itemProperties.putObject("description").put("type", "string");
        itemProperties.putObject("inputSchema").put("type", "object");
        item.putArray("required").add("name").add("inputSchema");
        output.putArray("required").add("tools");
        tool.set("annotations", annotations(true, false, true, false));
        return ToolListing.of(tool);
    }

    static ToolListing call(String name, String searchTool) {
        ObjectNode tool = NODES.objectNode();
        tool.put("name", name);
        tool.put("title", "Call a tool");
        tool.put(
                "description",
                "Calls a tool that " + searchTool + " found: 'name' is the tool's name, 'arguments'"
                        + " its arguments as its inputSchema describes. The result is the tool's own result.");
        ObjectNode input = tool.putObject("inputSchema");
        input.put("type", "object");
        ObjectNode properties = input.putObject("properties");
        properties
                .putObject("name")
                .put("type", "string")
                .put("minLength", 1)
                .put("description", "the tool's name, as " + searchTool + " returned it");
        properties
                .putObject("arguments")
                .put("type", "object")
                .put("description", "the tool's arguments, as its inputSchema describes them");
        input.putArray("required").add("name");
        input.put("additionalProperties", false);
        // It may run any tool, so clients must treat it as one that may change or delete data.
        tool.set("annotations", annotations(false, true, false, true));
        return ToolListing.of(tool);
    }

    private static ObjectNode annotations(
            boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {
        ObjectNode annotations = NODES.objectNode();
        annotations.put("readOnlyHint", readOnly);
        annotations.put("destructiveHint", destructive);
        annotations.put("idempotentHint", idempotent);
        annotations.put("openWorldHint", openWorld);
        return annotations;
    }

    /**
     * The search result for these tools: each one's name, description and input schema, read from its
     * {@code tools/list} bytes without building the rest (output schemas are often most of a definition).
     */
    static ObjectNode result(List<ToolListing> listings) {
        ObjectNode result = NODES.objectNode();
        ArrayNode tools = result.putArray("tools");
        for (ToolListing listing : listings) {
            ObjectNode tool = tools.addObject();
            tool.put("name", listing.name());
            tool.put("description", "");
            try (JsonParser parser = MAPPER.createParser(listing.json())) {
                parser.nextToken();
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String member = parser.currentName();
                    parser.nextToken();
                    if (member.equals("description") && parser.currentToken() == JsonToken.VALUE_STRING) {
                        tool.put("description", parser.getString());
                    } else if (member.equals("inputSchema")) {
                        tool.set("inputSchema", (JsonNode) parser.readValueAsTree());
                    } else {
                        parser.skipChildren();
                    }
                }
            }
            if (!tool.has("inputSchema")) {
                tool.putObject("inputSchema").put("type", "object");
            }
        }
        return result;
    }
}
