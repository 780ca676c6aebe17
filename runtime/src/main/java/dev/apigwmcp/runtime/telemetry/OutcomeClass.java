package dev.apigwmcp.runtime.telemetry;

import dev.apigwmcp.runtime.upstream.CallOutcome;

/**
 * Which of AgentCore's error metrics a call outcome counts in. Every call counts in {@code Invocations}; an error
 * counts in exactly one of {@code UserErrors}, {@code SystemErrors} and {@code Throttles}.
 */
enum OutcomeClass {
    /** Not an error: {@link CallOutcome#OK}. */
    SUCCESS,
    /**
     * {@code UserErrors}: the request was wrong — arguments that fail the input schema
     * ({@link CallOutcome#INVALID_ARGUMENTS}), an upstream 4xx other than 429 ({@link CallOutcome#CLIENT_ERROR}), or a
     * call an interceptor refused ({@link CallOutcome#REJECTED}).
     */
    USER_ERROR,
    /**
     * {@code SystemErrors}: the gateway or the upstream failed a valid request — 5xx, a passed deadline
     * (connect, headers or body), connection failures, redirects (a wrong base URL), a target whose circuit is
     * open after repeated upstream failures, credentials the gateway could not obtain, answers that do not fit the
     * tool's output schema, and internal errors.
     */
    SYSTEM_ERROR,
    /**
     * {@code Throttles}: the upstream answered 429 ({@link CallOutcome#THROTTLED}), or the gateway refused the call
     * over its tool's share of concurrent calls ({@link CallOutcome#GATEWAY_THROTTLED}). Calls the protocol
     * layer refuses before they start (a client, session or batch limit, a duplicate request id) count here too,
     * though they have no outcome ({@link Telemetry#callRefused}).
     */
    THROTTLE,
    /** Neither success nor error: the client cancelled the call (it gets no answer). */
    CANCELLED;

    /** The class of an outcome; a new {@link CallOutcome} must be placed here (the switch has no default). */
    public static OutcomeClass of(CallOutcome outcome) {
        return switch (outcome) {
            case OK -> SUCCESS;
            case INVALID_ARGUMENTS, CLIENT_ERROR, REJECTED -> USER_ERROR;
            case THROTTLED, GATEWAY_THROTTLED -> THROTTLE;
            case SERVER_ERROR,
                    TIMEOUT,
                    CONNECTION_FAILED,
                    REDIRECT,
                    CIRCUIT_OPEN,
                    AUTH_FAILED,
                    NONCONFORMING_OUTPUT,
                    INTERNAL -> SYSTEM_ERROR;
            case CANCELLED -> CANCELLED;
        };
    }
}
