package dev.apigwmcp.runtime.upstream;

import java.time.Duration;

/**
 * How each target's circuit breaker decides.
 *
 * @param failureRatePercent the share of failed attempts among the last {@code window} that opens the circuit;
 *                           0 turns circuit breaking off
 * @param window             how many recent attempts the rate is computed over (and how many it needs first)
 * @param openFor            how long an open circuit refuses calls before one trial call may go through
 */
public record CircuitSettings(int failureRatePercent, int window, Duration openFor) {

    public boolean enabled() {
        return failureRatePercent > 0;
    }
}
