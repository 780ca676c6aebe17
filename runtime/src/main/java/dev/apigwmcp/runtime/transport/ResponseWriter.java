package dev.apigwmcp.runtime.transport;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import dev.apigwmcp.runtime.protocol.Reply;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Writes one POST's answer. It stays plain JSON unless a notification arrives first, in which case the response
 * becomes an SSE stream carrying the notifications and then the reply. Writes are serialised: Jetty allows one
 * outstanding write per response.
 */
final class ResponseWriter {
    private static final byte[] DATA = "event: message\ndata: ".getBytes(StandardCharsets.UTF_8);
    private static final byte[] KEEPALIVE = ": keepalive\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.UTF_8);

    private final Response response;
    private final Callback callback;
    private boolean streaming;
    private boolean finished;

    ResponseWriter(Response response, Callback callback) {
        this.response = response;
        this.callback = callback;
    }

    /** Sends a notification as an SSE event, starting the stream if needed. Blocks until written. */
    synchronized void event(byte[] frame) {
        if (finished) {
            return;
        }
        startStream();
        Callback.Completable written = new Callback.Completable();
        response.write(false, sse(frame), written);
        try {
            written.get();
        } catch (Exception e) {
            // The client closed the stream; the request's failure listener cancels the call.
            finished = true;
        }
    }

    /**
     * Sends an SSE comment on a call that is still running. Jetty only notices a client that went away when it
     * writes, so this is how a closed stream turns into a cancelled call; returns {@code false} once the stream
     * is gone.
     */
    synchronized boolean heartbeat() {
        if (finished) {
            return false;
        }
        startStream();
        Callback.Completable written = new Callback.Completable();
        response.write(false, ByteBuffer.wrap(KEEPALIVE), written);
        try {
            written.get(5, java.util.concurrent.TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private void startStream() {
        if (!streaming) {
            streaming = true;
            response.setStatus(HttpStatus.OK_200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        }
    }

    /** Writes the reply and completes the exchange. */
    synchronized void finish(Reply reply, int status) {
        if (finished) {
            return;
        }
        finished = true;
        if (streaming) {
            response.write(true, sse(reply.bytes()), callback);
        } else {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            // A known length lets Jetty send headers and body in one write, without chunked framing.
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.length());
            writeParts(reply.buffers(), 0);
        }
    }

    /** Writes the reply's parts one after the other (a large page is not copied into one array first). */
    private void writeParts(ByteBuffer[] parts, int index) {
        boolean last = index == parts.length - 1;
        response.write(last, parts[index], last ? callback
                : Callback.from(() -> writeParts(parts, index + 1), callback::failed));
    }

    /** No reply (a notification or a client response): 202 Accepted with no body. */
    synchronized void accepted() {
        if (finished) {
            return;
        }
        finished = true;
        if (streaming) {
            response.write(true, ByteBuffer.allocate(0), callback);
        } else {
            response.setStatus(HttpStatus.ACCEPTED_202);
            callback.succeeded();
        }
    }

    /** The connection failed: nothing more can be written; Jetty still needs the exchange completed. */
    synchronized void abort(Throwable failure) {
        if (!finished) {
            finished = true;
            callback.failed(failure);
        }
    }

    private static ByteBuffer sse(byte[] frame) {
        ByteBuffer buffer = ByteBuffer.allocate(DATA.length + frame.length + END.length);
        buffer.put(DATA).put(frame).put(END).flip();
        return buffer;
    }
}
