package dev.apigwmcp.runtime.transport;

import dev.apigwmcp.runtime.protocol.CallScope;
import dev.apigwmcp.runtime.protocol.ClientSession;
import dev.apigwmcp.runtime.protocol.Frame;
import dev.apigwmcp.runtime.protocol.FrameParser;
import dev.apigwmcp.runtime.protocol.JsonRpc;
import dev.apigwmcp.runtime.protocol.McpServer;
import dev.apigwmcp.runtime.protocol.Message;
import dev.apigwmcp.runtime.protocol.NotificationSink;
import dev.apigwmcp.runtime.protocol.ProtocolException;
import dev.apigwmcp.runtime.protocol.ProtocolVersions;
import dev.apigwmcp.runtime.protocol.Reply;
import dev.apigwmcp.runtime.protocol.RpcError;
import dev.apigwmcp.runtime.tools.Caller;
import dev.apigwmcp.runtime.tools.TraceContext;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/**
 * The decisions of the one MCP endpoint of Streamable HTTP, apart from how bytes arrive and leave: Host and Origin
 * checks, the body limit, telling the eras apart, each era's header and session rules, and the HTTP status of each
 * answer. The Jetty handler ({@link McpHttpHandler}) and the AWS Lambda handler feed it requests and write what it
 * answers, each in its own way (the former may stream).
 */
public final class McpEndpoint {
    static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    public static final String SESSION_HEADER = "Mcp-Session-Id";
    static final String VERSION_HEADER = "MCP-Protocol-Version";
    static final String METHOD_HEADER = "Mcp-Method";
    static final String NAME_HEADER = "Mcp-Name";

    /**
     * An answer to write: its status, its reply ({@code null}: no body, as for 202 and 204) and extra headers.
     * The reply is JSON ({@code application/json}).
     */
    public record Answer(int status, Reply reply, Map<String, String> headers) {
        public Answer {
            headers = Map.copyOf(headers);
        }

        static Answer of(int status, Reply reply) {
            return new Answer(status, reply, Map.of());
        }
    }

    private final McpServer server;
    private final HttpOptions options;
    private final Sessions sessions;
    private final ClientCallBudgets budgets;

    McpEndpoint(McpServer server, HttpOptions options, Sessions sessions, ClientCallBudgets budgets) {
        this.server = Objects.requireNonNull(server, "server");
        this.options = options;
        this.sessions = sessions;
        this.budgets = budgets;
    }

    /**
     * An endpoint of its own for a platform that runs many copies of the gateway and spreads requests over them
     * (AWS Lambda's execution environments): legacy sessions are portable with a session key, and without one
     * {@code initialize} is refused with an error that names the settings, since a session held by one copy would
     * fail on the next request that reaches another. The modern era needs no session and is served either way.
     */
    public static McpEndpoint replicated(McpServer server, HttpOptions options) {
        Sessions sessions = options.sealing() == null
                ? new KeylessSessions()
                : options.sessions(System::nanoTime, () -> System.currentTimeMillis() / 1000);
        return new McpEndpoint(
                server,
                options,
                sessions,
                new ClientCallBudgets(options.clientLimits().maxCallsPerClient()));
    }

    /** The largest body accepted; a larger one gets {@link #tooLarge()}. */
    public long maxRequestBytes() {
        return options.maxRequestBytes();
    }

    /**
     * What the request's head alone decides: {@code null} to go on (read the body of a POST, or {@link #delete}),
     * else the answer — a Host or Origin not allowed (403), a method other than POST and DELETE (405), a POST
     * body declared as anything but JSON (415).
     */
    public Answer screen(RequestHead head) {
        Answer refused = screenHostAndOrigin(head);
        if (refused != null) {
            return refused;
        }
        String method = head.method();
        if ("POST".equals(method)) {
            return screenContentType(head.header("Content-Type"));
        }
        if ("DELETE".equals(method)) {
            return null;
        }
        // A tools-only server sends nothing unprompted, so there is no GET stream to offer.
        return new Answer(
                405,
                Reply.error(null, RpcError.of(JsonRpc.INVALID_REQUEST, "Method not allowed: " + method + "; use POST")),
                Map.of("Allow", "POST, DELETE"));
    }

    /**
     * The Host and Origin checks alone: {@code null} when both pass, else the 403. Also guards what the transport
     * serves beside the endpoint ({@code /metrics}), which answers GET.
     */
    public Answer screenHostAndOrigin(RequestHead head) {
        if (!hostAllowed(head)) {
            return plainError(403, "Forbidden: Host header not allowed");
        }
        if (!originAllowed(head.header("Origin"))) {
            return plainError(403, "Forbidden: Origin not allowed");
        }
        return null;
    }

    /**
     * The Streamable HTTP transport has the client send JSON-RPC as {@code application/json}; a body declared as
     * another type (a form, plain text) is refused rather than parsed. A POST without the header is read as JSON.
     */
    private static Answer screenContentType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String essence = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
        if (essence.equalsIgnoreCase("application/json")) {
            return null;
        }
        return Answer.of(
                415,
                Reply.error(
                        null,
                        RpcError.of(
                                JsonRpc.INVALID_REQUEST,
                                "Unsupported Media Type: the body must be JSON-RPC sent as Content-Type:"
                                        + " application/json, not "
                                        + (essence.length() > 100 ? essence.substring(0, 100) + "..." : essence))));
    }

    /** The answer to a body over {@link #maxRequestBytes()}. */
    public Answer tooLarge() {
        return Answer.of(
                413,
                Reply.error(
                        null,
                        RpcError.of(
                                JsonRpc.INVALID_REQUEST,
                                "Request too large: the body exceeds " + options.maxRequestBytes() + " bytes")));
    }

    /** Ends the legacy session the request names (DELETE). */
    public Answer delete(RequestHead head) {
        String id = head.header(SESSION_HEADER);
        if (id == null) {
            return plainError(400, "Bad request: DELETE needs an Mcp-Session-Id header");
        }
        if (!sessions.end(id)) {
            return Answer.of(
                    404,
                    Reply.error(
                            null, RpcError.of(JsonRpc.SESSION_NOT_FOUND, "Session not found: it ended or expired")));
        }
        return Answer.of(204, null);
    }

    /**
     * The scope of the calls one POST starts, counted against its client's budget. Telemetry: the request's
     * {@code traceparent} and {@code tracestate} headers, when well-formed, are the trace its calls continue (a
     * message's own {@code params._meta} context wins).
     */
    public CallScope scope(RequestHead head) {
        return new CallScope(
                budgets.forClient(head.remoteAddress()),
                TraceContext.of(head.header(TraceContext.TRACEPARENT), head.header(TraceContext.TRACESTATE)));
    }

    /**
     * Answers a POST's body. The future never completes exceptionally; it completes when the frame's work is done
     * (a tool call may take long: the caller keeps the client's connection alive meanwhile, or not).
     *
     * @param caller whom inbound authorization admitted ({@link Caller#LOCAL} without it): the tools it may see and
     *               call, and what a target may send upstream of it. A session carries no caller: each request is
     *               answered as its own caller, so a session id alone grants nothing.
     * @param scope  from {@link #scope}; the transport cancels it when the client goes away
     * @param sink   where progress notifications go (a stream, or nowhere)
     */
    public CompletableFuture<Answer> post(
            RequestHead head, Caller caller, byte[] body, CallScope scope, NotificationSink sink) {
        McpServer answering = server.forCaller(caller);
        Frame frame = FrameParser.parse(body);
        if (frame instanceof Frame.Invalid invalid) {
            return done(400, Reply.error(invalid.id(), invalid.error()));
        }
        Message single = frame instanceof Frame.Single s ? s.message() : null;
        String modern;
        try {
            modern = single == null ? null : McpServer.modernVersion(single);
        } catch (ProtocolException e) {
            return done(400, Reply.error(single.id(), e.error()));
        }
        if (modern != null && !"initialize".equals(single.method())) {
            return postModern(answering, head, single, modern, scope, sink);
        }
        return postLegacy(answering, head, frame, single, scope, sink);
    }

    private CompletableFuture<Answer> postModern(
            McpServer answering,
            RequestHead head,
            Message message,
            String version,
            CallScope scope,
            NotificationSink sink) {
        String mismatch = modernHeaderMismatch(head, message, version);
        if (mismatch != null) {
            return done(
                    400,
                    Reply.error(message.id(), RpcError.of(JsonRpc.HEADER_MISMATCH, "Header mismatch: " + mismatch)));
        }
        // The modern era has no sessions: each request is its own, ended by its stream.
        return dispatch(answering, new Frame.Single(message), new ClientSession(null), null, true, scope, sink);
    }

    private static String modernHeaderMismatch(RequestHead head, Message message, String version) {
        String headerVersion = head.header(VERSION_HEADER);
        if (!version.equals(headerVersion)) {
            return VERSION_HEADER + " is " + quoted(headerVersion) + " but _meta names \"" + version + "\"";
        }
        String method = head.header(METHOD_HEADER);
        if (!message.method().equals(method)) {
            return METHOD_HEADER + " is " + quoted(method) + " but the body's method is \"" + message.method() + "\"";
        }
        if ("tools/call".equals(message.method())) {
            String name = head.header(NAME_HEADER);
            if (!Objects.equals(message.nameParam(), name)) {
                return NAME_HEADER + " is " + quoted(name) + " but params.name is " + quoted(message.nameParam());
            }
        }
        return null;
    }

    private CompletableFuture<Answer> postLegacy(
            McpServer answering,
            RequestHead head,
            Frame frame,
            Message single,
            CallScope scope,
            NotificationSink sink) {
        String headerVersion = head.header(VERSION_HEADER);
        if (headerVersion != null && !ProtocolVersions.isSupported(headerVersion)) {
            return done(
                    400,
                    Reply.error(
                            idOf(single),
                            McpServer.unsupportedVersion(headerVersion).error()));
        }
        if (single != null && "initialize".equals(single.method())) {
            Sessions.Found created = sessions.create(head.remoteAddress());
            if (created.session() == null) {
                return done(
                        created.refusal().code() == JsonRpc.SERVER_BUSY ? 503 : 400,
                        Reply.error(single.id(), created.refusal()));
            }
            return dispatch(answering, frame, created.session(), created.session(), false, scope, sink);
        }
        String id = head.header(SESSION_HEADER);
        if (id == null && initializesInBatch(frame)) {
            // The client did send initialize, so "send initialize first" would send it in circles.
            return done(
                    400,
                    Reply.error(
                            null,
                            RpcError.of(
                                    JsonRpc.INVALID_REQUEST,
                                    "Invalid request: initialize must not be part of a JSON-RPC batch; send it alone")));
        }
        if (id == null) {
            return done(
                    400,
                    Reply.error(
                            idOf(single),
                            RpcError.of(
                                    JsonRpc.INVALID_REQUEST,
                                    "Bad request: missing Mcp-Session-Id header; send initialize first, or name the protocol version in _meta[\""
                                            + ProtocolVersions.META_PROTOCOL_VERSION + "\"]")));
        }
        Sessions.Found found = sessions.find(id, head.remoteAddress());
        if (found.refusal() != null) {
            return done(503, Reply.error(idOf(single), found.refusal()));
        }
        ClientSession session = found.session();
        if (session == null) {
            return done(
                    404,
                    Reply.error(
                            idOf(single),
                            RpcError.of(
                                    JsonRpc.SESSION_NOT_FOUND,
                                    "Session not found: it ended or expired; initialize again")));
        }
        if (headerVersion != null
                && session.protocolVersion() != null
                && !headerVersion.equals(session.protocolVersion())) {
            return done(
                    400,
                    Reply.error(
                            idOf(single),
                            RpcError.of(
                                    JsonRpc.INVALID_REQUEST,
                                    "Bad request: " + VERSION_HEADER + " is \"" + headerVersion
                                            + "\" but the session negotiated \"" + session.protocolVersion() + "\"")));
        }
        return dispatch(answering, frame, session, null, false, scope, sink);
    }

    private static boolean initializesInBatch(Frame frame) {
        return frame instanceof Frame.Batch batch
                && batch.elements().stream()
                        .anyMatch(element -> element instanceof Frame.Single single
                                && "initialize".equals(single.message().method()));
    }

    /** Runs the frame; a successful {@code initialize} gets its session id, a failed one loses its session. */
    private CompletableFuture<Answer> dispatch(
            McpServer answering,
            Frame frame,
            ClientSession session,
            ClientSession newSession,
            boolean modern,
            CallScope scope,
            NotificationSink sink) {
        return answering.handle(frame, session, scope, sink).thenApply(done -> {
            if (done == null) {
                return Answer.of(202, null);
            }
            if (newSession != null) {
                if (done.isError()) {
                    sessions.abandon(newSession);
                } else {
                    return new Answer(
                            statusFor(done, modern), done, Map.of(SESSION_HEADER, sessions.established(newSession)));
                }
            }
            return Answer.of(statusFor(done, modern), done);
        });
    }

    private static int statusFor(Reply reply, boolean modern) {
        if (!reply.isError()) {
            return 200;
        }
        return switch (reply.error().code()) {
            case JsonRpc.METHOD_NOT_FOUND -> modern ? 404 : 200;
            case JsonRpc.HEADER_MISMATCH, JsonRpc.UNSUPPORTED_PROTOCOL_VERSION, JsonRpc.PARSE_ERROR -> 400;
            default -> 200;
        };
    }

    private boolean hostAllowed(RequestHead head) {
        String host = head.host();
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        return LOOPBACK.contains(name)
                || options.allowedHosts().contains(name)
                || options.allowedHosts().contains("*")
                || name.equalsIgnoreCase(head.routedHost());
    }

    private boolean originAllowed(String origin) {
        if (origin == null) {
            return true; // non-browser clients send none; DNS rebinding needs a browser, which always sends one
        }
        return options.allowedOrigins().contains("*") || originNamed(origin);
    }

    /**
     * Whether browser scripts of this origin may use the endpoint (CORS): a loopback origin or one listed by name.
     * A {@code *} in the allowed origins admits every Origin header but grants no web page that.
     */
    boolean originNamed(String origin) {
        if (options.allowedOrigins().contains(origin)) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String host = uri.getHost();
            return host != null
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && LOOPBACK.contains(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A transport-level error with no request id. */
    public static Answer plainError(int status, String message) {
        return Answer.of(status, Reply.error(null, RpcError.of(JsonRpc.INVALID_REQUEST, message)));
    }

    private static CompletableFuture<Answer> done(int status, Reply reply) {
        return CompletableFuture.completedFuture(Answer.of(status, reply));
    }

    /**
     * The id an error about this message answers: a client's response carries the id of the server's request, and
     * an error with that id would look to the client like the answer to its own request of the same id.
     */
    private static JsonNode idOf(Message message) {
        return message == null || message.isResponse() ? null : message.id();
    }

    private static String quoted(String value) {
        return value == null ? "absent" : "\"" + value + "\"";
    }
}
