package dev.apigwmcp.runtime.telemetry;

import dev.apigwmcp.runtime.tools.CallContext;

/**
 * What the call path reports, at a few points: a tool call starts and ends ({@link ToolCall}), each upstream
 * attempt starts and ends ({@link UpstreamAttempt}), a target's circuit breaker changes state, a call is refused
 * before it starts. Behind it: the call log line, the call counters (served at {@code /metrics} when asked for),
 * and OpenTelemetry spans and metrics when an exporter is configured. Thread-safe; reporting never throws and never
 * blocks on I/O other than the log line.
 */
public interface Telemetry extends AutoCloseable {

    /** A tool call begins: before its arguments are checked. End it exactly once with {@link ToolCall#ended}. */
    ToolCall callStarted(ObservedTool tool, CallContext context);

    /**
     * A tool the gateway serves: its counters are listed (at zero) from the start, and refused calls naming it are
     * counted under it.
     */
    void toolLoaded(ObservedTool tool);

    /**
     * A call was refused before it started (over a client, session or batch limit, or a duplicate request id):
     * counted in {@code Invocations} and {@code Throttles}, with no span and no log line (one batch can be
     * thousands of them).
     *
     * @param tool the tool's name when the call names a tool of the gateway, else {@code null}
     */
    void callRefused(String tool);

    /** The call counters: every call this telemetry observed, whatever else it reports them to. */
    MetricsRegistry metrics();

    /**
     * A target's circuit breaker changed state (hook for the upstream side; reported as the {@code CircuitState}
     * metric per target).
     */
    void circuitState(String target, CircuitState state);

    /** Flushes and stops exporters; later reports are dropped. */
    @Override
    void close();

    /** Only the call log line, as text: what a tool service reports when nobody configured telemetry. */
    static Telemetry callLogOnly() {
        return GatewayTelemetry.callLogOnly();
    }
}
