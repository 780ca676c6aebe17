package dev.apigwmcp.runtime.upstream;

import dev.apigwmcp.runtime.config.Setting;
import java.util.List;

/** The settings of upstream calls (declared here so that {@code --help} can list them). */
public final class UpstreamSettings {

    public static final Setting BASE_URL = Setting.of(
            "target.<target>.base-url",
            null,
            "Base URL of the target's REST API (for example a custom domain or a local backend); default: the "
                    + "export's server URL; required when the export has none or only a path (such as /v1), which "
                    + "is then appended");
    public static final Setting FORWARD_HEADERS = Setting.of(
            "target.<target>.forward-headers",
            null,
            "Comma-separated headers of the MCP HTTP request to send on to the target (for example "
                    + "X-Tenant,X-Request-Id); never a credential (Authorization, Cookie, X-Api-Key, X-Amz-*)");
    public static final Setting CONNECT_TIMEOUT_MS = Setting.of(
            "upstream.connect-timeout-ms", "10000", "Timeout for opening a connection to an upstream, in milliseconds");
    public static final Setting TIMEOUT_MS = Setting.of(
            "upstream.timeout-ms",
            "30000",
            "Deadline of a tool's whole upstream exchange (connection, headers, body, retries and their waits) when "
                    + "the export gives none (timeoutInMillis), in milliseconds");
    public static final Setting MAX_RESPONSE_BYTES = Setting.of(
            "upstream.max-response-bytes",
            "1048576",
            "Largest upstream response body passed to the client; longer bodies are cut with a note");

    public static final Setting RETRY_MAX_ATTEMPTS = Setting.of(
            "upstream.retry.max-attempts",
            "3",
            "Attempts per call, the first included (1: no retries); only GET, HEAD, PUT, DELETE and OPTIONS are "
                    + "retried, on no connection, a connection lost before the answer, or HTTP 429/502/503/504");
    public static final Setting RETRY_BASE_DELAY_MS = Setting.of(
            "upstream.retry.base-delay-ms",
            "100",
            "Backoff before the first retry, doubled for each further one, with jitter, in milliseconds");
    public static final Setting RETRY_MAX_DELAY_MS = Setting.of(
            "upstream.retry.max-delay-ms",
            "5000",
            "Longest wait before a retry, an upstream's Retry-After included (a longer Retry-After is passed on to "
                    + "the model instead), in milliseconds");
    public static final Setting CIRCUIT_FAILURE_RATE = Setting.of(
            "upstream.circuit.failure-rate",
            "50",
            "Percentage of failed attempts (no connection, deadline passed, HTTP 502/503/504) among a target's "
                    + "recent ones that opens its circuit, so its calls fail at once; 0 turns circuit breaking off");
    public static final Setting CIRCUIT_WINDOW = Setting.of(
            "upstream.circuit.window",
            "10",
            "How many recent attempts of a target the failure rate is computed over (and needs before it counts)");
    public static final Setting CIRCUIT_OPEN_MS = Setting.of(
            "upstream.circuit.open-ms",
            "30000",
            "How long an open circuit refuses a target's calls before one trial call may go, in milliseconds");

    private UpstreamSettings() {}

    /** Every setting of this component. */
    public static List<Setting> declared() {
        return List.of(
                BASE_URL,
                FORWARD_HEADERS,
                CONNECT_TIMEOUT_MS,
                TIMEOUT_MS,
                MAX_RESPONSE_BYTES,
                RETRY_MAX_ATTEMPTS,
                RETRY_BASE_DELAY_MS,
                RETRY_MAX_DELAY_MS,
                CIRCUIT_FAILURE_RATE,
                CIRCUIT_WINDOW,
                CIRCUIT_OPEN_MS);
    }
}
