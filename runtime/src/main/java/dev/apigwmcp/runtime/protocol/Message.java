package dev.apigwmcp.runtime.protocol;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One incoming JSON-RPC message that passed structural checks.
 *
 * @param id     the request id (string or number), {@code null} for a notification
 * @param method the method; {@code null} for a response the client sent (we send no requests, so those are
 *               ignored)
 * @param params the params object, never {@code null} (an empty object when absent)
 */
public record Message(JsonNode id, String method, ObjectNode params) {

    public boolean isNotification() {
        return id == null && method != null;
    }

    public boolean isResponse() {
        return method == null;
    }

    /** {@code params._meta}, or {@code null}. */
    public ObjectNode meta() {
        JsonNode meta = params.get("_meta");
        return meta instanceof ObjectNode object ? object : null;
    }

    /** {@code params.name} when it is a string, else {@code null}. */
    public String nameParam() {
        JsonNode name = params.get("name");
        return name != null && name.isString() ? name.asString() : null;
    }
}
