package dev.apigwmcp.runtime.protocol;

import dev.apigwmcp.runtime.tools.CallContext;
import dev.apigwmcp.runtime.tools.Caller;
import dev.apigwmcp.runtime.tools.ProgressListener;
import dev.apigwmcp.runtime.tools.ToolService;
import dev.apigwmcp.runtime.tools.TraceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The MCP server logic of a tools-only server, for both eras on one endpoint: a request naming a version in
 * {@code _meta} is handled in the modern (2026-07-28) style; anything else follows the legacy handshake kept in
 * a {@link ClientSession}. Transport-neutral: it takes parsed messages and gives back serialised replies.
 */
public final class McpServer {
    private static final Logger LOG = LoggerFactory.getLogger(McpServer.class);
    private static final Set<String> LOG_LEVELS =
            Set.of("debug", "info", "notice", "warning", "error", "critical", "alert", "emergency");

    private final ToolService tools;
    private final ServerOptions options;
    private final ObjectNode serverInfo;
    private final ToolPages pages;
    private final byte[] discoverResult;
    /** Inbound authorization: whom this server answers ({@link #forCaller}) and the tools each caller may use. */
    private final Caller caller;

    private final ToolVisibility visibility;
    private final RefusedCalls refusals;

    public McpServer(ToolService tools, ServerOptions options) {
        this(tools, options, false);
    }

    /**
     * @param listsVaryByCaller whether callers' scopes choose the tools they see ({@link Caller#readOnlyTools()}),
     *                          so that {@code tools/list} results are marked as not shareable between callers
     */
    public McpServer(ToolService tools, ServerOptions options, boolean listsVaryByCaller) {
        this(tools, options, listsVaryByCaller, RefusedCalls.NONE);
    }

    /**
     * @param listsVaryByCaller as above
     * @param refusals          told of every tool call refused at admission (for telemetry)
     */
    public McpServer(ToolService tools, ServerOptions options, boolean listsVaryByCaller, RefusedCalls refusals) {
        this.tools = Objects.requireNonNull(tools, "tools");
        this.options = Objects.requireNonNull(options, "options");
        this.refusals = Objects.requireNonNull(refusals, "refusals");
        this.serverInfo = JsonRpc.NODES.objectNode().put("name", options.name()).put("version", options.version());
        this.caller = Caller.LOCAL;
        this.visibility = new ToolVisibility(tools, options, serverInfo, listsVaryByCaller);
        this.pages = visibility.pages(caller);
        this.discoverResult = JsonRpc.MAPPER.writeValueAsBytes(discover());
    }

    private McpServer(McpServer root, Caller caller) {
        this.tools = root.tools;
        this.options = root.options;
        this.serverInfo = root.serverInfo;
        this.discoverResult = root.discoverResult;
        this.visibility = root.visibility;
        this.refusals = root.refusals;
        this.caller = caller;
        this.pages = visibility.pages(caller);
    }

    /**
     * This server answering one caller: it lists and calls only the tools the caller may use, and hands the caller
     * to the tool side with each call. Cheap (the catalog is shared); the HTTP transport makes one per request.
     */
    public McpServer forCaller(Caller who) {
        return who == null || who.equals(caller) ? this : new McpServer(this, who);
    }

    public ServerOptions options() {
        return options;
    }

    /** Number of pre-serialised {@code tools/list} pages. */
    public int toolPageCount() {
        return pages.pageCount();
    }

    /**
     * Handles a parsed frame. The future completes with the reply, or with {@code null} when nothing is to be
     * answered (the frame held only notifications and client responses). A request always gets a reply, even
     * when its call ends without a result ({@link Reply#isOptional()} marks those the client itself ended). It
     * never completes exceptionally.
     *
     * @param session the legacy session, or {@code null} on a transport request without one (modern HTTP)
     * @param scope   the calls this frame starts, for the transport to cancel when its client goes away
     * @param sink    where progress notifications for this request go
     */
    public CompletableFuture<Reply> handle(Frame frame, ClientSession session, CallScope scope, NotificationSink sink) {
        if (frame instanceof Frame.Invalid invalid) {
            return CompletableFuture.completedFuture(Reply.error(invalid.id(), invalid.error()));
        }
        if (frame instanceof Frame.Single single) {
            return handle(single.message(), session, scope, sink);
        }
        return batch((Frame.Batch) frame, session, scope, sink);
    }

    /** {@link #handle(Frame, ClientSession, CallScope, NotificationSink)} in a scope of its own. */
    public CompletableFuture<Reply> handle(Frame frame, ClientSession session, NotificationSink sink) {
        return handle(frame, session, new CallScope(), sink);
    }

    private CompletableFuture<Reply> batch(
            Frame.Batch batch, ClientSession session, CallScope scope, NotificationSink sink) {
        String version = session == null ? null : session.protocolVersion();
        if (!ProtocolVersions.allowsBatches(version)) {
            return CompletableFuture.completedFuture(Reply.error(
                    null,
                    RpcError.of(
                            JsonRpc.INVALID_REQUEST,
                            "Invalid request: JSON-RPC batches are only accepted after initialize negotiated "
                                    + ProtocolVersions.V2025_03_26)));
        }
        List<CompletableFuture<Reply>> parts = new ArrayList<>();
        int requests = 0;
        for (Frame element : batch.elements()) {
            Message message = element instanceof Frame.Single single ? single.message() : null;
            boolean request = message != null && message.id() != null && !message.isResponse();
            if (request && ++requests > options.maxBatchRequests()) {
                // Refused one by one, so that each request still gets its answer and none of them starts work.
                if ("tools/call".equals(message.method())) {
                    refused(message.nameParam());
                }
                parts.add(CompletableFuture.completedFuture(Reply.error(
                        message.id(),
                        RpcError.limit(
                                "Server busy: a batch may carry at most " + options.maxBatchRequests()
                                        + " requests; send the rest in another batch",
                                "max-batch-requests",
                                options.maxBatchRequests()))));
            } else if (message != null && "initialize".equals(message.method())) {
                parts.add(CompletableFuture.completedFuture(Reply.error(
                        message.id(),
                        RpcError.of(
                                JsonRpc.INVALID_REQUEST, "Invalid request: initialize must not be part of a batch"))));
            } else {
                parts.add(handle(element, session, scope, sink));
            }
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            List<byte[]> frames = new ArrayList<>();
            for (CompletableFuture<Reply> part : parts) {
                Reply reply = part.join();
                if (reply != null) {
                    frames.add(reply.bytes());
                }
            }
            return frames.isEmpty() ? null : Reply.of(JsonRpc.array(frames));
        });
    }

    /** Handles one message; see {@link #handle(Frame, ClientSession, CallScope, NotificationSink)}. */
    public CompletableFuture<Reply> handle(
            Message message, ClientSession session, CallScope scope, NotificationSink sink) {
        if (message.isResponse()) {
            return CompletableFuture.completedFuture(null);
        }
        if (message.isNotification() && !message.method().startsWith("notifications/")) {
            // A request without an id: MCP requires ids and JSON-RPC forbids answering a notification, so it is
            // dropped unrun; run, it would be work nobody can cancel, limit or read the answer of.
            LOG.debug("Ignored {} sent without an id", message.method());
            return CompletableFuture.completedFuture(null);
        }
        try {
            CompletableFuture<Reply> reply = dispatch(message, session, scope, sink);
            return message.isNotification() ? reply.thenApply(ignored -> null) : reply;
        } catch (ProtocolException e) {
            return CompletableFuture.completedFuture(
                    message.isNotification() ? null : Reply.error(message.id(), e.error()));
        } catch (RuntimeException e) {
            LOG.error("Internal error handling {}: {}", message.method(), e.toString());
            return CompletableFuture.completedFuture(
                    message.isNotification()
                            ? null
                            : Reply.error(
                                    message.id(),
                                    RpcError.of(
                                            JsonRpc.INTERNAL_ERROR, "Internal error handling " + message.method())));
        }
    }

    /** The era a message belongs to, and for modern messages the version they name (validated). */
    public static String modernVersion(Message message) {
        ObjectNode meta = message.meta();
        JsonNode version = meta == null ? null : meta.get(ProtocolVersions.META_PROTOCOL_VERSION);
        if (version == null || version.isNull()) {
            return null;
        }
        String text = version.isString() ? version.asString() : version.toString();
        if (ProtocolVersions.isModern(text)) {
            return text;
        }
        if (ProtocolVersions.isLegacy(text)) {
            // A legacy client that echoes its negotiated version in _meta stays in its session.
            return null;
        }
        throw unsupportedVersion(text);
    }

    public static ProtocolException unsupportedVersion(String requested) {
        ObjectNode data = JsonRpc.NODES.objectNode();
        data.put("requested", requested);
        ArrayNode supported = data.putArray("supported");
        ProtocolVersions.ALL.forEach(supported::add);
        return new ProtocolException(new RpcError(
                JsonRpc.UNSUPPORTED_PROTOCOL_VERSION,
                "Unsupported protocol version \"" + requested + "\"; supported: "
                        + String.join(", ", ProtocolVersions.ALL),
                data));
    }

    private CompletableFuture<Reply> dispatch(
            Message message, ClientSession session, CallScope scope, NotificationSink sink) {
        String modern = modernVersion(message);
        if (modern != null && !"initialize".equals(message.method())) {
            return modern(message, session, scope, sink);
        }
        return legacy(message, session, scope, sink);
    }

    private CompletableFuture<Reply> modern(
            Message message, ClientSession session, CallScope scope, NotificationSink sink) {
        return switch (message.method()) {
            case "server/discover" -> done(JsonRpc.result(message.id(), discoverResult));
            case "tools/list" ->
                CompletableFuture.completedFuture(Reply.result(
                        message.id(),
                        pages.page(ToolPages.Flavour.MODERN, message.params().get("cursor"))));
            case "tools/call" -> call(message, session, scope, sink, ProtocolVersions.MODERN);
            case "notifications/cancelled" -> cancelled(message, session);
            default -> message.method().startsWith("notifications/") ? done(null) : methodNotFound(message);
        };
    }

    private CompletableFuture<Reply> legacy(
            Message message, ClientSession session, CallScope scope, NotificationSink sink) {
        if (session != null && !message.isNotification() && !"initialize".equals(message.method())) {
            session.markUsed();
        }
        switch (message.method()) {
            case "initialize":
                return initialize(message, session);
            case "ping":
                return done(JsonRpc.result(message.id(), JsonRpc.NODES.objectNode()));
            case "server/discover":
                // Discovery is how a client learns which era to use, so it is answered without a version.
                return done(JsonRpc.result(message.id(), discoverResult));
            case "notifications/initialized":
                if (session != null) {
                    session.markInitialized();
                }
                return done(null);
            case "notifications/cancelled":
                return cancelled(message, session);
            default:
                break;
        }
        if (message.method().startsWith("notifications/")) {
            return done(null);
        }
        if (!"tools/list".equals(message.method())
                && !"tools/call".equals(message.method())
                && !"logging/setLevel".equals(message.method())) {
            return methodNotFound(message);
        }
        String version = session == null ? null : session.protocolVersion();
        if (version == null) {
            throw new ProtocolException(
                    JsonRpc.INVALID_REQUEST,
                    "Invalid request: " + message.method()
                            + " before initialize; send initialize first, or name the protocol version in _meta[\""
                            + ProtocolVersions.META_PROTOCOL_VERSION + "\"]");
        }
        return switch (message.method()) {
            case "tools/list" ->
                CompletableFuture.completedFuture(Reply.result(
                        message.id(),
                        pages.page(
                                ProtocolVersions.hasStructuredOutput(version)
                                        ? ToolPages.Flavour.LEGACY
                                        : ToolPages.Flavour.LEGACY_2025_03_26,
                                message.params().get("cursor"))));
            case "tools/call" -> call(message, session, scope, sink, version);
            default -> setLevel(message, session);
        };
    }

    private CompletableFuture<Reply> initialize(Message message, ClientSession session) {
        JsonNode requested = message.params().get("protocolVersion");
        if (requested == null || !requested.isString()) {
            throw new ProtocolException(
                    JsonRpc.INVALID_PARAMS, "Invalid params: initialize needs params.protocolVersion (a string)");
        }
        String version = ProtocolVersions.negotiate(requested.asString());
        if (session == null) {
            throw new ProtocolException(JsonRpc.INTERNAL_ERROR, "Internal error: initialize without a session");
        }
        session.negotiated(version);
        session.clientCapabilities(capabilityNames(message.params().get("capabilities")));
        return done(JsonRpc.result(message.id(), Handshake.result(version, options)));
    }

    /**
     * The names of the client's capabilities that look like capability names (at most {@value Handshake#MAX_CAPABILITIES});
     * the values are not kept, as a tools-only server asks the client for nothing.
     */
    private static Set<String> capabilityNames(JsonNode capabilities) {
        Set<String> names = new TreeSet<>();
        if (capabilities != null && capabilities.isObject()) {
            for (String name : capabilities.propertyNames()) {
                if (names.size() < Handshake.MAX_CAPABILITIES
                        && Handshake.CAPABILITY_NAME.matcher(name).matches()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private ObjectNode discover() {
        ObjectNode result = JsonRpc.NODES.objectNode();
        ArrayNode versions = result.putArray("supportedVersions");
        ProtocolVersions.ALL.forEach(versions::add);
        result.putObject("capabilities").putObject("tools").put("listChanged", false);
        if (options.instructions() != null) {
            result.put("instructions", options.instructions());
        }
        result.put("ttlMs", options.listTtlMs());
        result.put("cacheScope", "public");
        result.put("resultType", "complete");
        result.putObject("_meta").set(ProtocolVersions.META_SERVER_INFO, serverInfo);
        return result;
    }

    private CompletableFuture<Reply> setLevel(Message message, ClientSession session) {
        JsonNode level = message.params().get("level");
        if (level == null || !level.isString() || !LOG_LEVELS.contains(level.asString())) {
            throw new ProtocolException(
                    JsonRpc.INVALID_PARAMS,
                    "Invalid params: logging/setLevel needs params.level, one of "
                            + String.join(", ", LOG_LEVELS.stream().sorted().toList()));
        }
        session.logLevel(level.asString());
        return done(JsonRpc.result(message.id(), JsonRpc.NODES.objectNode()));
    }

    private CompletableFuture<Reply> cancelled(Message message, ClientSession session) {
        JsonNode requestId = message.params().get("requestId");
        if (session != null && requestId != null && (requestId.isString() || requestId.isNumber())) {
            if (session.cancelRequest(requestId)) {
                LOG.debug("Cancelled request {}", requestId);
            }
        }
        return done(null);
    }

    private CompletableFuture<Reply> call(
            Message message, ClientSession session, CallScope scope, NotificationSink sink, String version) {
        String name = message.nameParam();
        if (name == null) {
            throw new ProtocolException(
                    JsonRpc.INVALID_PARAMS, "Invalid params: tools/call needs params.name (a string)");
        }
        if (!tools.hasTool(name)) {
            throw new ProtocolException(JsonRpc.INVALID_PARAMS, "Invalid params: unknown tool \"" + name + "\"");
        }
        if (!visibility.allows(caller, name)) {
            throw new ProtocolException(
                    JsonRpc.INVALID_PARAMS,
                    "Invalid params: tool \"" + name + "\" may change"
                            + " data, and the caller's token allows read-only tools only (it lacks the write scope)");
        }
        JsonNode arguments = message.params().get("arguments");
        if (arguments != null && !arguments.isObject() && !arguments.isNull()) {
            throw new ProtocolException(
                    JsonRpc.INVALID_PARAMS, "Invalid params: arguments of tool \"" + name + "\" must be an object");
        }
        InFlightCall admitted = admit(message.id(), name, session, scope);
        ObjectNode meta = message.meta();
        JsonNode token = meta == null ? null : meta.get("progressToken");
        ProgressEmitter emitter =
                token != null && (token.isString() || token.isNumber()) ? new ProgressEmitter(token, sink) : null;
        // Telemetry: the request's id, revision and trace context (SEP-414: params._meta.traceparent; else the
        // transport request's, such as HTTP traceparent headers).
        TraceContext trace = TraceContext.fromMeta(meta);
        CallContext context = new CallContext(
                message.id() == null
                        ? null
                        : message.id().isString()
                                ? message.id().asString()
                                : message.id().toString(),
                version,
                trace != null ? trace : scope.trace());
        CompletableFuture<ObjectNode> call;
        try {
            call = tools.call(name, arguments, emitter == null ? ProgressListener.NONE : emitter, caller, context);
        } catch (RuntimeException e) {
            end(admitted, session, scope);
            throw e;
        }
        admitted.attach(call);
        return call.handle((result, failure) -> {
            if (emitter != null) {
                emitter.close();
            }
            end(admitted, session, scope);
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause()
                        : failure;
                if (cause instanceof CancellationException) {
                    return cancelledReply(message.id(), name, admitted.reason());
                }
                LOG.error("Tool {} failed unexpectedly: {}", name, cause.toString());
                return Reply.error(
                        message.id(),
                        RpcError.of(JsonRpc.INTERNAL_ERROR, "Internal error while calling tool \"" + name + "\""));
            }
            if (result == null) {
                LOG.error("Tool {} returned no result", name);
                return Reply.error(
                        message.id(),
                        RpcError.of(JsonRpc.INTERNAL_ERROR, "Internal error while calling tool \"" + name + "\""));
            }
            return Reply.of(JsonRpc.result(message.id(), shape(result, version)));
        });
    }

    /**
     * Admits a call of {@code tool} under the session's limit (which also refuses an id already in flight) and the
     * scope's budget (for example the client address's), or throws the error that refuses it; each refusal is told
     * to the {@link RefusedCalls} listener.
     */
    private InFlightCall admit(JsonNode id, String tool, ClientSession session, CallScope scope) {
        InFlightCall call = new InFlightCall(id);
        if (session != null) {
            RpcError refused = session.admit(call, options.maxCallsPerSession());
            if (refused != null) {
                refused(tool);
                throw new ProtocolException(refused);
            }
        }
        RpcError refused = scope.acquire();
        if (refused != null) {
            if (session != null) {
                session.finished(call);
            }
            refused(tool);
            throw new ProtocolException(refused);
        }
        scope.add(call);
        return call;
    }

    /** Telemetry: a refused call counts as a throttle, under its tool when it names one of this server's. */
    private void refused(String tool) {
        refusals.refused(tool != null && tools.hasTool(tool) ? tool : null);
    }

    private static void end(InFlightCall call, ClientSession session, CallScope scope) {
        scope.remove(call);
        scope.release();
        if (session != null) {
            session.finished(call);
        }
    }

    /**
     * The answer to a call that ended without a result. Still an answer: a plain JSON POST must get one, and an
     * empty body would leave the client guessing; when the client ended the call itself, transports that can
     * stay silent do.
     */
    private static Reply cancelledReply(JsonNode id, String name, CancelReason reason) {
        String because = reason == null ? "it was cancelled before it finished" : reason.because();
        RpcError error = RpcError.of(
                JsonRpc.REQUEST_CANCELLED, "Request cancelled: tool \"" + name + "\" was stopped because " + because);
        return reason != null && reason.clientSide() ? Reply.optional(id, error) : Reply.error(id, error);
    }

    /** Adapts a {@code CallToolResult} to the client's revision, on a shallow copy (the tool side may share nodes). */
    private static ObjectNode shape(ObjectNode result, String version) {
        ObjectNode copy = JsonRpc.NODES.objectNode();
        copy.setAll(result);
        if (ProtocolVersions.isModern(version)) {
            copy.put("resultType", "complete");
        } else {
            copy.remove("resultType");
            if (!ProtocolVersions.hasStructuredOutput(version)) {
                copy.remove("structuredContent");
            } else {
                JsonNode structured = copy.get("structuredContent");
                if (structured != null && !structured.isObject()) {
                    // Legacy revisions require an object; the modern one allows any JSON value.
                    copy.set("structuredContent", JsonRpc.NODES.objectNode().set("result", structured));
                }
            }
        }
        return copy;
    }

    private static CompletableFuture<Reply> methodNotFound(Message message) {
        throw new ProtocolException(JsonRpc.METHOD_NOT_FOUND, "Method not found: " + message.method());
    }

    private static CompletableFuture<Reply> done(byte[] bytes) {
        return CompletableFuture.completedFuture(bytes == null ? null : Reply.of(bytes));
    }
}
