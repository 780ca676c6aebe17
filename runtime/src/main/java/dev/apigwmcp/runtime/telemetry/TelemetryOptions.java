package dev.apigwmcp.runtime.telemetry;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * How the launcher wants calls reported.
 *
 * @param logFormat   the call log line's format
 * @param prometheus  whether to keep metrics for {@code /metrics}
 * @param transport   {@code stdio} or {@code http}: reported as the span attribute {@code network.transport}
 * @param environment the process environment, where the standard {@code OTEL_*} variables configure OpenTelemetry
 * @param err         where JSON log lines go (stderr)
 * @param clock       the time stamp of JSON log lines
 */
public record TelemetryOptions(
        LogFormat logFormat,
        boolean prometheus,
        String transport,
        Map<String, String> environment,
        PrintStream err,
        Clock clock) {

    public TelemetryOptions {
        Objects.requireNonNull(logFormat, "logFormat");
        Objects.requireNonNull(transport, "transport");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(clock, "clock");
    }
}
