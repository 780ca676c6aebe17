package dev.apigwmcp.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Closed-loop callers, one thread each, started together: each calls again as soon as its call returns, and records
 * the latency of the calls that started and ended inside the measuring window (the calls before it warm up).
 */
final class ClosedLoop {

    /** One call; {@code null} when it succeeded, else what went wrong. */
    interface Caller {
        String call() throws Exception;
    }

    /**
     * @param latencies  every counted call's latency in nanoseconds, sorted
     * @param errors     failed calls inside the window
     * @param firstError what the first of them said, or {@code null}
     */
    record Outcome(long[] latencies, int errors, String firstError) {}

    private final long[][] latencies;
    private final int[] errors;
    private final String[] firstError;
    private final CountDownLatch done;

    private ClosedLoop(int callers) {
        latencies = new long[callers][];
        errors = new int[callers];
        firstError = new String[callers];
        done = new CountDownLatch(callers);
    }

    /** Starts one thread per caller; they begin calling at {@code start} and stop at {@code windowEnd}. */
    static ClosedLoop start(List<Caller> callers, long start, long windowStart, long windowEnd, String threadName) {
        ClosedLoop loop = new ClosedLoop(callers.size());
        for (int i = 0; i < callers.size(); i++) {
            int index = i;
            Caller caller = callers.get(i);
            Thread thread = new Thread(
                    () -> loop.callUntil(index, caller, start, windowStart, windowEnd), threadName + "-" + i);
            thread.setDaemon(true);
            thread.start();
        }
        return loop;
    }

    private void callUntil(int index, Caller caller, long start, long windowStart, long windowEnd) {
        long[] own = new long[1 << 12];
        int count = 0;
        try {
            while (System.nanoTime() < start) {
                Thread.onSpinWait();
            }
            long now;
            while ((now = System.nanoTime()) < windowEnd) {
                String problem;
                try {
                    problem = caller.call();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    problem = e.toString();
                }
                long end = System.nanoTime();
                if (now < windowStart || end > windowEnd) {
                    continue;
                }
                if (problem != null) {
                    if (errors[index]++ == 0) {
                        firstError[index] = problem;
                    }
                    continue;
                }
                if (count == own.length) {
                    own = Arrays.copyOf(own, own.length * 2);
                }
                own[count++] = end - now;
            }
        } finally {
            latencies[index] = Arrays.copyOf(own, count);
            done.countDown();
        }
    }

    /** Waits for every caller to finish; an {@link IllegalStateException} when one is still calling after that. */
    Outcome await(long timeout, TimeUnit unit) throws InterruptedException {
        if (!done.await(timeout, unit)) {
            throw new IllegalStateException("calls still running " + unit.toSeconds(timeout) + " s after the window");
        }
        long[] all =
                Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        String error =
                Arrays.stream(firstError).filter(Objects::nonNull).findFirst().orElse(null);
        return new Outcome(all, Arrays.stream(errors).sum(), error);
    }
}
