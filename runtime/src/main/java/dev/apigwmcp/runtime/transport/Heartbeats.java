package dev.apigwmcp.runtime.transport;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeps calls that run long alive with writes ({@link ResponseWriter#heartbeat}), which is also how a client that
 * went away, or stopped reading, is noticed (Jetty only sees a closed connection when it writes) and its calls
 * cancelled.
 *
 * <p>One periodic sweep over the calls in flight rather than a timer per call: scheduling and cancelling a timer
 * on every call woke the timer thread on every call, a measurable share of a fast call's cost. Heartbeat writes do
 * not block, so one client that does not read cannot delay the sweep for the others.
 */
final class Heartbeats implements AutoCloseable {
    private final Set<Watch> inFlight = ConcurrentHashMap.newKeySet();
    private final long periodNanos;
    private final long stallNanos;
    private final ScheduledFuture<?> sweeping;

    /**
     * @param stall a heartbeat the client has not read after this long means the client is treated as gone
     */
    Heartbeats(ScheduledExecutorService timer, Duration period, Duration stall) {
        this.periodNanos = period.toNanos();
        this.stallNanos = stall.toNanos();
        this.sweeping = timer.scheduleWithFixedDelay(this::sweep, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Watches a running call: once it has run for a period, each sweep writes a heartbeat, and a failed or stalled
     * write runs {@code cancel}. Returns what to run when the call ends.
     */
    Runnable watch(ResponseWriter writer, Runnable cancel) {
        Watch watch = new Watch(writer, cancel, System.nanoTime());
        inFlight.add(watch);
        return () -> inFlight.remove(watch);
    }

    int watched() {
        return inFlight.size();
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Watch watch : inFlight) {
            if (now - watch.started >= periodNanos && !watch.writer.heartbeat(stallNanos) && inFlight.remove(watch)) {
                watch.cancel.run();
            }
        }
    }

    @Override
    public void close() {
        sweeping.cancel(false);
        inFlight.clear();
    }

    /** Identity matters (two calls may look alike), so not a record. */
    private static final class Watch {
        final ResponseWriter writer;
        final Runnable cancel;
        final long started;

        Watch(ResponseWriter writer, Runnable cancel, long started) {
            this.writer = writer;
            this.cancel = cancel;
            this.started = started;
        }
    }
}
