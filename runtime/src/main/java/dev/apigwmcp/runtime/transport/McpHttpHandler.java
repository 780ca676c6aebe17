package dev.apigwmcp.runtime.transport;

import dev.apigwmcp.runtime.protocol.ClientSession;
import dev.apigwmcp.runtime.protocol.Frame;
import dev.apigwmcp.runtime.protocol.FrameParser;
import dev.apigwmcp.runtime.protocol.JsonRpc;
import dev.apigwmcp.runtime.protocol.McpServer;
import dev.apigwmcp.runtime.protocol.Message;
import dev.apigwmcp.runtime.protocol.ProtocolException;
import dev.apigwmcp.runtime.protocol.ProtocolVersions;
import dev.apigwmcp.runtime.protocol.Reply;
import dev.apigwmcp.runtime.protocol.RpcError;
import dev.apigwmcp.runtime.telemetry.MetricsRegistry;
import dev.apigwmcp.runtime.telemetry.TraceContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The one MCP endpoint: validates Host and Origin, enforces the body limit, tells the eras apart, applies each
 * era's header and session rules, and writes the reply as JSON or, when progress is streamed, as SSE.
 */
final class McpHttpHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(McpHttpHandler.class);
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    static final String SESSION_HEADER = "Mcp-Session-Id";
    static final String VERSION_HEADER = "MCP-Protocol-Version";
    static final String METHOD_HEADER = "Mcp-Method";
    static final String NAME_HEADER = "Mcp-Name";

    private final McpServer server;
    private final HttpOptions options;
    private final SessionStore sessions;
    private final Heartbeats heartbeats;
    /** Telemetry: served at {@link MetricsEndpoint#PATH} when not null. */
    private final MetricsEndpoint metrics;

    McpHttpHandler(McpServer server, HttpOptions options, SessionStore sessions, Heartbeats heartbeats,
            MetricsRegistry metrics) {
        this.heartbeats = heartbeats;
        this.metrics = metrics == null ? null : new MetricsEndpoint(metrics);
        this.server = server;
        this.options = options;
        this.sessions = sessions;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        // Telemetry: /metrics shares the endpoint's connector (bind address) and its Host and Origin checks.
        boolean metricsPath = metrics != null && MetricsEndpoint.PATH.equals(path);
        if (!options.path().equals(path) && !metricsPath) {
            return false;
        }
        try {
            if (!hostAllowed(request)) {
                return plainError(response, callback, HttpStatus.FORBIDDEN_403, "Forbidden: Host header not allowed");
            }
            if (!originAllowed(request.getHeaders().get(HttpHeader.ORIGIN))) {
                return plainError(response, callback, HttpStatus.FORBIDDEN_403, "Forbidden: Origin not allowed");
            }
            if (metricsPath) {
                return metrics.handle(request, response, callback);
            }
            switch (request.getMethod()) {
                case "POST":
                    post(request, response, callback);
                    return true;
                case "DELETE":
                    return delete(request, response, callback);
                default:
                    // A tools-only server sends nothing unprompted, so there is no GET stream to offer.
                    response.getHeaders().put(HttpHeader.ALLOW, "POST, DELETE");
                    return plainError(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405,
                            "Method not allowed: " + request.getMethod() + "; use POST");
            }
        } catch (RuntimeException e) {
            LOG.error("Internal error on {} {}: {}", request.getMethod(), options.path(), e.toString());
            return plainError(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500, "Internal error");
        }
    }

    private boolean delete(Request request, Response response, Callback callback) {
        String id = request.getHeaders().get(SESSION_HEADER);
        if (id == null) {
            return plainError(response, callback, HttpStatus.BAD_REQUEST_400, "Bad request: DELETE needs an Mcp-Session-Id header");
        }
        if (!sessions.remove(id)) {
            return error(response, callback, HttpStatus.NOT_FOUND_404, RpcError.of(JsonRpc.SESSION_NOT_FOUND, "Session not found: it ended or expired"));
        }
        response.setStatus(HttpStatus.NO_CONTENT_204);
        callback.succeeded();
        return true;
    }

    private void post(Request request, Response response, Callback callback) {
        long declared = request.getLength();
        if (declared > options.maxRequestBytes()) {
            tooLarge(response, callback);
            return;
        }
        byte[] body;
        try {
            body = readBounded(Request.asInputStream(request), options.maxRequestBytes());
        } catch (IOException e) {
            plainError(response, callback, HttpStatus.BAD_REQUEST_400, "Bad request: could not read the body");
            return;
        }
        if (body == null) {
            tooLarge(response, callback);
            return;
        }
        Frame frame = FrameParser.parse(body);
        if (frame instanceof Frame.Invalid invalid) {
            respond(response, callback, Reply.error(invalid.id(), invalid.error()), HttpStatus.BAD_REQUEST_400);
            return;
        }
        Message single = frame instanceof Frame.Single s ? s.message() : null;
        String modern;
        try {
            modern = single == null ? null : McpServer.modernVersion(single);
        } catch (ProtocolException e) {
            respond(response, callback, Reply.error(single.id(), e.error()), HttpStatus.BAD_REQUEST_400);
            return;
        }
        if (modern != null && !"initialize".equals(single.method())) {
            postModern(request, response, callback, single, modern);
        } else {
            postLegacy(request, response, callback, frame, single);
        }
    }

    private void postModern(Request request, Response response, Callback callback, Message message, String version) {
        String mismatch = modernHeaderMismatch(request, message, version);
        if (mismatch != null) {
            respond(response, callback, Reply.error(message.id(), RpcError.of(JsonRpc.HEADER_MISMATCH, "Header mismatch: " + mismatch)),
                    HttpStatus.BAD_REQUEST_400);
            return;
        }
        // A request-scoped session only tracks the call so that a closed stream can cancel it.
        ClientSession requestScope = new ClientSession(null, System.nanoTime());
        dispatch(request, response, callback, new Frame.Single(message), requestScope, null, true, requestScope::cancelAll);
    }

    private static String modernHeaderMismatch(Request request, Message message, String version) {
        String headerVersion = request.getHeaders().get(VERSION_HEADER);
        if (!version.equals(headerVersion)) {
            return VERSION_HEADER + " is " + quoted(headerVersion) + " but _meta names \"" + version + "\"";
        }
        String method = request.getHeaders().get(METHOD_HEADER);
        if (!message.method().equals(method)) {
            return METHOD_HEADER + " is " + quoted(method) + " but the body's method is \"" + message.method() + "\"";
        }
        if ("tools/call".equals(message.method())) {
            String name = request.getHeaders().get(NAME_HEADER);
            if (!Objects.equals(message.nameParam(), name)) {
                return NAME_HEADER + " is " + quoted(name) + " but params.name is " + quoted(message.nameParam());
            }
        }
        return null;
    }

    private void postLegacy(Request request, Response response, Callback callback, Frame frame, Message single) {
        String headerVersion = request.getHeaders().get(VERSION_HEADER);
        if (headerVersion != null && !ProtocolVersions.isSupported(headerVersion)) {
            respond(response, callback, Reply.error(single == null ? null : single.id(), McpServer.unsupportedVersion(headerVersion).error()),
                    HttpStatus.BAD_REQUEST_400);
            return;
        }
        if (single != null && "initialize".equals(single.method())) {
            ClientSession session = sessions.create();
            if (session == null) {
                respond(response, callback, Reply.error(single.id(), RpcError.of(JsonRpc.SERVER_BUSY,
                        "Server busy: the limit of " + options.maxSessions() + " live sessions is reached; retry later")),
                        HttpStatus.SERVICE_UNAVAILABLE_503);
                return;
            }
            dispatch(request, response, callback, frame, session, session, false, () -> { });
            return;
        }
        String id = request.getHeaders().get(SESSION_HEADER);
        if (id == null) {
            respond(response, callback, Reply.error(single == null ? null : single.id(), RpcError.of(JsonRpc.INVALID_REQUEST,
                    "Bad request: missing Mcp-Session-Id header; send initialize first, or name the protocol version in _meta[\""
                            + ProtocolVersions.META_PROTOCOL_VERSION + "\"]")), HttpStatus.BAD_REQUEST_400);
            return;
        }
        ClientSession session = sessions.get(id);
        if (session == null) {
            respond(response, callback, Reply.error(single == null ? null : single.id(),
                    RpcError.of(JsonRpc.SESSION_NOT_FOUND, "Session not found: it ended or expired; initialize again")), HttpStatus.NOT_FOUND_404);
            return;
        }
        if (headerVersion != null && session.protocolVersion() != null && !headerVersion.equals(session.protocolVersion())) {
            respond(response, callback, Reply.error(single == null ? null : single.id(), RpcError.of(JsonRpc.INVALID_REQUEST,
                    "Bad request: " + VERSION_HEADER + " is \"" + headerVersion + "\" but the session negotiated \""
                            + session.protocolVersion() + "\"")), HttpStatus.BAD_REQUEST_400);
            return;
        }
        JsonNode requestId = single == null ? null : single.id();
        dispatch(request, response, callback, frame, session, null, false,
                () -> { if (requestId != null) { session.cancelRequest(requestId); } });
    }

    /**
     * Runs the frame and writes its reply. Progress switches the response to SSE on the first notification (only
     * when the client accepts {@code text/event-stream}); a failed connection cancels the call.
     */
    private void dispatch(Request request, Response response, Callback callback, Frame frame, ClientSession session,
                          ClientSession newSession, boolean modern, Runnable cancel) {
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        boolean sseAccepted = accept != null && accept.toLowerCase(Locale.ROOT).contains("text/event-stream");
        ResponseWriter writer = new ResponseWriter(response, callback);
        request.addFailureListener(failure -> {
            cancel.run();
            writer.abort(failure);
        });
        // Telemetry: a traceparent header continues the caller's trace (a message's own _meta one wins).
        TraceContext trace = TraceContext.of(request.getHeaders().get(TraceContext.TRACEPARENT),
                request.getHeaders().get(TraceContext.TRACESTATE));
        CompletableFuture<Reply> reply = server.handle(frame, session, sseAccepted ? writer::event : frame1 -> { },
                trace);
        if (sseAccepted && !reply.isDone()) {
            Runnable unwatch = heartbeats.watch(writer, cancel);
            reply.whenComplete((done, failure) -> unwatch.run());
        }
        reply.whenComplete((done, failure) -> {
            if (done == null) {
                writer.accepted();
                return;
            }
            if (newSession != null) {
                if (done.isError()) {
                    sessions.remove(newSession.id());
                } else {
                    response.getHeaders().put(SESSION_HEADER, newSession.id());
                }
            }
            writer.finish(done, statusFor(done, modern));
        });
    }

    private static int statusFor(Reply reply, boolean modern) {
        if (!reply.isError()) {
            return HttpStatus.OK_200;
        }
        return switch (reply.error().code()) {
            case JsonRpc.METHOD_NOT_FOUND -> modern ? HttpStatus.NOT_FOUND_404 : HttpStatus.OK_200;
            case JsonRpc.HEADER_MISMATCH, JsonRpc.UNSUPPORTED_PROTOCOL_VERSION, JsonRpc.PARSE_ERROR -> HttpStatus.BAD_REQUEST_400;
            default -> HttpStatus.OK_200;
        };
    }

    private boolean hostAllowed(Request request) {
        String host = Request.getServerName(request);
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        return LOOPBACK.contains(name) || options.allowedHosts().contains(name) || options.allowedHosts().contains("*");
    }

    private boolean originAllowed(String origin) {
        if (origin == null) {
            return true; // non-browser clients send none; DNS rebinding needs a browser, which always sends one
        }
        if (options.allowedOrigins().contains(origin) || options.allowedOrigins().contains("*")) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String host = uri.getHost();
            return host != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && LOOPBACK.contains(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Reads at most {@code limit} bytes; {@code null} when the body is larger. */
    static byte[] readBounded(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) >= 0) {
            total += read;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private void tooLarge(Response response, Callback callback) {
        error(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, RpcError.of(JsonRpc.INVALID_REQUEST,
                "Request too large: the body exceeds " + options.maxRequestBytes() + " bytes"));
    }

    private static boolean plainError(Response response, Callback callback, int status, String message) {
        return error(response, callback, status, RpcError.of(JsonRpc.INVALID_REQUEST, message));
    }

    private static boolean error(Response response, Callback callback, int status, RpcError error) {
        respond(response, callback, Reply.error(null, error), status);
        return true;
    }

    private static void respond(Response response, Callback callback, Reply reply, int status) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(reply.bytes()), callback);
    }

    private static String quoted(String value) {
        return value == null ? "absent" : "\"" + value + "\"";
    }
}
