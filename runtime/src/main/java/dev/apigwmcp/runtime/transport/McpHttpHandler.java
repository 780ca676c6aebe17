package dev.apigwmcp.runtime.transport;

import dev.apigwmcp.runtime.protocol.CallScope;
import dev.apigwmcp.runtime.protocol.CancelReason;
import dev.apigwmcp.runtime.protocol.JsonRpc;
import dev.apigwmcp.runtime.protocol.Reply;
import dev.apigwmcp.runtime.protocol.RpcError;
import dev.apigwmcp.runtime.telemetry.MetricsRegistry;
import dev.apigwmcp.runtime.tools.Caller;
import java.nio.ByteBuffer;
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
 * The one MCP endpoint on Jetty: {@link McpEndpoint} decides, this handler reads the body without holding a worker
 * thread (under {@link ReadDeadlines}) and writes the answer as JSON or, when progress is streamed, as SSE, keeping
 * long calls alive with {@link Heartbeats}.
 */
final class McpHttpHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(McpHttpHandler.class);
    static final String SESSION_HEADER = McpEndpoint.SESSION_HEADER;

    private final McpEndpoint endpoint;
    private final String path;
    private final Heartbeats heartbeats;
    private final ReadDeadlines deadlines;
    /** Telemetry: served at {@link MetricsEndpoint#PATH} when not null. */
    private final MetricsEndpoint metrics;

    McpHttpHandler(
            McpEndpoint endpoint,
            String path,
            Heartbeats heartbeats,
            ReadDeadlines deadlines,
            MetricsRegistry metrics) {
        this.endpoint = endpoint;
        this.path = path;
        this.heartbeats = heartbeats;
        this.deadlines = deadlines;
        this.metrics = metrics == null ? null : new MetricsEndpoint(metrics);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        deadlines.begin(request);
        String requested = Request.getPathInContext(request);
        // Telemetry: /metrics shares the endpoint's connector (bind address), the handler in front of it and its
        // Host and Origin checks.
        if (metrics != null && MetricsEndpoint.PATH.equals(requested)) {
            McpEndpoint.Answer refused = endpoint.screenHostAndOrigin(new JettyHead(request));
            return refused != null ? write(response, callback, refused) : metrics.handle(request, response, callback);
        }
        if (!path.equals(requested)) {
            return false;
        }
        try {
            JettyHead head = new JettyHead(request);
            McpEndpoint.Answer screened = endpoint.screen(head);
            if (screened != null) {
                return write(response, callback, screened);
            }
            if ("DELETE".equals(request.getMethod())) {
                return write(response, callback, endpoint.delete(head));
            }
            post(request, response, callback, head);
            return true;
        } catch (RuntimeException e) {
            LOG.error("Internal error on {} {}: {}", request.getMethod(), path, e.toString());
            return write(
                    response, callback, McpEndpoint.plainError(HttpStatus.INTERNAL_SERVER_ERROR_500, "Internal error"));
        }
    }

    /**
     * Reads the body without holding a worker thread ({@link BodyReader}), under {@link ReadDeadlines}, then
     * answers it on whichever thread completed the read.
     */
    private void post(Request request, Response response, Callback callback, JettyHead head) {
        long declared = request.getLength();
        if (declared > endpoint.maxRequestBytes()) {
            write(response, callback, endpoint.tooLarge());
            return;
        }
        BodyReader reader = new BodyReader(request, endpoint.maxRequestBytes(), outcome -> {
            deadlines.read(request);
            try {
                answer(request, response, callback, head, outcome);
            } catch (RuntimeException e) {
                LOG.error("Internal error on POST {}: {}", path, e.toString());
                write(
                        response,
                        callback,
                        McpEndpoint.plainError(HttpStatus.INTERNAL_SERVER_ERROR_500, "Internal error"));
            }
        });
        deadlines.reading(request, reader);
        reader.run();
    }

    private void answer(
            Request request, Response response, Callback callback, JettyHead head, BodyReader.Outcome outcome) {
        if (outcome instanceof BodyReader.Outcome.Body body) {
            dispatch(request, response, callback, head, body.bytes());
        } else if (outcome instanceof BodyReader.Outcome.TimedOut late) {
            // The rest of the body may still trickle in: the connection cannot carry another request.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            write(response, callback, McpEndpoint.plainError(HttpStatus.REQUEST_TIMEOUT_408, late.why()));
        } else if (outcome instanceof BodyReader.Outcome.TooLarge) {
            write(response, callback, endpoint.tooLarge());
        } else {
            write(
                    response,
                    callback,
                    McpEndpoint.plainError(HttpStatus.BAD_REQUEST_400, "Bad request: could not read the body"));
        }
    }

    /**
     * Runs the body and writes its answer. Progress switches the response to SSE on the first notification (only
     * when the client accepts {@code text/event-stream}), and so does every reply to a client that accepts only
     * SSE ({@link AcceptedTypes}); a call that runs long is kept alive by heartbeats. A
     * failed connection, or a heartbeat that cannot be written, cancels the calls this POST started: only those,
     * whatever their ids.
     */
    private void dispatch(Request request, Response response, Callback callback, JettyHead head, byte[] body) {
        AcceptedTypes accepted = AcceptedTypes.of(request.getHeaders().get(HttpHeader.ACCEPT));
        ResponseWriter writer = new ResponseWriter(response, callback, accepted, System::nanoTime);
        CallScope scope = endpoint.scope(head);
        request.addFailureListener(failure -> {
            writer.abort(failure);
            scope.cancel(CancelReason.CLIENT_GONE);
        });
        // Inbound authorization: the caller the handler in front verified (HttpTransport.CALLER_ATTRIBUTE).
        Caller caller = request.getAttribute(HttpTransport.CALLER_ATTRIBUTE) instanceof Caller verified
                ? verified
                : Caller.LOCAL;
        CompletableFuture<McpEndpoint.Answer> answer = endpoint.post(head, caller, body, scope, writer::event);
        if (!answer.isDone()) {
            Runnable unwatch = heartbeats.watch(writer, () -> scope.cancel(CancelReason.CLIENT_GONE));
            answer.whenComplete((done, failure) -> unwatch.run());
        }
        answer.whenComplete((done, failure) -> {
            if (done == null) {
                LOG.error("Internal error on POST {}: {}", path, failure);
                writer.finish(
                        Reply.error(null, RpcError.of(JsonRpc.INTERNAL_ERROR, "Internal error")),
                        HttpStatus.INTERNAL_SERVER_ERROR_500);
                return;
            }
            done.headers().forEach((name, value) -> response.getHeaders().put(name, value));
            if (done.reply() == null) {
                writer.accepted();
            } else {
                writer.finish(done.reply(), done.status());
            }
        });
    }

    /** Writes an answer decided before any call started. */
    private static boolean write(Response response, Callback callback, McpEndpoint.Answer answer) {
        response.setStatus(answer.status());
        answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        if (answer.reply() == null) {
            callback.succeeded();
            return true;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(answer.reply().bytes()), callback);
        return true;
    }

    /** A Jetty request as the endpoint reads it. */
    record JettyHead(Request request) implements RequestHead {
        @Override
        public String method() {
            return request.getMethod();
        }

        @Override
        public String header(String name) {
            return request.getHeaders().get(name);
        }

        @Override
        public String host() {
            return Request.getServerName(request);
        }

        @Override
        public String remoteAddress() {
            return Request.getRemoteAddr(request);
        }
    }
}
