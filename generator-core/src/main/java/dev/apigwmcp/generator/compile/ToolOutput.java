package dev.apigwmcp.generator.compile;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A tool's result shape, decided by {@link OutputSchemaBuilder}.
 *
 * @param schema    JSON Schema 2020-12 of {@code structuredContent}, or {@code null} for none
 * @param wrap      {@code "result"} when the response body is wrapped as {@code {"result": body}}, else {@code null}
 * @param mediaType media type of the success response, or {@code null}
 */
public record ToolOutput(ObjectNode schema, String wrap, String mediaType) {

    /** No structured result. */
    static ToolOutput none(String mediaType) {
        return new ToolOutput(null, null, mediaType);
    }
}
