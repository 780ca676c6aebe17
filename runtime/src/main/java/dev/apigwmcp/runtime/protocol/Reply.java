package dev.apigwmcp.runtime.protocol;

/**
 * One outgoing answer: the serialised frame and, for an error answer, the error (transports map some codes to
 * HTTP statuses).
 *
 * @param bytes the JSON-RPC response (or batch response array)
 * @param error the error when this is an error response, else {@code null}
 */
public record Reply(byte[] bytes, RpcError error) {

    public static Reply error(tools.jackson.databind.JsonNode id, RpcError error) {
        return new Reply(JsonRpc.error(id, error), error);
    }

    public boolean isError() {
        return error != null;
    }
}
