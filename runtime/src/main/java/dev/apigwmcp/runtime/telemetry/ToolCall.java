package dev.apigwmcp.runtime.telemetry;

import dev.apigwmcp.runtime.upstream.CallOutcome;
import dev.apigwmcp.runtime.upstream.UpstreamRequest;

/** One tool call being observed: its server span, in-flight count and, at its end, metrics and the log line. */
public interface ToolCall {

    /**
     * An upstream request begins, before credentials are applied: send {@link UpstreamAttempt#request()}, which
     * carries this attempt's trace headers, so that SigV4 signs them. Called once per attempt, one attempt after
     * the other (the first is attempt 1; each later one is a resend, {@code http.request.resend_count}).
     *
     * @param unsigned the request as built from the arguments, without credentials
     */
    UpstreamAttempt attemptStarted(UpstreamRequest unsigned);

    /**
     * An interceptor starts running for this call, on the call's thread; end the step when it returns.
     *
     * @param interceptor the interceptor's class name
     * @param phase       {@code beforeCall} or {@code afterCall}
     */
    default InterceptorStep interceptorStarted(String interceptor, String phase) {
        return InterceptorStep.NONE;
    }

    /**
     * The call ended. Called exactly once, from any thread.
     *
     * @param status the last upstream HTTP status, 0 when none was received
     * @param detail a word refining the outcome for the log (never content of the call), or {@code null}
     */
    void ended(CallOutcome outcome, int status, String detail);
}
