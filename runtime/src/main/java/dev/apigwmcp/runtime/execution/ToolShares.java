package dev.apigwmcp.runtime.execution;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Each tool's share of the call slots: at most {@link #share()} calls of one tool in flight (running or waiting
 * for a slot), so that a stalled endpoint cannot take every slot from the other tools. A call over its share is
 * refused at once rather than queued: it would only wait behind calls that are themselves stuck.
 */
final class ToolShares {

    private final int share;
    private final Map<String, AtomicInteger> inFlight;

    /**
     * @param perTool        the configured share
     * @param maxConcurrent  the gateway's call slots; a share is at most half of them (rounded up)
     */
    ToolShares(Collection<String> tools, int perTool, int maxConcurrent) {
        this.share = Math.max(1, Math.min(perTool, (maxConcurrent + 1) / 2));
        Map<String, AtomicInteger> counters = new HashMap<>();
        tools.forEach(tool -> counters.put(tool, new AtomicInteger()));
        this.inFlight = Map.copyOf(counters);
    }

    /** Takes a place for a call of {@code tool}; false when the tool already has its share in flight. */
    boolean tryAcquire(String tool) {
        AtomicInteger count = inFlight.get(tool);
        while (true) {
            int now = count.get();
            if (now >= share) {
                return false;
            }
            if (count.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    void release(String tool) {
        inFlight.get(tool).decrementAndGet();
    }

    int share() {
        return share;
    }

    /** Calls of {@code tool} in flight now (for tests and metrics). */
    int inFlight(String tool) {
        return inFlight.get(tool).get();
    }
}
