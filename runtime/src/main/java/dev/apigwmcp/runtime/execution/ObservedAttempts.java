package dev.apigwmcp.runtime.execution;

import dev.apigwmcp.runtime.telemetry.ToolCall;
import dev.apigwmcp.runtime.telemetry.UpstreamAttempt;
import dev.apigwmcp.runtime.upstream.UpstreamEvents;
import dev.apigwmcp.runtime.upstream.UpstreamRequest;
import java.util.function.UnaryOperator;

/**
 * One call's upstream attempts as its telemetry sees them: the exchange's signer starts each attempt (its client
 * span, whose trace headers go on the request before the credentials, so that SigV4 signs them on every attempt),
 * and the exchange's event for that attempt ends it before going on to the service's observer. Used on the call's
 * thread only.
 */
final class ObservedAttempts implements UpstreamEvents {

    private final ToolCall call;
    private final UpstreamEvents next;
    /** The attempt started and not yet ended, or {@code null}. */
    private UpstreamAttempt current;

    ObservedAttempts(ToolCall call, UpstreamEvents next) {
        this.call = call;
        this.next = next;
    }

    /** Starts an attempt and applies {@code credentials} to its request (with its trace headers). */
    UpstreamRequest sign(UpstreamRequest unsigned, UnaryOperator<UpstreamRequest> credentials) {
        UpstreamAttempt attempt = call.attemptStarted(unsigned);
        current = attempt;
        try {
            return credentials.apply(attempt.request());
        } catch (RuntimeException e) {
            abandoned("credentials");
            throw e;
        }
    }

    @Override
    public void attemptEnded(Attempt attempt) {
        UpstreamAttempt ending = current;
        current = null;
        if (ending != null) {
            ending.ended(attempt);
        }
        next.attemptEnded(attempt);
    }

    @Override
    public void circuitChanged(String target, String from, String to) {
        next.circuitChanged(target, from, to);
    }

    /**
     * Ends an attempt that got no event: it was cancelled, its credentials could not be had, or the exchange
     * failed unexpectedly. Nothing when no attempt is open.
     *
     * @param errorType why, low-cardinality ({@code cancelled}, {@code credentials}, an exception's class name)
     */
    void abandoned(String errorType) {
        UpstreamAttempt ending = current;
        current = null;
        if (ending != null) {
            ending.ended(0, errorType);
        }
    }
}
