package dev.apigwmcp.runtime.transport;

import dev.apigwmcp.runtime.protocol.CallScope;
import dev.apigwmcp.runtime.protocol.CancelReason;
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
import dev.apigwmcp.runtime.tools.Caller;
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
    private final ReadDeadlines deadlines;
    private final ClientCallBudgets budgets;
    /** Telemetry: served at {@link MetricsEndpoint#PATH} when not null. */
    private final MetricsEndpoint metrics;

    McpHttpHandler(McpServer server, HttpOptions options, SessionStore sessions, Heartbeats heartbeats,
                   ReadDeadlines deadlines, ClientCallBudgets budgets, MetricsRegistry metrics) {
        this.heartbeats = heartbeats;
        this.metrics = metrics == null ? null : new MetricsEndpoint(metrics);
        this.server = server;
        this.options = options;
        this.sessions = sessions;
        this.deadlines = deadlines;
        this.budgets = budgets;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        deadlines.begin(request);
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

    /**
     * Reads the body without holding a worker thread ({@link BodyReader}), under {@link ReadDeadlines}, then
     * answers it on whichever thread completed the read.
     */
    private void post(Request request, Response response, Callback callback) {
        long declared = request.getLength();
        if (declared > options.maxRequestBytes()) {
            tooLarge(response, callback);
            return;
        }
        BodyReader reader = new BodyReader(request, options.maxRequestBytes(), outcome -> {
            deadlines.read(request);
            try {
                answer(request, response, callback, outcome);
            } catch (RuntimeException e) {
                LOG.error("Internal error on POST {}: {}", options.path(), e.toString());
                plainError(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500, "Internal error");
            }
        });
        deadlines.reading(request, reader);
        reader.run();
    }

    private void answer(Request request, Response response, Callback callback, BodyReader.Outcome outcome) {
        if (outcome instanceof BodyReader.Outcome.Body body) {
            post(request, response, callback, body.bytes());
        } else if (outcome instanceof BodyReader.Outcome.TimedOut late) {
            // The rest of the body may still trickle in: the connection cannot carry another request.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            plainError(response, callback, HttpStatus.REQUEST_TIMEOUT_408, late.why());
        } else if (outcome instanceof BodyReader.Outcome.TooLarge) {
            tooLarge(response, callback);
        } else {
            plainError(response, callback, HttpStatus.BAD_REQUEST_400, "Bad request: could not read the body");
        }
    }

    private void post(Request request, Response response, Callback callback, byte[] body) {
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
        // The modern era has no sessions: each request is its own, ended by its stream.
        dispatch(request, response, callback, new Frame.Single(message), new ClientSession(null), null, true);
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
            SessionStore.Created created = sessions.create(Request.getRemoteAddr(request));
            if (created.session() == null) {
                respond(response, callback, Reply.error(single.id(), created.refusal()), HttpStatus.SERVICE_UNAVAILABLE_503);
                return;
            }
            dispatch(request, response, callback, frame, created.session(), created.session(), false);
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
        dispatch(request, response, callback, frame, session, null, false);
    }

    /**
     * Runs the frame and writes its reply. Progress switches the response to SSE on the first notification (only
     * when the client accepts {@code text/event-stream}); a call that runs long is kept alive by heartbeats. A
     * failed connection, or a heartbeat that cannot be written, cancels the calls this POST started: only those,
     * whatever their ids.
     */
    private void dispatch(Request request, Response response, Callback callback, Frame frame, ClientSession session,
                          ClientSession newSession, boolean modern) {
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        boolean sseAccepted = accept != null && accept.toLowerCase(Locale.ROOT).contains("text/event-stream");
        ResponseWriter writer = new ResponseWriter(response, callback, sseAccepted, System::nanoTime);
        // Telemetry: a traceparent header continues the caller's trace (a message's own _meta one wins).
        CallScope scope = new CallScope(budgets.forClient(Request.getRemoteAddr(request)), TraceContext.of(
                request.getHeaders().get(TraceContext.TRACEPARENT), request.getHeaders().get(TraceContext.TRACESTATE)));
        request.addFailureListener(failure -> {
            writer.abort(failure);
            scope.cancel(CancelReason.CLIENT_GONE);
        });
        // Inbound authorization: the caller the handler in front verified (HttpTransport.CALLER_ATTRIBUTE).
        McpServer answering = server.forCaller(request.getAttribute(HttpTransport.CALLER_ATTRIBUTE) instanceof Caller
                caller ? caller : Caller.LOCAL);
        CompletableFuture<Reply> reply = answering.handle(frame, session, scope, writer::event);
        if (!reply.isDone()) {
            Runnable unwatch = heartbeats.watch(writer, () -> scope.cancel(CancelReason.CLIENT_GONE));
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
