package dev.apigwmcp.runtime.transport;

import dev.apigwmcp.runtime.protocol.Reply;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.LongSupplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Writes one POST's answer. A quick answer is plain JSON with a known length. A call that runs long keeps its
 * connection alive and proves it open by writing while it runs: an SSE-capable request becomes an SSE stream
 * (notifications, comment heartbeats, then the reply); a JSON-only request gets its {@code application/json}
 * body started with whitespace, which JSON allows before a value, and the reply follows. Jetty only notices a
 * client that went away when it writes, so these writes are how a closed connection turns into a cancelled call,
 * and why no idle timeout cuts a long call short.
 *
 * <p>Nothing here blocks: Jetty allows one outstanding write per response, so writes queue and each starts when the
 * previous one completes. The exchange's callback is completed exactly once.
 */
final class ResponseWriter {
    private static final byte[] DATA = "event: message\ndata: ".getBytes(StandardCharsets.UTF_8);
    private static final byte[] KEEPALIVE = ": keepalive\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SPACE = {' '};
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.UTF_8);

    private enum Mode {
        UNCOMMITTED,
        SSE,
        JSON
    }

    private record Write(ByteBuffer buffer, boolean last) {}

    private final Response response;
    private final Callback callback;
    private final AcceptedTypes accepted;
    private final LongSupplier clock;
    private final Queue<Write> queue = new ArrayDeque<>();
    private Mode mode = Mode.UNCOMMITTED;
    private boolean writing;
    private long writingSince;
    /** The last write is queued or done: nothing more is accepted. */
    private boolean finished;

    private boolean failed;
    private boolean completed;

    ResponseWriter(Response response, Callback callback, AcceptedTypes accepted, LongSupplier nanoClock) {
        this.response = response;
        this.callback = callback;
        this.accepted = accepted;
        this.clock = nanoClock;
    }

    /** Sends a notification as an SSE event, starting the stream if needed; dropped when the client takes no SSE. */
    synchronized void event(byte[] frame) {
        if (finished || failed || !accepted.sse() || mode == Mode.JSON) {
            return;
        }
        startStream(Mode.SSE);
        enqueue(sse(frame), false);
    }

    /**
     * Writes a heartbeat on a call that is still running. Returns {@code false} once the client is known to be
     * gone: a write failed, or one has waited longer than {@code stallNanos} for the client to read.
     */
    synchronized boolean heartbeat(long stallNanos) {
        if (failed) {
            return false;
        }
        if (finished) {
            return true;
        }
        if (writing) {
            return clock.getAsLong() - writingSince < stallNanos;
        }
        startStream(accepted.sse() ? Mode.SSE : Mode.JSON);
        enqueue(ByteBuffer.wrap(mode == Mode.SSE ? KEEPALIVE : SPACE), false);
        return !failed;
    }

    /**
     * Writes the reply and completes the exchange. An optional reply (the client ended the request itself) is left
     * out of an SSE stream, which may end without one; a JSON body cannot, so it gets the reply. A client that takes
     * only SSE gets a quick 200 reply as a stream of one event too; an error status stays a JSON body.
     */
    synchronized void finish(Reply reply, int status) {
        if (finished || failed) {
            return;
        }
        finished = true;
        if (mode == Mode.UNCOMMITTED && accepted.sseOnly() && status == HttpStatus.OK_200) {
            startStream(Mode.SSE);
        }
        switch (mode) {
            case SSE -> enqueue(reply.isOptional() ? ByteBuffer.allocate(0) : sse(reply.bytes()), true);
            case JSON -> enqueueParts(reply.buffers());
            case UNCOMMITTED -> {
                response.setStatus(status);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                // A known length lets Jetty send headers and body in one write, without chunked framing.
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.length());
                enqueueParts(reply.buffers());
            }
        }
    }

    /** No reply (the POST held only notifications or client responses): 202 Accepted with no body. */
    synchronized void accepted() {
        if (finished || failed) {
            return;
        }
        finished = true;
        if (mode == Mode.UNCOMMITTED) {
            response.setStatus(HttpStatus.ACCEPTED_202);
            complete(null);
        } else {
            enqueue(ByteBuffer.allocate(0), true);
        }
    }

    /** The connection failed: nothing more can be written; Jetty still needs the exchange completed. */
    synchronized void abort(Throwable failure) {
        if (!failed) {
            failed = true;
            queue.clear();
            complete(failure);
        }
    }

    private void startStream(Mode streaming) {
        if (mode != Mode.UNCOMMITTED) {
            return;
        }
        mode = streaming;
        response.setStatus(HttpStatus.OK_200);
        if (streaming == Mode.SSE) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        } else {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        }
    }

    /** Queues the reply's parts (a large page is not copied into one array first), the last one ending it. */
    private void enqueueParts(ByteBuffer[] parts) {
        for (int i = 0; i < parts.length; i++) {
            enqueue(parts[i], i == parts.length - 1);
        }
    }

    private void enqueue(ByteBuffer buffer, boolean last) {
        queue.add(new Write(buffer, last));
        if (!writing) {
            writeNext();
        }
    }

    private void writeNext() {
        Write next = queue.poll();
        if (next == null || failed) {
            return;
        }
        writing = true;
        writingSince = clock.getAsLong();
        response.write(next.last(), next.buffer(), Callback.from(() -> written(next), this::writeFailed));
    }

    private synchronized void written(Write write) {
        writing = false;
        if (write.last()) {
            complete(null);
        } else {
            writeNext();
        }
    }

    private synchronized void writeFailed(Throwable failure) {
        writing = false;
        failed = true;
        queue.clear();
        complete(failure);
    }

    private void complete(Throwable failure) {
        if (completed) {
            return;
        }
        completed = true;
        if (failure == null) {
            callback.succeeded();
        } else {
            callback.failed(failure);
        }
    }

    private static ByteBuffer sse(byte[] frame) {
        ByteBuffer buffer = ByteBuffer.allocate(DATA.length + frame.length + END.length);
        buffer.put(DATA).put(frame).put(END).flip();
        return buffer;
    }
}
