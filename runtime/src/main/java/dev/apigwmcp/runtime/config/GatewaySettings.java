package dev.apigwmcp.runtime.config;

import java.util.List;

/** The settings of the protocol layer, transports and launcher; tool-side settings come from the tool service. */
public final class GatewaySettings {
    public static final Setting TRANSPORT = Setting.of("transport", "stdio", "stdio or http");
    public static final Setting HOST =
            Setting.of("host", "127.0.0.1", "HTTP: interface to bind (loopback unless you mean to expose it)");
    public static final Setting PORT = Setting.of("port", "8080", "HTTP: port to listen on (0 for any free port)");
    public static final Setting PATH = Setting.of("path", "/mcp", "HTTP: the MCP endpoint path");
    public static final Setting PAGE_SIZE = Setting.of("page-size", "100", "tools per tools/list page");
    public static final Setting LIST_TTL_MS =
            Setting.of("list-ttl-ms", "300000", "cache hint ttlMs on modern tools/list and server/discover results");
    public static final Setting MAX_REQUEST_BYTES = Setting.of(
            "max-request-bytes",
            "4194304",
            "largest accepted request: an HTTP body (larger gets 413) or a stdio message line (larger gets an"
                    + " error and is skipped)");
    public static final Setting MAX_SESSIONS = Setting.of(
            "max-sessions",
            "1000",
            "HTTP: cap on live legacy (Mcp-Session-Id) sessions; at the cap an idle one is ended to make room"
                    + " (never used ones first, then the least recently used)");
    public static final Setting SESSION_IDLE_SECONDS = Setting.of(
            "session-idle-seconds",
            "1800",
            "HTTP: a legacy session with no request and no call running for this long expires");
    public static final Setting SESSION_KEY_FILE = Setting.of(
            "session.key-file",
            null,
            "HTTP and Lambda: a file of session keys shared by every replica (one per line, 32 random bytes in base64;"
                    + " the first seals, every one opens): legacy session ids become sealed tokens that any replica serves");
    public static final Setting SESSION_KEY_ENV = Setting.of(
            "session.key-env",
            null,
            "HTTP and Lambda: the name of an environment variable holding the session keys instead of a file");
    public static final Setting SESSION_MAX_AGE_SECONDS = Setting.of(
            "session.max-age-seconds",
            "86400",
            "with session keys: a legacy session ends this long after initialize, on every replica (idle expiry and"
                    + " the session caps then bound each replica's memory only)");
    public static final Setting LAMBDA_PRIME = Setting.of(
            "lambda.prime",
            "true",
            "AWS Lambda: at init, wait for the tool side's warm-up and pass made-up requests through the protocol code"
                    + " (init takes longer, the first call less; with SnapStart the work is in the snapshot)");
    public static final Setting ALLOWED_ORIGINS = Setting.of(
            "allowed-origins",
            "",
            "HTTP: comma-separated extra allowed Origin values (loopback origins are always allowed)");
    public static final Setting ALLOWED_HOSTS = Setting.of(
            "allowed-hosts", "", "HTTP: comma-separated extra allowed Host names (loopback names are always allowed)");
    public static final Setting HTTP_THREADS = Setting.of("http-threads", "32", "HTTP: maximum worker threads");
    public static final Setting IDLE_TIMEOUT_SECONDS = Setting.of(
            "idle-timeout-seconds", "120", "HTTP: how long an idle keep-alive connection stays open between requests");
    public static final Setting REQUEST_READ_IDLE_MS = Setting.of(
            "request-read-idle-ms",
            "5000",
            "HTTP: a request whose headers or body pause this long is answered 408 and its connection closed");
    public static final Setting REQUEST_READ_TIMEOUT_MS = Setting.of(
            "request-read-timeout-ms",
            "15000",
            "HTTP: a request's headers and body must all arrive within this, however steadily they trickle (408)");
    public static final Setting MAX_SESSIONS_PER_CLIENT = Setting.of(
            "max-sessions-per-client",
            "100",
            "HTTP: legacy sessions one client address may hold; at the cap its least recently used idle session"
                    + " is ended (behind a reverse proxy every client has the proxy's address: raise it)");
    public static final Setting SESSION_UNUSED_SECONDS = Setting.of(
            "session-unused-seconds",
            "120",
            "HTTP: a legacy session that got no request after initialize expires after this");
    public static final Setting MAX_CALLS_PER_CLIENT = Setting.of(
            "max-calls-per-client",
            "64",
            "HTTP: tool calls one client address may have in flight over all its sessions and requests; more are"
                    + " refused with error -32000");
    public static final Setting MAX_CALLS_PER_SESSION = Setting.of(
            "max-calls-per-session",
            "32",
            "tool calls one session (the stdio client, a legacy HTTP session) may have in flight; more are refused"
                    + " with error -32000");
    public static final Setting MAX_BATCH_REQUESTS = Setting.of(
            "max-batch-requests",
            "32",
            "requests one JSON-RPC batch (2025-03-26 clients) may carry; the rest are refused one by one with error"
                    + " -32000");
    public static final Setting SHUTDOWN_GRACE_SECONDS = Setting.of(
            "shutdown-grace-seconds",
            "20",
            "how long calls in flight may take to finish: HTTP on SIGTERM (the port closes at once; /readyz says 503),"
                    + " stdio at the end of input (input piped in and closed still gets its answers)");
    public static final Setting TOOL_SERVICE =
            Setting.of("tool-service", null, "which tool service to use when several are on the classpath (by name)");
    public static final Setting LOG_LEVEL = Setting.of(
            "log-level", "info", "stderr log level: error, warn, info (one line per tool call), debug or trace");
    public static final Setting INSTRUCTIONS =
            Setting.of("instructions", null, "instructions for the model, sent at initialize and server/discover");
    public static final Setting LOG_FORMAT = Setting.of(
            "log-format",
            "text",
            "the per-call log line on stderr: text, or json (one JSON object per line: target, tool, method, path "
                    + "template, upstream status, outcome, duration, trace id; never argument values or credentials)");
    public static final Setting METRICS_PROMETHEUS = Setting.of(
            "metrics.prometheus",
            "false",
            "HTTP: true serves the call metrics (Invocations, Latency, TargetExecutionTime, Throttles, SystemErrors, "
                    + "UserErrors, ...) in Prometheus text format at GET /metrics, on the MCP port and bind address");

    public static final List<Setting> ALL = List.of(
            TRANSPORT,
            HOST,
            PORT,
            PATH,
            PAGE_SIZE,
            LIST_TTL_MS,
            MAX_REQUEST_BYTES,
            MAX_SESSIONS,
            SESSION_IDLE_SECONDS,
            SESSION_KEY_FILE,
            SESSION_KEY_ENV,
            SESSION_MAX_AGE_SECONDS,
            LAMBDA_PRIME,
            ALLOWED_ORIGINS,
            ALLOWED_HOSTS,
            HTTP_THREADS,
            IDLE_TIMEOUT_SECONDS,
            REQUEST_READ_IDLE_MS,
            REQUEST_READ_TIMEOUT_MS,
            MAX_SESSIONS_PER_CLIENT,
            SESSION_UNUSED_SECONDS,
            MAX_CALLS_PER_CLIENT,
            MAX_CALLS_PER_SESSION,
            MAX_BATCH_REQUESTS,
            SHUTDOWN_GRACE_SECONDS,
            TOOL_SERVICE,
            LOG_LEVEL,
            INSTRUCTIONS,
            LOG_FORMAT,
            METRICS_PROMETHEUS);

    private GatewaySettings() {}

    /** An integer setting, or a one-line error naming the option and its environment variable. */
    public static long integer(Settings settings, Setting setting, long min, long max) {
        String raw =
                settings.get(setting).orElseThrow(() -> new SettingsException("--" + setting.name() + " is required"));
        try {
            long value = Long.parseLong(raw.trim());
            if (value < min || value > max) {
                throw new SettingsException("--" + setting.name() + " (" + setting.environmentVariable()
                        + ") must be between " + min + " and " + max + ", got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new SettingsException("--" + setting.name() + " (" + setting.environmentVariable()
                    + ") must be an integer, got \"" + raw + "\"");
        }
    }

    /** A comma-separated list setting (blank entries dropped). */
    public static List<String> list(Settings settings, Setting setting) {
        String raw = settings.get(setting).orElse("");
        return java.util.Arrays.stream(raw.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
