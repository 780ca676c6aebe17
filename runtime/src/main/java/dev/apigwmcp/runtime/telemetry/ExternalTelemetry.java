package dev.apigwmcp.runtime.telemetry;

import dev.apigwmcp.runtime.tools.CallContext;
import dev.apigwmcp.runtime.upstream.CallOutcome;
import dev.apigwmcp.runtime.upstream.UpstreamRequest;

/**
 * Where calls are reported beyond the log line and {@code /metrics}: OpenTelemetry, when configured. An interface
 * of this package's own so that the gateway loads no OpenTelemetry class unless it is configured.
 */
interface ExternalTelemetry extends AutoCloseable {

    Call start(ObservedTool tool, CallContext context);

    /** A call refused before it started; {@code tool} is {@code null} when it names no tool of the gateway. */
    void refused(ObservedTool tool);

    @Override
    void close();

    /** One tool call: its server span and metrics. */
    interface Call {

        /** An upstream attempt starts: 0 for the first, 1 for the first resend, ... */
        Attempt attempt(String method, int resendCount);

        /** An interceptor runs for the call (its span, under the call's). */
        default InterceptorStep interceptor(String interceptor, String phase) {
            return InterceptorStep.NONE;
        }

        /** A resend's exchange ended (counted as {@code Retries}). */
        void retried();

        void ended(CallOutcome outcome, int status, long latencyNanos, long upstreamNanos, int attempts);

        /** The trace id of the call's span. */
        String traceId();

        /** The id of the call's span. */
        String spanId();
    }

    /** One upstream request: its client span. */
    interface Attempt {

        /** The request with this span's context in the configured propagation headers. */
        UpstreamRequest inject(UpstreamRequest request);

        void ended(int status, String errorType);
    }
}
