package dev.apigwmcp.runtime.protocol;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A JSON-RPC error object. Messages are written for the client to read: they name the offending place and never
 * carry a stack trace or a secret.
 *
 * @param code    JSON-RPC or MCP error code (see {@link JsonRpc})
 * @param message one sentence saying what was wrong and where
 * @param data    optional structured detail, or {@code null}
 */
public record RpcError(int code, String message, JsonNode data) {
    public RpcError {
        Objects.requireNonNull(message, "message");
    }

    public static RpcError of(int code, String message) {
        return new RpcError(code, message, null);
    }
}
