package dev.apigwmcp.runtime.transport;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads one request body without holding a thread while bytes are awaited: it takes what Jetty has, and asks to be
 * run again when more arrives (demand). A client that sends its body slowly therefore costs a connection, not one
 * of the few worker threads. Bounded in size; {@link ReadDeadlines} ends a read that stalls or takes too long.
 * Exactly one {@link Outcome} is delivered.
 */
final class BodyReader implements Runnable {

    /** How the read ended. */
    sealed interface Outcome {
        record Body(byte[] bytes) implements Outcome {}

        record TooLarge() implements Outcome {}

        /** The connection failed (the client closed it mid-body). */
        record Failed(Throwable failure) implements Outcome {}

        /** {@link ReadDeadlines} ran out; {@code why} says which deadline, for the 408 answer. */
        record TimedOut(String why) implements Outcome {}
    }

    private final Request request;
    private final long limit;
    private final Consumer<Outcome> then;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private long total;
    private boolean done;

    BodyReader(Request request, long limit, Consumer<Outcome> then) {
        this.request = request;
        this.limit = limit;
        this.then = then;
    }

    /** Reads what is there; the rest arrives through demand. Also the demand callback. */
    @Override
    public void run() {
        while (true) {
            synchronized (this) {
                if (done) {
                    return;
                }
            }
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                deliver(new Outcome.Failed(chunk.getFailure()));
                return;
            }
            boolean last = chunk.isLast();
            boolean tooLarge = !take(chunk.getByteBuffer());
            chunk.release();
            if (tooLarge) {
                deliver(new Outcome.TooLarge());
                return;
            }
            if (last) {
                byte[] body;
                synchronized (this) {
                    body = bytes.toByteArray();
                }
                deliver(new Outcome.Body(body));
                return;
            }
        }
    }

    /** Ends the read (the sweep's thread); a read already ended is left alone. */
    void timeOut(String why) {
        deliver(new Outcome.TimedOut(why));
    }

    private synchronized boolean take(ByteBuffer buffer) {
        int length = buffer.remaining();
        total += length;
        if (total > limit) {
            return false;
        }
        if (buffer.hasArray()) {
            bytes.write(buffer.array(), buffer.arrayOffset() + buffer.position(), length);
        } else {
            byte[] copy = new byte[length];
            buffer.duplicate().get(copy);
            bytes.writeBytes(copy);
        }
        return true;
    }

    private void deliver(Outcome outcome) {
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
        }
        then.accept(outcome);
    }
}
