package dev.apigwmcp.runtime.execution;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads tool calls run on: at most {@code limit} at once, later calls wait in arrival order, idle threads
 * end after {@code idleSeconds}.
 *
 * <p>Why not a fixed {@link ThreadPoolExecutor} with a queue: it starts a new thread for every task until it has
 * {@code limit} threads, even while others idle, and then hands tasks round-robin to all of them, so a steady
 * trickle of calls keeps hundreds of threads alive and every call wakes a cold one. Here an idle thread is reused
 * before a new one is started, and the most recently idle one goes first ({@link SynchronousQueue}'s unfair
 * hand-off is a stack): one session's calls keep running on the same warm thread.
 */
final class CallThreads implements Executor, AutoCloseable {

    private final int limit;
    private final ThreadPoolExecutor threads;
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean closed;

    CallThreads(int limit, long idleSeconds, String namePrefix) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        this.limit = limit;
        AtomicInteger count = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(
                0, Integer.MAX_VALUE, idleSeconds, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                    Thread thread = new Thread(r, namePrefix + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Runs the task now if fewer than {@code limit} tasks run, else when one ends. */
    @Override
    public void execute(Runnable task) {
        if (closed) {
            throw new RejectedExecutionException("closed");
        }
        waiting.add(task);
        startWaiting();
    }

    /**
     * Starts waiting tasks while there is room. Called after every enqueue and after every task ends, so a task
     * enqueued while all slots were taken is started by whichever task ends next.
     */
    private void startWaiting() {
        while (!closed && !waiting.isEmpty()) {
            int now = running.get();
            if (now >= limit) {
                return;
            }
            if (!running.compareAndSet(now, now + 1)) {
                continue;
            }
            Runnable next = waiting.poll();
            if (next == null) {
                running.decrementAndGet();
                continue;
            }
            try {
                threads.execute(() -> runThenContinue(next));
            } catch (RejectedExecutionException e) {
                running.decrementAndGet();
                cancel(next);
                return;
            }
        }
    }

    private void runThenContinue(Runnable task) {
        try {
            task.run();
        } finally {
            running.decrementAndGet();
            startWaiting();
        }
    }

    /** Tasks started so far and not yet ended (for tests and metrics). */
    int running() {
        return running.get();
    }

    /** Interrupts running tasks and cancels waiting ones (those that are {@link Future}s). */
    @Override
    public void close() {
        closed = true;
        threads.shutdownNow();
        for (Runnable task; (task = waiting.poll()) != null; ) {
            cancel(task);
        }
    }

    private static void cancel(Runnable task) {
        if (task instanceof Future<?> future) {
            future.cancel(false);
        }
    }
}
