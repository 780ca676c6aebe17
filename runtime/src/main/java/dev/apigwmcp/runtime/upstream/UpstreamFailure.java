package dev.apigwmcp.runtime.upstream;

import java.io.IOException;

/**
 * Why one upstream exchange produced no answer: its kind, how far it got and how many body bytes arrived. The
 * message never holds the URL's query (an API key may travel there).
 */
final class UpstreamFailure extends IOException {

    private static final long serialVersionUID = 1L;

    /** The kinds of failure the retry and circuit decisions and the error texts distinguish. */
    public enum Kind {
        /** The call's deadline passed. */
        DEADLINE,
        /** No connection within {@code upstream.connect-timeout-ms}. */
        CONNECT_TIMEOUT,
        /** The connection could not be made: refused, unreachable, unknown host. */
        CONNECT_FAILED,
        /** The connection broke or the upstream answered something that is not HTTP. */
        BROKEN,
        /**
         * The request was never sent: its request line and headers are larger than any upstream would take (a huge
         * path or query argument). Neither retried nor held against the upstream's circuit.
         */
        NOT_SENT
    }

    private final Kind kind;
    private final ExchangePhase phase;
    private final long bytesReceived;
    private final int status;

    public UpstreamFailure(
            Kind kind, ExchangePhase phase, long bytesReceived, int status, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.phase = phase;
        this.bytesReceived = bytesReceived;
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    public ExchangePhase phase() {
        return phase;
    }

    /** Body bytes received before the failure (as sent, before any decoding). */
    public long bytesReceived() {
        return bytesReceived;
    }

    /** The response status when the headers had arrived, else 0. */
    public int status() {
        return status;
    }

    /**
     * Whether no response had started: the upstream may not have acted on the request, and an idempotent
     * request may be sent again.
     */
    public boolean beforeResponse() {
        return phase != ExchangePhase.BODY && kind != Kind.DEADLINE && kind != Kind.NOT_SENT;
    }
}
