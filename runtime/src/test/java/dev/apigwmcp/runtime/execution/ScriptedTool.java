package dev.apigwmcp.runtime.execution;

import dev.apigwmcp.runtime.spi.GeneratedTool;
import dev.apigwmcp.runtime.spi.UpstreamRequestBuilder;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;

/** A tool whose request writing is a lambda: for targets whose tools only need a line or two each. */
record ScriptedTool(String name, BiConsumer<JsonNode, UpstreamRequestBuilder> writer)
        implements GeneratedTool<JsonNode> {

    @Override
    public JsonNode readArguments(JsonNode arguments) {
        return arguments;
    }

    @Override
    public void writeRequest(JsonNode arguments, UpstreamRequestBuilder request) {
        writer.accept(arguments, request);
    }
}
