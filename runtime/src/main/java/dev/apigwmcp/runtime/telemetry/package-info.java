/**
 * Observability of tool calls: the call log line (text or JSON), the gateway's one set of call counters
 * ({@link dev.apigwmcp.runtime.telemetry.MetricsRegistry}) under the AgentCore metric names ({@code Invocations},
 * {@code Latency}, {@code TargetExecutionTime}, {@code Throttles}, {@code SystemErrors}, {@code UserErrors},
 * {@code ConcurrentExecutions}, {@code Retries}, {@code CircuitState}) for {@code /metrics}, and OpenTelemetry
 * spans and metrics when the standard {@code OTEL_*} variables configure an exporter.
 *
 * <p>The call path reports through {@link dev.apigwmcp.runtime.telemetry.Telemetry} at a few points: a call starts
 * and ends ({@link dev.apigwmcp.runtime.telemetry.ToolCall}); each upstream attempt starts inside the exchange's
 * signer, before credentials are applied so that SigV4 signs its trace headers, and ends with the exchange's report
 * of it ({@link dev.apigwmcp.runtime.telemetry.UpstreamAttempt}); a target's circuit breaker changes state; the
 * protocol layer refuses a call before it starts. {@link dev.apigwmcp.runtime.telemetry.OutcomeClass} says which
 * outcome counts as which error metric.
 */
package dev.apigwmcp.runtime.telemetry;
