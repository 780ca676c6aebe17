package dev.apigwmcp.runtime.telemetry;

import dev.apigwmcp.runtime.upstream.CallOutcome;
import dev.apigwmcp.runtime.upstream.UpstreamRequest;

/** One tool call being observed: its server span, in-flight count and, at its end, metrics and the log line. */
public interface ToolCall {

    /**
     * An upstream request begins, before credentials are applied: send {@link UpstreamAttempt#request()}, which
     * carries this attempt's trace headers, so that SigV4 signs them. Called once per attempt.
     *
     * @param unsigned     the request as built from the arguments, without credentials
     * @param resendCount  0 for the first attempt, 1 for the first retry, ... (counted as {@code Retries})
     */
    UpstreamAttempt attemptStarted(UpstreamRequest unsigned, int resendCount);

    /**
     * The call ended. Called exactly once, from any thread.
     *
     * @param status the last upstream HTTP status, 0 when none was received
     * @param detail a word refining the outcome for the log (never content of the call), or {@code null}
     */
    void ended(CallOutcome outcome, int status, String detail);
}
