package dev.apigwmcp.runtime.protocol;

import java.util.List;

/**
 * What one incoming line or HTTP body turned out to be: a single message, a batch (JSON array), or something that
 * is answered with an error right away.
 */
public sealed interface Frame {

    record Single(Message message) implements Frame {}

    /** A JSON array; each element is already checked, bad ones carry their error. */
    record Batch(List<Frame> elements) implements Frame {
        public Batch {
            elements = List.copyOf(elements);
        }
    }

    /** Not a valid message: answer {@code error} with {@code id} (which may be {@code null}). */
    record Invalid(tools.jackson.databind.JsonNode id, RpcError error) implements Frame {}
}
