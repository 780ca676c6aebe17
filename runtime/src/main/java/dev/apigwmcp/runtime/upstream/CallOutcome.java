package dev.apigwmcp.runtime.upstream;

/** How a tool call ended, for the call log and metrics. */
public enum CallOutcome {
    OK(false),
    /**
     * The upstream answered 2xx, but not with content that conforms to the tool's output schema: the result is
     * {@code isError} with the body as content and no {@code structuredContent}.
     */
    NONCONFORMING_OUTPUT(true),
    INVALID_ARGUMENTS(true),
    AUTH_FAILED(true),
    CLIENT_ERROR(true),
    THROTTLED(true),
    SERVER_ERROR(true),
    REDIRECT(true),
    TIMEOUT(true),
    CONNECTION_FAILED(true),
    CANCELLED(true),
    /** The gateway refused the call: its tool already had its share of calls in flight. Nothing was sent. */
    GATEWAY_THROTTLED(true),
    /** The target's circuit is open after repeated upstream failures. Nothing was sent. */
    CIRCUIT_OPEN(true),
    /** An interceptor of the gateway's project refused the call. Nothing was sent, or the result was replaced. */
    REJECTED(true),
    INTERNAL(true);

    private final boolean error;

    CallOutcome(boolean error) {
        this.error = error;
    }

    public boolean isError() {
        return error;
    }
}
