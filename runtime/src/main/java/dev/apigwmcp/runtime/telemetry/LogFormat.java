package dev.apigwmcp.runtime.telemetry;

/** How the per-call log line is written on stderr. */
public enum LogFormat {
    /** {@code INFO dev.apigwmcp.runtime.calls - tool=... outcome=... status=... durationMs=...} */
    TEXT,
    /** One JSON object per line, for log pipelines. */
    JSON
}
