package dev.apigwmcp.runtime.transport;

import dev.apigwmcp.runtime.protocol.JsonRpc;
import dev.apigwmcp.runtime.protocol.RpcError;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;

/**
 * Deadlines for receiving a request: no pause longer than the idle limit between its bytes, and all of its headers
 * and body within the total limit. Jetty has no deadline of its own for headers, and its connection idle timeout
 * (which also keeps idle keep-alive connections) is far too long for a request in progress.
 *
 * <p>Each connection is watched from the moment it opens (or its previous exchange ended and a new request's
 * bytes appear) until the handler has the request's headers, and then, for a POST, its whole body. A periodic {@link #sweep()} compares each connection's
 * received-byte count with the last one it saw: one counter read per connection and sweep, nothing per byte and
 * no timer per request. A request out of time while still in its headers gets a 408 (or, if not a byte of it
 * came, just the close) and its connection closed; one in its body is ended through its {@link BodyReader}, so
 * the handler answers it.
 */
final class ReadDeadlines implements Connection.Listener {

    private enum Phase {
        /** Receiving a request's headers (a fresh connection starts here). */
        HEADERS,
        /** The handler has the request and reads its body. */
        BODY,
        /** The body is read; the request is being answered. */
        ANSWERING,
        /** Between requests on a keep-alive connection: the connection's idle timeout applies. */
        IDLE
    }

    private final Map<Connection, Watch> open = new ConcurrentHashMap<>();
    private final long idleNanos;
    private final long totalNanos;
    private final LongSupplier clock;

    ReadDeadlines(Duration idle, Duration total, LongSupplier nanoClock) {
        this.idleNanos = idle.toNanos();
        this.totalNanos = total.toNanos();
        this.clock = nanoClock;
    }

    @Override
    public void onOpened(Connection connection) {
        open.put(connection, new Watch(connection, clock.getAsLong()));
    }

    @Override
    public void onClosed(Connection connection) {
        open.remove(connection);
    }

    /**
     * The handler has {@code request}: its headers are in, and the deadlines stop unless its body is read
     * ({@link #reading}). When its exchange ends the connection may carry another request.
     */
    void begin(Request request) {
        Watch watch = watchOf(request);
        if (watch != null) {
            watch.begin(request, clock.getAsLong());
            Request.addCompletionListener(request, failure -> watch.ended(request));
        }
    }

    /** {@code request}'s body is read by {@code reader}, under the deadlines. */
    void reading(Request request, BodyReader reader) {
        Watch watch = watchOf(request);
        if (watch != null) {
            watch.reading(request, reader);
        }
    }

    /** {@code request}'s body read ended (complete, too large, failed or timed out). */
    void read(Request request) {
        Watch watch = watchOf(request);
        if (watch != null) {
            watch.read(request);
        }
    }

    /** Ends every request out of time. */
    void sweep() {
        long now = clock.getAsLong();
        for (Watch watch : open.values()) {
            watch.check(now);
        }
    }

    /** Connections open now (for tests). */
    int openConnections() {
        return open.size();
    }

    private Watch watchOf(Request request) {
        return open.get(request.getConnectionMetaData().getConnection());
    }

    private final class Watch {
        private final Connection connection;
        private Phase phase = Phase.HEADERS;
        private long started;
        private long lastProgress;
        private long lastBytes;
        private boolean anyByte;
        private Request current;
        private BodyReader reader;

        Watch(Connection connection, long now) {
            this.connection = connection;
            this.started = now;
            this.lastProgress = now;
            this.lastBytes = connection.getBytesIn();
        }

        synchronized void begin(Request request, long now) {
            if (phase == Phase.IDLE) {
                started = now; // the headers came between two sweeps
            }
            phase = Phase.ANSWERING;
            current = request;
            reader = null;
        }

        synchronized void reading(Request request, BodyReader bodyReader) {
            if (current == request) {
                phase = Phase.BODY;
                lastProgress = clock.getAsLong();
                reader = bodyReader;
            }
        }

        synchronized void read(Request request) {
            if (current == request && phase == Phase.BODY) {
                phase = Phase.ANSWERING;
                reader = null;
            }
        }

        synchronized void ended(Request request) {
            // A pipelined request may already have begun: an older exchange's end must not reset it.
            if (current == request) {
                phase = Phase.IDLE;
                current = null;
                reader = null;
                lastBytes = connection.getBytesIn();
                anyByte = false;
            }
        }

        void check(long now) {
            String late;
            BodyReader timedOut = null;
            boolean inHeaders;
            boolean gotBytes;
            synchronized (this) {
                long bytes = connection.getBytesIn();
                if (bytes != lastBytes) {
                    lastBytes = bytes;
                    lastProgress = now;
                    anyByte = true;
                    if (phase == Phase.IDLE) {
                        phase = Phase.HEADERS;
                        started = now;
                    }
                }
                if (phase != Phase.HEADERS && phase != Phase.BODY) {
                    return;
                }
                if (now - lastProgress > idleNanos) {
                    late = "no byte arrived for " + Duration.ofNanos(idleNanos).toMillis() + " ms";
                } else if (now - started > totalNanos) {
                    late = "it did not arrive within "
                            + Duration.ofNanos(totalNanos).toMillis() + " ms";
                } else {
                    return;
                }
                inHeaders = phase == Phase.HEADERS;
                gotBytes = anyByte;
                if (!inHeaders) {
                    timedOut = reader;
                    phase = Phase.ANSWERING;
                    reader = null;
                } else {
                    phase = Phase.IDLE; // closing; not checked again
                }
            }
            if (timedOut != null) {
                timedOut.timeOut("Request timeout: the request body was not received in time (" + late + ")");
            } else if (inHeaders) {
                closeInHeaders(gotBytes, late);
            }
        }

        /**
         * Jetty's handler never saw this request, so the 408 is written on the connection directly. A connection
         * on which nothing of a request came is closed without one: a client that was just about to send could
         * otherwise read the 408 as the answer to a request it had not yet sent.
         */
        private void closeInHeaders(boolean gotBytes, String late) {
            EndPoint endPoint = connection.getEndPoint();
            if (!gotBytes) {
                endPoint.close();
                return;
            }
            byte[] body = JsonRpc.error(
                    null,
                    RpcError.of(
                            JsonRpc.INVALID_REQUEST,
                            "Request timeout: the request headers were not received in time (" + late + ")"));
            byte[] head = ("HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json\r\nContent-Length: "
                            + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            endPoint.write(
                    Callback.from(endPoint::close, failure -> endPoint.close()),
                    ByteBuffer.wrap(head),
                    ByteBuffer.wrap(body));
        }
    }
}
