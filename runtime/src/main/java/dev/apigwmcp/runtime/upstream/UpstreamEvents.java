package dev.apigwmcp.runtime.upstream;

/**
 * What the upstream side of a call does, for telemetry: every attempt (so retries are visible one by one) and
 * every change of a target's circuit. Called on the call's thread (attempts) or whichever thread made the circuit
 * change; implementations must be quick and must not throw.
 */
public interface UpstreamEvents {

    /** Observes nothing. */
    UpstreamEvents NONE = new UpstreamEvents() {};

    /**
     * One attempt ended.
     *
     * @param target  the target's name
     * @param tool    the tool's name
     * @param number  1 for the first attempt, 2 for the first retry, ...
     * @param method  the HTTP method sent
     * @param status  the response status, or 0 when there was none
     * @param failure the failure's kind ({@link UpstreamFailure.Kind} name) when there was no complete answer, else
     *                {@code null}
     * @param nanos   how long the attempt took
     * @param retried whether another attempt follows
     */
    record Attempt(
            String target,
            String tool,
            int number,
            String method,
            int status,
            String failure,
            long nanos,
            boolean retried) {}

    default void attemptEnded(Attempt attempt) {}

    /**
     * A target's circuit changed state.
     *
     * @param from and {@code to}: {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}
     */
    default void circuitChanged(String target, String from, String to) {}
}
