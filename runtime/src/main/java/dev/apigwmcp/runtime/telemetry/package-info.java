/**
 * Observability of tool calls: the call log line (text or JSON), the AgentCore-named metrics ({@code Invocations},
 * {@code Latency}, {@code TargetExecutionTime}, {@code Throttles}, {@code SystemErrors}, {@code UserErrors},
 * {@code ConcurrentExecutions}, {@code Retries}, {@code CircuitState}) for {@code /metrics}, and OpenTelemetry
 * spans and metrics when the standard {@code OTEL_*} variables configure an exporter.
 *
 * <p>The call path reports through {@link dev.apigwmcp.runtime.telemetry.Telemetry} at a few points: a call starts
 * and ends ({@link dev.apigwmcp.runtime.telemetry.ToolCall}), each upstream attempt starts, before credentials are
 * applied so that SigV4 signs the trace headers, and ends
 * ({@link dev.apigwmcp.runtime.telemetry.UpstreamAttempt}), and a target's circuit breaker changes state.
 * {@link dev.apigwmcp.runtime.telemetry.OutcomeClass} says which outcome counts as which error metric.
 */
package dev.apigwmcp.runtime.telemetry;
