package dev.apigwmcp.runtime.protocol;

import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

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

    /**
     * A {@link JsonRpc#SERVER_BUSY} error for work refused over a limit; {@code data} names the setting that raises
     * the limit and its value, so an operator reading the client's log knows what to change.
     */
    public static RpcError limit(String message, String setting, int max) {
        ObjectNode data = JsonRpc.NODES.objectNode();
        data.put("limit", setting);
        data.put("max", max);
        return new RpcError(JsonRpc.SERVER_BUSY, message, data);
    }
}
