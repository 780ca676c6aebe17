package dev.apigwmcp.bench.client;

import com.sun.management.OperatingSystemMXBean;
import dev.apigwmcp.runtime.upstream.HttpHeader;
import dev.apigwmcp.runtime.upstream.UpstreamClient;
import dev.apigwmcp.runtime.upstream.UpstreamRequest;
import dev.apigwmcp.runtime.upstream.UpstreamResponse;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * CPU per upstream exchange of the JDK {@code HttpClient} exchange (as the gateway had it) and of the runtime's
 * Jetty-based {@link UpstreamClient}, in one JVM, alternating round by round against the same local upstream
 * ({@code PetUpstream}, another process). Each exchange is a GET of a 120-byte JSON pet, blocking on its calling
 * thread as a call thread does; {@code IN_FLIGHT} threads call at once. CPU is this process's (the upstream's is
 * not counted), so it includes the clients' selector threads, GC and JIT.
 *
 * <p>Usage: {@code UpstreamClientCpu PORT [ROUNDS] [CALLS_PER_ROUND] [IN_FLIGHT] [WARMUP_CALLS]}.
 */
public final class UpstreamClientCpu {

    @FunctionalInterface
    interface Exchange {
        UpstreamResponse send(UpstreamRequest request) throws Exception;
    }

    private UpstreamClientCpu() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        int inFlight = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 20_000;
        UpstreamRequest request = new UpstreamRequest("GET", URI.create("http://127.0.0.1:" + port + "/prod/pets/7"),
                List.of(new HttpHeader("Accept", "application/json")), null, Duration.ofSeconds(10));
        JdkUpstreamClient jdk = new JdkUpstreamClient(Duration.ofSeconds(10), 1 << 20);
        UpstreamClient jetty = new UpstreamClient(Duration.ofSeconds(10), 1 << 20, 256);
        String[] names = {"jdk", "jetty"};
        Exchange[] contenders = {jdk::exchange, r -> jetty.exchange(r, Duration.ofSeconds(10))};
        for (int i = 0; i < contenders.length; i++) {
            run(contenders[i], request, warmUp, inFlight);
        }
        List<List<Double>> cpu = List.of(new ArrayList<>(), new ArrayList<>());
        List<List<Double>> wall = List.of(new ArrayList<>(), new ArrayList<>());
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < contenders.length; k++) {
                int i = (round % 2 == 0) ? k : contenders.length - 1 - k;
                double[] measured = run(contenders[i], request, calls, inFlight);
                cpu.get(i).add(measured[0]);
                wall.get(i).add(measured[1]);
                System.out.printf(Locale.ROOT, "round %d %-5s cpu/call %.1f us  wall/call %.1f us%n", round + 1,
                        names[i], measured[0], measured[1]);
            }
        }
        for (int i = 0; i < contenders.length; i++) {
            System.out.printf(Locale.ROOT, "%-5s median cpu/call %.1f us (min %.1f, max %.1f), median wall/call %.1f us%n",
                    names[i], median(cpu.get(i)), Collections.min(cpu.get(i)), Collections.max(cpu.get(i)),
                    median(wall.get(i)));
        }
        List<Double> ratios = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            ratios.add(cpu.get(1).get(r) / cpu.get(0).get(r));
        }
        System.out.printf(Locale.ROOT, "jetty/jdk cpu ratio, median of rounds: %.2f%n", median(ratios));
        jetty.close();
        System.exit(0);
    }

    /** {@code calls} exchanges on {@code inFlight} threads: CPU and wall time per exchange, microseconds. */
    private static double[] run(Exchange exchange, UpstreamRequest request, int calls, int inFlight)
            throws InterruptedException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicInteger left = new AtomicInteger(calls);
        CountDownLatch done = new CountDownLatch(inFlight);
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        for (int t = 0; t < inFlight; t++) {
            Thread thread = new Thread(() -> {
                try {
                    while (left.getAndDecrement() > 0) {
                        UpstreamResponse response = exchange.send(request);
                        if (response.status() != 200) {
                            throw new IllegalStateException("status " + response.status());
                        }
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                    System.exit(1);
                } finally {
                    done.countDown();
                }
            });
            thread.start();
        }
        done.await();
        long wallNanos = System.nanoTime() - start;
        long cpuNanos = os.getProcessCpuTime() - cpu;
        return new double[] {cpuNanos / 1000.0 / calls, wallNanos / 1000.0 / calls};
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
