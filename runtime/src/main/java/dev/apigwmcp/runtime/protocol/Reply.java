package dev.apigwmcp.runtime.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One outgoing answer: the serialised frame and, for an error answer, the error (transports map some codes to
 * HTTP statuses). The frame is kept as the parts it was assembled from, so that a large pre-serialised result (a
 * {@code tools/list} page of a large catalog is megabytes) is written without being copied into one more array per
 * request; every such copy would be garbage the size of the catalog.
 */
public final class Reply {
    private final byte[][] parts;
    private final RpcError error;
    private final boolean optional;

    private Reply(RpcError error, byte[]... parts) {
        this(error, false, parts);
    }

    private Reply(RpcError error, boolean optional, byte[]... parts) {
        this.parts = parts;
        this.error = error;
        this.optional = optional;
    }

    /** A complete frame. */
    public static Reply of(byte[] frame) {
        return new Reply(null, Objects.requireNonNull(frame, "frame"));
    }

    /** A success response around a result that is already serialised; the result array is shared, not copied. */
    public static Reply result(JsonNode id, byte[] serialisedResult) {
        return new Reply(null, JsonRpc.resultHead(id), serialisedResult, JsonRpc.resultTail());
    }

    public static Reply error(JsonNode id, RpcError error) {
        return new Reply(error, JsonRpc.error(id, error));
    }

    /**
     * The answer to a request the client itself ended (it cancelled it, or its connection closed). The spec asks
     * for no response then, so a transport that can stay silent does (stdio, an SSE stream); a plain JSON POST
     * still needs a body, and gets this error.
     */
    public static Reply optional(JsonNode id, RpcError error) {
        return new Reply(error, true, JsonRpc.error(id, error));
    }

    /** Whether a transport that can leave the request unanswered should (see {@link #optional}). */
    public boolean isOptional() {
        return optional;
    }

    public RpcError error() {
        return error;
    }

    public boolean isError() {
        return error != null;
    }

    /** The frame's length in bytes. */
    public int length() {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        return length;
    }

    /** The frame as one array (a copy when it is kept in parts). */
    public byte[] bytes() {
        if (parts.length == 1) {
            return parts[0];
        }
        byte[] frame = new byte[length()];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, frame, at, part.length);
            at += part.length;
        }
        return frame;
    }

    /** Writes the frame, part by part. */
    public void writeTo(OutputStream out) throws IOException {
        for (byte[] part : parts) {
            out.write(part);
        }
    }

    /** The frame as buffers over its parts (no copy). */
    public ByteBuffer[] buffers() {
        ByteBuffer[] buffers = new ByteBuffer[parts.length];
        for (int i = 0; i < parts.length; i++) {
            buffers[i] = ByteBuffer.wrap(parts[i]);
        }
        return buffers;
    }
}
