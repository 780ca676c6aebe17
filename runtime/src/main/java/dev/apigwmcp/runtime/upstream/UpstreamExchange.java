package dev.apigwmcp.runtime.upstream;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The upstream side of one tool call: attempts within one deadline, each signed afresh, each let through by the
 * target's circuit, retried only where that is safe.
 *
 * <p>A failed attempt is sent again when all of these hold: the method is idempotent ({@link RetryPolicy}); there
 * was no response at all (no connection, or a connection that broke before the status line) or the status is 429,
 * 502, 503 or 504; attempts are left; the wait (jittered backoff, or the upstream's {@code Retry-After} for 429 and
 * 503, which is never shortened) is at most {@link RetryPolicy#maxDelay()} and ends before the deadline; the circuit
 * lets the next attempt through. A passed deadline and a body that broke off are never retried. Interrupting the
 * calling thread ends everything at once, waits included.
 */
public final class UpstreamExchange {

    private final UpstreamClient client;
    private final RetryPolicy retry;

    public UpstreamExchange(UpstreamClient client, RetryPolicy retry) {
        this.client = client;
        this.retry = retry;
    }

    /**
     * Applies credentials to a request; called before every attempt the circuit lets through (SigV4 needs a fresh
     * date each time).
     */
    @FunctionalInterface
    public interface Signer {
        UpstreamRequest sign(UpstreamRequest unsigned);
    }

    /** Told before a retry's wait, so that a client watching the call's progress sees it. */
    @FunctionalInterface
    public interface RetryNotice {
        RetryNotice NONE = (next, max, why, wait) -> {};

        void retrying(int nextAttempt, int maxAttempts, String why, Duration wait);
    }

    /**
     * How the exchange ended.
     *
     * @param response  the last attempt's answer, or {@code null}
     * @param failure   the last attempt's failure when it had no answer, or {@code null}
     * @param attempts  attempts sent (0 when the circuit refused the call)
     * @param pausedFor when the circuit refused the call: how long it stays open; else {@code null}
     */
    public record Result(UpstreamResponse response, UpstreamFailure failure, int attempts, Duration pausedFor) {

        public boolean circuitOpen() {
            return attempts == 0;
        }
    }

    /**
     * Runs the attempts. Throws what {@code signer} throws (a credential that cannot be had), and
     * {@link InterruptedException} when the call is cancelled.
     *
     * @param deadline the whole exchange's budget, retries and waits included
     */
    public Result run(
            UpstreamRequest unsigned,
            Signer signer,
            TargetCircuit circuit,
            String tool,
            Duration deadline,
            UpstreamEvents events,
            RetryNotice notice)
            throws InterruptedException {
        long deadlineAt = System.nanoTime() + deadline.toNanos();
        int attempt = 0;
        UpstreamResponse response = null;
        UpstreamFailure failure = null;
        while (true) {
            if (!circuit.tryAcquire()) {
                // Opened by this call's own failures (or others'): a retry ends with what the last attempt got.
                return attempt == 0
                        ? new Result(null, null, 0, circuit.pausedFor())
                        : new Result(response, failure, attempt, null);
            }
            // Signed only once the circuit lets the attempt go: a refused call needs no credentials (no token
            // request), and the signer's per-attempt work (a client span, its trace headers) is for attempts sent.
            UpstreamRequest signed;
            try {
                signed = signer.sign(unsigned);
            } catch (RuntimeException e) {
                circuit.released();
                throw e;
            }
            attempt++;
            long started = System.nanoTime();
            response = null;
            failure = null;
            try {
                response = client.exchange(signed, Duration.ofNanos(Math.max(1, deadlineAt - started)));
            } catch (UpstreamFailure e) {
                failure = e;
            } catch (InterruptedException | RuntimeException e) {
                circuit.released();
                throw e;
            }
            long took = System.nanoTime() - started;
            report(circuit, response, failure, took);
            Duration wait = nextWait(signed.method(), attempt, response, failure, deadlineAt);
            events.attemptEnded(new UpstreamEvents.Attempt(
                    circuit.target(),
                    tool,
                    attempt,
                    signed.method(),
                    response == null ? 0 : response.status(),
                    failure == null ? null : failure.kind().name(),
                    took,
                    wait != null));
            if (wait == null) {
                return new Result(response, failure, attempt, null);
            }
            notice.retrying(
                    attempt + 1,
                    retry.maxAttempts(),
                    response == null ? failure.getMessage() : "HTTP " + response.status(),
                    wait);
            TimeUnit.NANOSECONDS.sleep(wait.toNanos());
            if (System.nanoTime() >= deadlineAt) {
                return new Result(response, failure, attempt, null);
            }
        }
    }

    /** Tells the circuit what the attempt says about the upstream's health. */
    private static void report(TargetCircuit circuit, UpstreamResponse response, UpstreamFailure failure, long took) {
        if (failure != null) {
            if (failure.kind() == UpstreamFailure.Kind.NOT_SENT) {
                circuit.released(); // says nothing about the upstream's health
            } else {
                circuit.failed(took, failure);
            }
            return;
        }
        int status = response.status();
        if (status == 502 || status == 503 || status == 504) {
            circuit.failed(took, new FailedStatus(status));
        } else if (status == 429 || status >= 500) {
            circuit.released();
        } else {
            circuit.succeeded(took);
        }
    }

    /** The wait before the next attempt, or {@code null} when there is none. */
    private Duration nextWait(
            String method, int attempt, UpstreamResponse response, UpstreamFailure failure, long deadlineAt) {
        boolean retryable = failure != null ? failure.beforeResponse() : RetryPolicy.retryableStatus(response.status());
        if (!retryable || !retry.retries(method) || attempt >= retry.maxAttempts()) {
            return null;
        }
        Duration wait = retry.backoff(attempt + 1);
        if (response != null && (response.status() == 429 || response.status() == 503)) {
            Optional<Duration> asked = response.retryAfter(Instant.now());
            if (asked.isPresent()) {
                if (asked.get().compareTo(retry.maxDelay()) > 0) {
                    return null; // longer than the gateway waits: the model is told instead
                }
                wait = asked.get();
            }
        }
        // A retry needs time for its own exchange too; a wait that uses up the deadline is no retry.
        return System.nanoTime() + wait.toNanos() < deadlineAt ? wait : null;
    }

    /** A 502, 503 or 504, as the circuit breaker records failures. */
    private static final class FailedStatus extends IOException {
        private static final long serialVersionUID = 1L;

        FailedStatus(int status) {
            super("HTTP " + status, null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
