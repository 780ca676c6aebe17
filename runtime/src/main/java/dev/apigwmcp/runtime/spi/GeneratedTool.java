package dev.apigwmcp.runtime.spi;

import tools.jackson.databind.JsonNode;

/**
 * One generated MCP tool: reads the (already schema-validated) JSON arguments into its typed argument record
 * {@code A} and turns those into the parts of the upstream HTTP request. Method, path template, server and auth
 * come from the target's {@code bindings.json}; the runtime creates the {@link UpstreamRequestBuilder} from them.
 *
 * @param <A> the generated record holding this tool's typed arguments
 */
public interface GeneratedTool<A> {

    /** The final MCP tool name, prefix included. */
    String name();

    /** Reads validated arguments into the typed record; absent optional arguments become {@code null}. */
    A readArguments(JsonNode arguments);

    /** Writes the typed arguments into the request: path, query, header and cookie parameters and the body. */
    void writeRequest(A arguments, UpstreamRequestBuilder request);

    /**
     * Reads a result's {@code structuredContent} into the tool's generated output record ({@code Output}, generated
     * where the output schema is a plain object tree), keeping every member; {@code null} for a tool without one.
     */
    default JsonWritable readOutput(JsonNode structuredContent) {
        return null;
    }

    /** Convenience for the runtime's dispatch: read, then write. */
    default void writeRequest(JsonNode arguments, UpstreamRequestBuilder request) {
        writeRequest(readArguments(arguments), request);
    }
}
