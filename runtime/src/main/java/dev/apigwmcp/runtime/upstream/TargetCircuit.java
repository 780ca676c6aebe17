package dev.apigwmcp.runtime.upstream;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The circuit breaker of one target (resilience4j's {@link CircuitBreaker}): after too many failed attempts
 * (no connection, a broken one, a passed deadline, HTTP 502/503/504) it opens and calls fail at once; after
 * {@link CircuitSettings#openFor()} one trial call goes through (half-open), and its success closes the circuit
 * again, its failure opens it anew. Any other answer, 4xx included, shows the upstream is there and counts as a
 * success; 429 and other 5xx count as neither.
 */
public final class TargetCircuit {

    private final String target;
    private final CircuitSettings settings;
    private final Supplier<UpstreamEvents> events;
    /** Made on the first call, so that a gateway's start does not load the library's classes. */
    private volatile CircuitBreaker breaker;

    private volatile long openedAt;

    public TargetCircuit(String target, CircuitSettings settings, Supplier<UpstreamEvents> events) {
        this.target = target;
        this.settings = settings;
        this.events = events;
    }

    /** The breaker, made on first use; {@code null} when circuit breaking is off. */
    private CircuitBreaker breaker() {
        CircuitBreaker made = breaker;
        if (made != null || !settings.enabled()) {
            return made;
        }
        synchronized (this) {
            if (breaker == null) {
                breaker = create();
            }
            return breaker;
        }
    }

    private CircuitBreaker create() {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.window())
                .minimumNumberOfCalls(settings.window())
                .failureRateThreshold(settings.failureRatePercent())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                // No timer thread: the first call after the wait moves the circuit to half-open.
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                // Slowness is the deadline's business; a passed deadline is already a failure.
                .slowCallRateThreshold(100)
                .slowCallDurationThreshold(Duration.ofDays(1))
                .writableStackTraceEnabled(false)
                .build();
        CircuitBreaker created = CircuitBreaker.of(target, config);
        created.getEventPublisher().onStateTransition(event -> {
            CircuitBreaker.State to = event.getStateTransition().getToState();
            if (to == CircuitBreaker.State.OPEN) {
                openedAt = System.nanoTime();
            }
            events.get()
                    .circuitChanged(
                            target, event.getStateTransition().getFromState().name(), to.name());
        });
        return created;
    }

    /** Makes the breaker now (a warm-up off the first call's path). */
    public void prepare() {
        breaker();
    }

    public String target() {
        return target;
    }

    /** Whether an attempt may go now; if so, it must end in exactly one of the three reports below. */
    public boolean tryAcquire() {
        CircuitBreaker circuit = breaker();
        return circuit == null || circuit.tryAcquirePermission();
    }

    /** The upstream answered (any status but 429 and 5xx other than 502/503/504 counts as alive). */
    public void succeeded(long nanos) {
        CircuitBreaker circuit = breaker();
        if (circuit != null) {
            circuit.onSuccess(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** The upstream failed: no connection, a broken one, a passed deadline, 502, 503 or 504. */
    public void failed(long nanos, Throwable why) {
        CircuitBreaker circuit = breaker();
        if (circuit != null) {
            circuit.onError(nanos, TimeUnit.NANOSECONDS, why);
        }
    }

    /** The attempt says nothing about the upstream's health (429, other 5xx, cancelled). */
    public void released() {
        CircuitBreaker circuit = breaker();
        if (circuit != null) {
            circuit.releasePermission();
        }
    }

    /** {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN} ({@code DISABLED} when circuit breaking is off). */
    public String state() {
        CircuitBreaker circuit = breaker;
        return !settings.enabled()
                ? "DISABLED"
                : circuit == null ? "CLOSED" : circuit.getState().name();
    }

    /** How long calls stay refused (zero once a trial call may go, or one is under way). */
    public Duration pausedFor() {
        CircuitBreaker circuit = breaker;
        long left = settings.openFor().toNanos() - (System.nanoTime() - openedAt);
        return circuit == null || circuit.getState() != CircuitBreaker.State.OPEN || left <= 0
                ? Duration.ZERO
                : Duration.ofNanos(left);
    }

    public CircuitSettings settings() {
        return settings;
    }
}
