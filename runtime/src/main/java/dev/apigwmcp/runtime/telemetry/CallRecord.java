package dev.apigwmcp.runtime.telemetry;

import dev.apigwmcp.runtime.upstream.CallOutcome;

/**
 * A finished tool call as the log line reports it: names, shape and numbers, never argument values, answers or
 * credentials.
 *
 * @param tool           the tool
 * @param method         the HTTP method sent (the tool's own when no request was sent)
 * @param outcome        how the call ended
 * @param detail         a word refining the outcome, or {@code null}
 * @param status         the last upstream HTTP status, 0 when none was received
 * @param durationNanos  the whole call
 * @param upstreamNanos  the time spent in upstream attempts (0 when none was made)
 * @param attempts       the upstream attempts made (more than 1 when retried)
 * @param traceId        the trace the call belongs to, or {@code null}
 * @param spanId         the call's own span, or {@code null} when no span was recorded
 */
record CallRecord(
        ObservedTool tool,
        String method,
        CallOutcome outcome,
        String detail,
        int status,
        long durationNanos,
        long upstreamNanos,
        int attempts,
        String traceId,
        String spanId) {}
