package dev.apigwmcp.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CallThreadsTest {

    @Test
    void neverRunsMoreThanTheLimit() throws Exception {
        try (CallThreads threads = new CallThreads(2, 30, "t-")) {
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger concurrent = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            List<Integer> started = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch done = new CountDownLatch(6);
            for (int i = 0; i < 6; i++) {
                int id = i;
                threads.execute(() -> {
                    started.add(id);
                    most.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    concurrent.decrementAndGet();
                    done.countDown();
                });
            }
            waitUntil(() -> started.size() >= 2); // a slow machine may take a while to start the two threads
            Thread.sleep(100); // room for a third to start, were the limit not kept
            assertThat(threads.running()).isEqualTo(2);
            assertThat(started).containsExactlyInAnyOrder(0, 1);
            release.countDown();
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(most.get()).isEqualTo(2);
            assertThat(started).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
            waitUntil(() -> threads.running() == 0);
        }
    }

    @Test
    void waitingCallsStartInArrivalOrder() throws Exception {
        try (CallThreads threads = new CallThreads(1, 30, "t-")) {
            CountDownLatch release = new CountDownLatch(1);
            List<Integer> started = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch done = new CountDownLatch(20);
            for (int i = 0; i < 20; i++) {
                int id = i;
                threads.execute(() -> {
                    started.add(id);
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    done.countDown();
                });
            }
            release.countDown();
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(started).isSorted().hasSize(20);
        }
    }

    @Test
    void oneCallAfterAnotherRunsOnTheSameThread() throws Exception {
        try (CallThreads threads = new CallThreads(256, 30, "t-")) {
            Set<String> names = new HashSet<>();
            for (int i = 0; i < 50; i++) {
                FutureTask<String> task =
                        new FutureTask<>(() -> Thread.currentThread().getName());
                threads.execute(task);
                names.add(task.get(5, TimeUnit.SECONDS));
                waitUntil(() -> threads.running() == 0);
                Thread.sleep(10); // lets the thread park for the next hand-off
            }
            // A queue-fed fixed pool would have started 50 threads here; a cached one reuses the idle thread.
            assertThat(names).hasSizeLessThan(10);
        }
    }

    @Test
    void closingCancelsWaitingCallsAndRefusesNewOnes() throws Exception {
        CallThreads threads = new CallThreads(1, 30, "t-");
        CountDownLatch running = new CountDownLatch(1);
        FutureTask<Void> first = new FutureTask<>(() -> {
            running.countDown();
            Thread.sleep(10_000);
            return null;
        });
        FutureTask<Void> second = new FutureTask<>(() -> null);
        threads.execute(first);
        threads.execute(second);
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        threads.close();
        assertThat(second.isCancelled()).isTrue();
        waitUntil(first::isDone); // interrupted out of its sleep
        assertThatThrownBy(() -> threads.execute(() -> {})).isInstanceOf(RejectedExecutionException.class);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
