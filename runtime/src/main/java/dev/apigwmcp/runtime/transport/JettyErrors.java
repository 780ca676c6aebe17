package dev.apigwmcp.runtime.transport;

import dev.apigwmcp.runtime.protocol.JsonRpc;
import dev.apigwmcp.runtime.protocol.RpcError;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty gives on its own, before or outside the MCP handler: a request it could not parse (a missing
 * or duplicate {@code Host}, a malformed request line, headers too large), an unknown path, an unexpected
 * failure. Each is a short JSON-RPC error without an id, as the Streamable HTTP transport allows for input it
 * cannot accept: a 4xx is the client's fault, so -32600 with the reason; only a 5xx is an internal error. Never
 * HTML, never a stack trace.
 */
final class JettyErrors implements Request.Handler {
    private static final int MAX_REASON = 200;

    private final String endpoint;

    JettyErrors(String endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(
                true,
                ByteBuffer.wrap(JsonRpc.error(null, error(status, request.getAttribute(ErrorHandler.ERROR_MESSAGE)))),
                callback);
        return true;
    }

    RpcError error(int status, Object jettyMessage) {
        if (status == HttpStatus.NOT_FOUND_404) {
            return RpcError.of(JsonRpc.INVALID_REQUEST, "Not found: the MCP endpoint is " + endpoint);
        }
        if (HttpStatus.isClientError(status)) {
            String reason = reason(jettyMessage);
            String phrase = HttpStatus.getMessage(status);
            return RpcError.of(
                    JsonRpc.INVALID_REQUEST,
                    phrase + (reason == null || reason.equalsIgnoreCase(phrase) ? "" : ": " + reason));
        }
        return RpcError.of(JsonRpc.INTERNAL_ERROR, "Internal error");
    }

    /**
     * Jetty's reason ("Duplicate Host Header", "No Host") names what was wrong with the request; it is kept when
     * it is a short line of printable text, so nothing a client sent can smuggle control characters into it.
     */
    private static String reason(Object message) {
        if (!(message instanceof String text) || text.isBlank() || text.length() > MAX_REASON) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return null;
            }
        }
        return text;
    }
}
