package dev.apigwmcp.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The CPU a tool call costs in gateway builds side by side, for changes of a few per cent: each contender is the
 * runtime's test launcher ({@code PetsGatewayMain}, the {@code pets} test target) from its own class path, served
 * over Streamable HTTP against one in-process upstream; rounds give each contender the same closed loop of
 * {@code tools/call pets___GetPet} (1 session) in turn (A B A B ...), and the gateway process's own CPU time
 * ({@code /proc/<pid>/stat}, all threads) is divided by the calls it answered. Ratios are taken per round against
 * the first contender, then the median.
 *
 * <p>Usage: {@code TelemetryCost ROUNDS SECONDS WARMUP_SECONDS LABEL=CLASSPATH[;ENV=VALUE...] ...}; in an
 * {@code ENV} value {@code {upstream}} stands for the in-process upstream's origin, which also accepts OTLP over
 * HTTP ({@code /v1/...}) and discards it.
 */
public final class TelemetryCost {

    /** A pet as the test target's output schema describes it (so the answer is checked and passes). */
    private static final byte[] PET = ("{\"id\":\"7\",\"type\":\"dog\",\"price\":249.5,\"name\":\"Rex\",\"tags\":"
                    + "[\"good\",\"boy\"],\"owner\":{\"name\":\"Ana\",\"email\":\"ana@example.com\"}}")
            .getBytes(StandardCharsets.UTF_8);

    private static final String CALL = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":"
            + "\"pets___GetPet\",\"arguments\":{\"petId\":\"7\"},\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":"
            + "\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
    private static final long TICKS_PER_SECOND = 100;

    private TelemetryCost() {}

    record Contender(String label, Process process, URI endpoint, HttpClient client) {}

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: TelemetryCost ROUNDS SECONDS WARMUP_SECONDS LABEL=CLASSPATH[;ENV=VALUE...] ...");
            System.exit(2);
        }
        int rounds = Integer.parseInt(args[0]);
        double seconds = Double.parseDouble(args[1]);
        double warmup = Double.parseDouble(args[2]);
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        upstream.setExecutor(Executors.newFixedThreadPool(4));
        upstream.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                if (exchange.getRequestURI().getPath().startsWith("/v1/")) {
                    // An OTLP collector that accepts everything, for a contender with an exporter configured.
                    exchange.sendResponseHeaders(200, -1);
                    return;
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, PET.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(PET);
                }
            }
        });
        upstream.start();
        String base = "http://127.0.0.1:" + upstream.getAddress().getPort() + "/prod";
        List<Contender> contenders = new ArrayList<>();
        try {
            for (String spec : Arrays.copyOfRange(args, 3, args.length)) {
                contenders.add(start(spec, base));
            }
            for (Contender contender : contenders) {
                loop(contender, warmup);
            }
            Map<String, List<Double>> cpuPerCall = new LinkedHashMap<>();
            Map<String, List<Double>> ratios = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                double first = 0;
                StringBuilder line = new StringBuilder("round " + round + ":");
                for (Contender contender : contenders) {
                    long before = cpuTicks(contender.process());
                    int calls = loop(contender, seconds);
                    long ticks = cpuTicks(contender.process()) - before;
                    double micros = ticks * 1_000_000.0 / TICKS_PER_SECOND / calls;
                    cpuPerCall
                            .computeIfAbsent(contender.label(), k -> new ArrayList<>())
                            .add(micros);
                    if (first == 0) {
                        first = micros;
                    } else {
                        ratios.computeIfAbsent(contender.label(), k -> new ArrayList<>())
                                .add(micros / first);
                    }
                    line.append(String.format(
                            Locale.ROOT, "  %s %d calls, %.0f us CPU/call", contender.label(), calls, micros));
                }
                System.out.println(line);
            }
            System.out.println();
            for (Map.Entry<String, List<Double>> entry : cpuPerCall.entrySet()) {
                System.out.printf(
                        Locale.ROOT, "%s: CPU per call %s us%n", entry.getKey(), summary(entry.getValue(), "%.0f"));
            }
            for (Map.Entry<String, List<Double>> entry : ratios.entrySet()) {
                System.out.printf(
                        Locale.ROOT,
                        "%s / %s: %s%n",
                        entry.getKey(),
                        contenders.get(0).label(),
                        summary(entry.getValue(), "%.3f"));
            }
        } finally {
            for (Contender contender : contenders) {
                contender.process().destroy();
            }
            upstream.stop(0);
        }
    }

    private static Contender start(String spec, String base) throws Exception {
        String[] parts = spec.split(";");
        int eq = parts[0].indexOf('=');
        String label = parts[0].substring(0, eq);
        String classPath = parts[0].substring(eq + 1);
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                classPath,
                "dev.apigwmcp.runtime.execution.PetsGatewayMain",
                "--transport",
                "http",
                "--port",
                Integer.toString(port),
                "--target.pets.base-url",
                base,
                "--target.pets.api-key-env",
                "PETS_KEY",
                "--target.pets.oauth2.token-url",
                "http://127.0.0.1:9/token",
                "--target.pets.oauth2.client-id",
                "c-1",
                "--target.pets.oauth2.client-secret-env",
                "PETS_KEY");
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("APIGW_MCP_") || name.startsWith("OTEL_"));
        builder.environment().put("PETS_KEY", "bench-key");
        for (int i = 1; i < parts.length; i++) {
            int at = parts[i].indexOf('=');
            builder.environment()
                    .put(
                            parts[i].substring(0, at),
                            parts[i].substring(at + 1)
                                    .replace("{upstream}", base.substring(0, base.length() - "/prod".length())));
        }
        Path log = Files.createTempFile("telemetry-cost-" + label, ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        URI endpoint = URI.create("http://127.0.0.1:" + port + "/mcp");
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Contender contender = new Contender(label, process, endpoint, client);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try {
                call(contender);
                return contender;
            } catch (IOException e) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new IllegalStateException(label + " did not start; see " + log, e);
                }
                Thread.sleep(100);
            }
        }
    }

    /** Calls for {@code seconds}; returns how many calls were answered. */
    private static int loop(Contender contender, double seconds) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int calls = 0;
        while (System.nanoTime() < end) {
            call(contender);
            calls++;
        }
        return calls;
    }

    private static void call(Contender contender) throws IOException, InterruptedException {
        HttpResponse<String> response = contender
                .client()
                .send(
                        HttpRequest.newBuilder(contender.endpoint())
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json, text/event-stream")
                                .header("MCP-Protocol-Version", "2026-07-28")
                                .header("Mcp-Method", "tools/call")
                                .header("Mcp-Name", "pets___GetPet")
                                .POST(HttpRequest.BodyPublishers.ofString(CALL))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200
                || !response.body().contains("\"result\"")
                || response.body().contains("\"isError\":true")) {
            throw new IllegalStateException(
                    contender.label() + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** User plus system time of every thread of the process, in clock ticks. */
    private static long cpuTicks(Process process) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static String summary(List<Double> values, String format) {
        List<Double> sorted = values.stream().sorted().toList();
        double median = sorted.size() % 2 == 1
                ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        return String.format(
                Locale.ROOT,
                format + " (" + format + "–" + format + ", n=%d)",
                median,
                sorted.get(0),
                sorted.get(sorted.size() - 1),
                sorted.size());
    }
}
