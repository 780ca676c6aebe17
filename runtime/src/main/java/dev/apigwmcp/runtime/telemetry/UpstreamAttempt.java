package dev.apigwmcp.runtime.telemetry;

import dev.apigwmcp.runtime.upstream.UpstreamRequest;

/** One upstream request being observed: a client span and part of the call's {@code TargetExecutionTime}. */
public interface UpstreamAttempt {

    /**
     * The request to authenticate and send: the one given to {@link ToolCall#attemptStarted} with this attempt's
     * {@code traceparent} (and {@code tracestate}) added, unless it already had a {@code traceparent} of its own
     * (an argument the export declares), which is then left as it is.
     */
    UpstreamRequest request();

    /**
     * The attempt ended: an answer was read, or it failed. Called once.
     *
     * @param status    the HTTP status, 0 when none was received
     * @param errorType why it failed without a status, low-cardinality (an exception's class name,
     *                  {@code credentials}, {@code cancelled}), or {@code null}
     */
    void ended(int status, String errorType);

    /** The attempt failed with an exception (its class name is the error type; its message is not kept). */
    default void failed(Throwable failure) {
        ended(0, failure.getClass().getName());
    }
}
