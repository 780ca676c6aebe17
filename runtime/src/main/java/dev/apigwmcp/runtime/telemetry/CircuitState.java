package dev.apigwmcp.runtime.telemetry;

import java.util.Optional;

/** A circuit breaker's state, as the {@code CircuitState} metric reports it (the value is the gauge's). */
public enum CircuitState {
    /** Calls go through. */
    CLOSED(0),
    /** A few probe calls go through to see whether the upstream has recovered. */
    HALF_OPEN(1),
    /** Calls fail fast without reaching the upstream. */
    OPEN(2);

    private final int value;

    CircuitState(int value) {
        this.value = value;
    }

    /**
     * The state a circuit breaker names {@code CLOSED}, {@code HALF_OPEN} or {@code OPEN}; empty for any other name
     * (a breaker turned off reports no state).
     */
    public static Optional<CircuitState> named(String name) {
        for (CircuitState state : values()) {
            if (state.name().equals(name)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    /** The gauge value: 0 closed, 1 half-open, 2 open. */
    public int value() {
        return value;
    }
}
