package dev.apigwmcp.runtime.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** JSON-RPC 2.0 error codes and the serialisation of outgoing frames (always compact, one line, UTF-8). */
public final class JsonRpc {
    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /**
     * Implementation-defined: the server refuses work over one of its limits (sessions, calls in flight, requests
     * in a batch); {@code data} names the limit.
     */
    public static final int SERVER_BUSY = -32000;
    /** Implementation-defined: a legacy session id that is unknown or expired. */
    public static final int SESSION_NOT_FOUND = -32001;
    /** Implementation-defined: the request was cancelled before it had a result; the message says why. */
    public static final int REQUEST_CANCELLED = -32002;
    /** MCP 2026-07-28: an HTTP header disagrees with the JSON-RPC body. */
    public static final int HEADER_MISMATCH = -32020;
    /** MCP 2026-07-28: the requested protocol version is not served; {@code data} lists what is. */
    public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;

    /**
     * One shared, immutable-after-build mapper: Jackson mappers are thread-safe once configured. Decimals are read
     * as {@code BigDecimal}, so a number argument keeps every digit as written ({@code 1.50}, or more digits than a
     * double holds) when it is sent on as text.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final byte[] HEAD = "{\"jsonrpc\":\"2.0\",\"id\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] RESULT = ",\"result\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ERROR = ",\"error\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CLOSE = {'}'};

    private JsonRpc() {}

    /** A success response whose result is already serialised. */
    public static byte[] result(JsonNode id, byte[] serialisedResult) {
        byte[] head = resultHead(id);
        byte[] frame = new byte[head.length + serialisedResult.length + 1];
        System.arraycopy(head, 0, frame, 0, head.length);
        System.arraycopy(serialisedResult, 0, frame, head.length, serialisedResult.length);
        frame[frame.length - 1] = '}';
        return frame;
    }

    /** What precedes the result in a success response: {@code {"jsonrpc":"2.0","id":ID,"result":}. */
    static byte[] resultHead(JsonNode id) {
        byte[] idBytes = id == null ? NULL : MAPPER.writeValueAsBytes(id);
        ByteArrayOutputStream out = new ByteArrayOutputStream(HEAD.length + idBytes.length + RESULT.length);
        out.writeBytes(HEAD);
        out.writeBytes(idBytes);
        out.writeBytes(RESULT);
        return out.toByteArray();
    }

    /** What follows the result in a success response. */
    static byte[] resultTail() {
        return CLOSE.clone();
    }

    public static byte[] result(JsonNode id, JsonNode result) {
        return result(id, MAPPER.writeValueAsBytes(result));
    }

    /** An error response; {@code id} is {@code null} when the request's id could not be read. */
    public static byte[] error(JsonNode id, RpcError error) {
        ObjectNode body = NODES.objectNode();
        body.put("code", error.code());
        body.put("message", error.message());
        if (error.data() != null) {
            body.set("data", error.data());
        }
        byte[] idBytes = id == null ? NULL : MAPPER.writeValueAsBytes(id);
        byte[] errorBytes = MAPPER.writeValueAsBytes(body);
        ByteArrayOutputStream out = new ByteArrayOutputStream(HEAD.length + idBytes.length + errorBytes.length + 16);
        out.writeBytes(HEAD);
        out.writeBytes(idBytes);
        out.writeBytes(ERROR);
        out.writeBytes(errorBytes);
        out.write('}');
        return out.toByteArray();
    }

    public static byte[] notification(String method, JsonNode params) {
        ObjectNode frame = NODES.objectNode();
        frame.put("jsonrpc", "2.0");
        frame.put("method", method);
        frame.set("params", params);
        return MAPPER.writeValueAsBytes(frame);
    }

    /** Joins already serialised frames into a JSON array (the answer to a 2025-03-26 batch). */
    public static byte[] array(Iterable<byte[]> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('[');
        boolean first = true;
        for (byte[] frame : frames) {
            if (!first) {
                out.write(',');
            }
            out.writeBytes(frame);
            first = false;
        }
        out.write(']');
        return out.toByteArray();
    }
}
