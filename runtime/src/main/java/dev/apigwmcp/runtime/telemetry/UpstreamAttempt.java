package dev.apigwmcp.runtime.telemetry;

import dev.apigwmcp.runtime.upstream.UpstreamEvents;
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
     * The attempt ended as the upstream exchange reports it: an answer was read, or it failed. Called at most once
     * per attempt, this or {@link #ended(int, String)}. An attempt after the first counts as a retry.
     */
    void ended(UpstreamEvents.Attempt attempt);

    /**
     * The attempt ended without an exchange's report: it was cancelled, its credentials could not be had, or the
     * exchange failed unexpectedly.
     *
     * @param status    the HTTP status, 0 when none was received
     * @param errorType why, low-cardinality ({@code cancelled}, {@code credentials}, an exception's class name)
     */
    void ended(int status, String errorType);
}
