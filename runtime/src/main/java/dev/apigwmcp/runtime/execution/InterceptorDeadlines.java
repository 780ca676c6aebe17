package dev.apigwmcp.runtime.execution;

import dev.apigwmcp.runtime.upstream.ToolResult;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Ends a call whose interceptor is still running when the call's deadline passes, at the deadline: the client gets
 * the timeout then, not whenever the interceptor returns, and the call's thread is interrupted so that an
 * interceptor that blocks (a lookup, a lock) can give up. One timer thread for all calls; made only for a gateway
 * with interceptors. An interceptor that ignores the interrupt keeps its call thread until it returns; its late
 * result is dropped.
 */
final class InterceptorDeadlines implements AutoCloseable {

    /**
     * Past the deadline before the watch acts: the upstream exchange ends itself at the deadline and the interceptors
     * check it between each other, and their own results say more than the watch's.
     */
    private static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final ScheduledThreadPoolExecutor timer;

    InterceptorDeadlines() {
        timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "apigw-mcp-interceptor-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        // Most calls end long before their deadline: their cancelled watches leave the queue at once.
        timer.setRemoveOnCancelPolicy(true);
    }

    /**
     * Watches one call from now until the returned watch is cancelled (when the call ends): from {@code deadline}
     * (and a short grace) on, the first time an interceptor of {@code interception} is found running, {@code end}
     * gets the timeout result and {@code task} is interrupted. Checked again every grace period, because an
     * afterCall may start only when the upstream exchange has used up the deadline.
     */
    ScheduledFuture<?> watch(Interception interception, Duration deadline, Consumer<ToolResult> end, Future<?> task) {
        AtomicBoolean acted = new AtomicBoolean();
        return timer.scheduleWithFixedDelay(
                () -> {
                    if (acted.get()) {
                        return;
                    }
                    ToolResult overran = interception.overran();
                    if (overran != null && acted.compareAndSet(false, true)) {
                        end.accept(overran);
                        if (task != null) {
                            task.cancel(true);
                        }
                    }
                },
                deadline.toNanos() + GRACE_NANOS,
                GRACE_NANOS,
                TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
