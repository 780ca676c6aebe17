package dev.apigwmcp.runtime.telemetry;

/** One interceptor running for a call, as telemetry sees it (a span under the call's span when one is recorded). */
public interface InterceptorStep {

    /** Nothing is recorded. */
    InterceptorStep NONE = errorType -> {};

    /**
     * The interceptor returned. Called once.
     *
     * @param errorType {@code null} when it let the call go on; {@code rejected} when it refused the call; otherwise
     *                  what failed, low-cardinality (an exception's class name, {@code invalid_arguments},
     *                  {@code nonconforming_output}, {@code header}, {@code deadline})
     */
    void ended(String errorType);
}
