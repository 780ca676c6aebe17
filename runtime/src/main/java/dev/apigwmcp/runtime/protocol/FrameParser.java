package dev.apigwmcp.runtime.protocol;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Parses incoming bytes into a {@link Frame}, checking the JSON-RPC 2.0 envelope. Never throws. */
public final class FrameParser {

    private FrameParser() {}

    public static Frame parse(byte[] bytes) {
        JsonNode tree;
        try {
            tree = JsonRpc.MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            // The parser's own message names line and column, which helps the client find the fault.
            return new Frame.Invalid(
                    null, RpcError.of(JsonRpc.PARSE_ERROR, "Parse error: " + firstLine(e.getOriginalMessage())));
        }
        if (tree == null || tree.isMissingNode()) {
            return new Frame.Invalid(null, RpcError.of(JsonRpc.PARSE_ERROR, "Parse error: empty message"));
        }
        if (tree instanceof ArrayNode array) {
            if (array.isEmpty()) {
                return new Frame.Invalid(null, RpcError.of(JsonRpc.INVALID_REQUEST, "Invalid request: empty batch"));
            }
            List<Frame> elements = new ArrayList<>(array.size());
            for (JsonNode element : array) {
                elements.add(single(element));
            }
            return new Frame.Batch(elements);
        }
        return single(tree);
    }

    static Frame single(JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            return new Frame.Invalid(
                    null, RpcError.of(JsonRpc.INVALID_REQUEST, "Invalid request: a message must be a JSON object"));
        }
        JsonNode id = object.get("id");
        if (id != null && !(id.isString() || id.isNumber())) {
            return new Frame.Invalid(
                    null, RpcError.of(JsonRpc.INVALID_REQUEST, "Invalid request: id must be a string or a number"));
        }
        JsonNode version = object.get("jsonrpc");
        if (version == null || !version.isString() || !"2.0".equals(version.asString())) {
            return new Frame.Invalid(
                    id, RpcError.of(JsonRpc.INVALID_REQUEST, "Invalid request: jsonrpc must be \"2.0\""));
        }
        JsonNode method = object.get("method");
        if (method == null) {
            if (id != null && (object.has("result") || object.has("error"))) {
                return new Frame.Single(new Message(id, null, JsonRpc.NODES.objectNode()));
            }
            return new Frame.Invalid(id, RpcError.of(JsonRpc.INVALID_REQUEST, "Invalid request: method is missing"));
        }
        if (!method.isString()) {
            return new Frame.Invalid(
                    id, RpcError.of(JsonRpc.INVALID_REQUEST, "Invalid request: method must be a string"));
        }
        JsonNode params = object.get("params");
        ObjectNode paramsObject;
        if (params == null || params.isNull()) {
            paramsObject = JsonRpc.NODES.objectNode();
        } else if (params instanceof ObjectNode given) {
            paramsObject = given;
        } else {
            return new Frame.Invalid(
                    id,
                    RpcError.of(
                            JsonRpc.INVALID_PARAMS,
                            "Invalid params: params of " + method.asString() + " must be an object"));
        }
        return new Frame.Single(new Message(id, method.asString(), paramsObject));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed JSON";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
