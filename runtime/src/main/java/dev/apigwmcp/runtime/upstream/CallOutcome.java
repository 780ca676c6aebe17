package dev.apigwmcp.runtime.upstream;

/** How a tool call ended, for the call log and metrics. */
public enum CallOutcome {
    OK(false),
    INVALID_ARGUMENTS(true),
    AUTH_FAILED(true),
    CLIENT_ERROR(true),
    THROTTLED(true),
    SERVER_ERROR(true),
    REDIRECT(true),
    TIMEOUT(true),
    CONNECTION_FAILED(true),
    CANCELLED(true),
    INTERNAL(true);

    private final boolean error;

    CallOutcome(boolean error) {
        this.error = error;
    }

    public boolean isError() {
        return error;
    }
}
