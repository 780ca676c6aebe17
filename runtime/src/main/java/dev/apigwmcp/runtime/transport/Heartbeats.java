package dev.apigwmcp.runtime.transport;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps calls that run long on SSE-capable requests alive with comment lines, which is also how a client that went
 * away is noticed (Jetty only sees a closed stream when it writes) and its call cancelled.
 *
 * <p>One periodic sweep over the calls in flight rather than a timer per call: scheduling and cancelling a timer
 * on every call woke the timer thread on every call, a measurable share of a fast call's cost.
 */
final class Heartbeats implements AutoCloseable {
    private final Set<Watch> inFlight = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;
    private final long periodNanos;

    Heartbeats(Duration period) {
        this.periodNanos = period.toNanos();
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mcp-http-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::sweep, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Watches a running call: once it has run for a period, each sweep writes a heartbeat, and a failed write runs
     * {@code cancel}. Returns what to run when the call ends.
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
            if (now - watch.started >= periodNanos && !watch.writer.heartbeat() && inFlight.remove(watch)) {
                watch.cancel.run();
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
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
