package dev.apigwmcp.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server CPU per {@code tools/call}, side by side (issue 21): MCP servers over stdio and over Streamable HTTP, each
 * kept running for the whole run, called by closed loops of 1 or N calls in flight on a SigV4 tool and an API-key
 * tool, against one upstream ({@code PetUpstream}). Every round gives the direct REST call and each contender the
 * same window in turn (the order reversed every other round), and each server process's own CPU time
 * ({@code /proc/<pid>/stat}, user + system, all threads) over the window is divided by the calls answered in it;
 * a warm-up before the window is excluded. Ratios (contender ÷ reference, p50 − direct p50) are taken per round,
 * then the median.
 *
 * <p>Usage: {@code CallEfficiency CONTENDERS_FILE UPSTREAM_ORIGIN RAW_JSONL} with the settings as system
 * properties ({@code rounds}, {@code seconds}, {@code settle}, {@code warmup}, {@code inFlight}, {@code transports},
 * {@code tools}, {@code reference}, {@code apiKey}). Each line of the contenders file is
 * {@code label|http mode|SigV4 tool|API-key tool|stdio command|HTTP command}, commands split at spaces, the HTTP
 * command with {@code {port}} for its port; http mode {@code mcp} (the POST answers the call) or
 * {@code mcp-get-stream} (the answer comes on the session's GET event stream, as the npm peer does it). Lines
 * starting with {@code #} are skipped.
 */
public final class CallEfficiency {

    private static final String PROTOCOL = "2025-06-18";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final long TICKS_PER_SECOND = 100;

    record Contender(
            String label,
            String httpMode,
            Map<String, String> tools,
            List<String> stdioCommand,
            List<String> httpCommand) {}

    /** One tool as every contender has it, and the REST call it makes. */
    record Tool(String key, String arguments, String directPath, boolean apiKey) {}

    /** A running server: its process and a way to open clients to it. */
    interface Server {
        long pid();

        Client open() throws Exception;

        void stop();
    }

    /** One session (HTTP) or one caller sharing the process's pipe (stdio); {@code call} returns null when it worked. */
    interface Client {
        String call(String tool, String arguments) throws Exception;

        default void close() {}
    }

    private static final AtomicLong IDS = new AtomicLong(1_000);

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: CallEfficiency CONTENDERS_FILE UPSTREAM_ORIGIN RAW_JSONL");
            System.exit(2);
        }
        int rounds = Integer.getInteger("rounds", 3);
        double seconds = Double.parseDouble(System.getProperty("seconds", "4"));
        double settle = Double.parseDouble(System.getProperty("settle", "1"));
        double warmup = Double.parseDouble(System.getProperty("warmup", "20"));
        List<Integer> inFlight =
                words("inFlight", "1 16").stream().map(Integer::parseInt).toList();
        List<String> transports = words("transports", "stdio http");
        List<String> toolKeys = words("tools", "sigv4 apikey");
        String apiKey = System.getProperty("apiKey", "bench-key");
        String upstream = args[1];
        Path raw = Path.of(args[2]);
        List<Contender> contenders = readContenders(Path.of(args[0]));
        String reference = System.getProperty(
                "reference", contenders.get(contenders.size() - 1).label());
        Map<String, Tool> tools = tools();

        Map<String, Server> servers = new LinkedHashMap<>();
        try {
            for (Contender contender : contenders) {
                for (String transport : transports) {
                    servers.put(contender.label() + "/" + transport, start(contender, transport));
                }
            }
            // Warm-up: every server, both tools, the largest in-flight count, nothing recorded.
            int most = inFlight.stream().mapToInt(Integer::intValue).max().orElse(1);
            warmUp(servers, contenders, transports, toolKeys, tools, most, warmup);
            List<Measurement> all = new ArrayList<>();
            for (String key : toolKeys) {
                Tool tool = tools.get(key);
                for (int n : inFlight) {
                    for (int round = 1; round <= rounds; round++) {
                        List<Runnable> order = new ArrayList<>();
                        int currentRound = round;
                        order.add(() -> all.add(measure(
                                "direct",
                                "http",
                                key,
                                n,
                                currentRound,
                                direct(upstream + tool.directPath(), tool.apiKey() ? apiKey : null),
                                null,
                                null,
                                settle,
                                seconds)));
                        for (Contender contender : contenders) {
                            for (String transport : transports) {
                                Server server = servers.get(contender.label() + "/" + transport);
                                order.add(() -> all.add(measure(
                                        contender.label(),
                                        transport,
                                        key,
                                        n,
                                        currentRound,
                                        server,
                                        contender.tools().get(key),
                                        tool.arguments(),
                                        settle,
                                        seconds)));
                            }
                        }
                        if (round % 2 == 0) {
                            java.util.Collections.reverse(order);
                        }
                        order.forEach(Runnable::run);
                    }
                }
            }
            writeRaw(raw, all);
            System.out.print(table(all, contenders, transports, toolKeys, inFlight, reference));
        } finally {
            servers.values().forEach(Server::stop);
        }
    }

    /** A system property's words, separated by white space. */
    private static List<String> words(String property, String fallback) {
        return List.of(System.getProperty(property, fallback).trim().split("\\s+"));
    }

    /** The tools measured: a SigV4 tool and an API-key tool of the PetStore sample, with their direct calls. */
    private static Map<String, Tool> tools() {
        Map<String, Tool> tools = new LinkedHashMap<>();
        tools.put("sigv4", new Tool("sigv4", "{\"petId\":\"7\"}", "/prod/pets/7", false));
        tools.put(
                "apikey",
                new Tool("apikey", "{\"petId\":\"7\",\"size\":\"small\"}", "/prod/pets/7/photos?size=small", true));
        return tools;
    }

    /** Calls every server's tools at {@code most} in flight for {@code warmup} seconds in all, recording nothing. */
    private static void warmUp(
            Map<String, Server> servers,
            List<Contender> contenders,
            List<String> transports,
            List<String> toolKeys,
            Map<String, Tool> tools,
            int most,
            double warmup)
            throws Exception {
        for (Contender contender : contenders) {
            for (String transport : transports) {
                Server server = servers.get(contender.label() + "/" + transport);
                for (String key : toolKeys) {
                    Tool tool = tools.get(key);
                    System.err.printf(
                            Locale.ROOT,
                            "warming %s over %s on %s (%.0f s)%n",
                            contender.label(),
                            transport,
                            key,
                            warmup / toolKeys.size());
                    run(server, contender.tools().get(key), tool.arguments(), most, 0, warmup / toolKeys.size());
                }
            }
        }
    }

    private static void writeRaw(Path raw, List<Measurement> all) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Measurement m : all) {
            lines.append(m.json()).append('\n');
        }
        Files.writeString(raw, lines.toString());
    }

    record Measurement(
            String label,
            String transport,
            String tool,
            int inFlight,
            int round,
            int calls,
            int errors,
            double seconds,
            double cpuMicrosPerCall,
            double p50Ms,
            double p99Ms,
            String firstError) {

        String json() {
            return String.format(
                    Locale.ROOT,
                    "{\"label\":\"%s\",\"transport\":\"%s\",\"tool\":\"%s\",\"inFlight\":%d,"
                            + "\"round\":%d,\"calls\":%d,\"errors\":%d,\"callsPerSecond\":%.1f,\"cpuMicrosPerCall\":%.1f,"
                            + "\"p50Ms\":%.3f,\"p99Ms\":%.3f%s}",
                    label,
                    transport,
                    tool,
                    inFlight,
                    round,
                    calls,
                    errors,
                    calls / seconds,
                    cpuMicrosPerCall,
                    p50Ms,
                    p99Ms,
                    firstError == null
                            ? ""
                            : ",\"firstError\":\""
                                    + firstError.replace("\\", "\\\\").replace("\"", "'") + "\"");
        }
    }

    private static Measurement measure(
            String label,
            String transport,
            String toolKey,
            int n,
            int round,
            Server server,
            String tool,
            String arguments,
            double settle,
            double seconds) {
        try {
            Result result = run(server, tool, arguments, n, settle, seconds);
            Measurement m = new Measurement(
                    label,
                    transport,
                    toolKey,
                    n,
                    round,
                    result.calls(),
                    result.errors(),
                    seconds,
                    result.cpuTicks() < 0
                            ? Double.NaN
                            : result.cpuTicks() * 1_000_000.0 / TICKS_PER_SECOND / Math.max(1, result.calls()),
                    result.p50Ms(),
                    result.p99Ms(),
                    result.firstError());
            System.err.println(m.json());
            return m;
        } catch (Exception e) {
            throw new IllegalStateException(label + " over " + transport + " failed", e);
        }
    }

    record Result(int calls, int errors, long cpuTicks, double p50Ms, double p99Ms, String firstError) {}

    /**
     * A closed loop of {@code n} clients for {@code settle + seconds}; CPU is read when the window opens and when
     * it closes, and only calls that started and ended inside the window count.
     */
    private static Result run(Server server, String tool, String arguments, int n, double settle, double seconds)
            throws Exception {
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            clients.add(server.open());
        }
        long start = System.nanoTime() + 20_000_000L;
        long windowStart = start + (long) (settle * 1e9);
        long windowEnd = windowStart + (long) (seconds * 1e9);
        List<ClosedLoop.Caller> callers = new ArrayList<>();
        clients.forEach(client -> callers.add(() -> client.call(tool, arguments)));
        ClosedLoop loop = ClosedLoop.start(callers, start, windowStart, windowEnd, "client");
        sleepUntil(windowStart);
        long before = cpuTicks(server.pid());
        sleepUntil(windowEnd);
        long after = cpuTicks(server.pid());
        ClosedLoop.Outcome outcome = loop.await(60, TimeUnit.SECONDS);
        clients.forEach(Client::close);
        long[] all = outcome.latencies();
        return new Result(
                all.length,
                outcome.errors(),
                before < 0 ? -1 : after - before,
                percentile(all, 0.5),
                percentile(all, 0.99),
                outcome.firstError());
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** User plus system time of every thread of the process, in clock ticks; -1 for no process (direct). */
    static long cpuTicks(long pid) throws IOException {
        if (pid <= 0) {
            return -1;
        }
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    // --- servers and clients ------------------------------------------------------------------------------------

    private static Server direct(String url, String apiKey) {
        return new Server() {
            public long pid() {
                return -1;
            }

            public Client open() {
                HttpClient client = httpClient();
                HttpRequest.Builder builder =
                        HttpRequest.newBuilder(URI.create(url)).GET();
                if (apiKey != null) {
                    builder.header("x-api-key", apiKey);
                }
                HttpRequest request = builder.build();
                return (tool, arguments) -> {
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    return response.statusCode() == 200 ? null : "status " + response.statusCode();
                };
            }

            public void stop() {}
        };
    }

    private static HttpClient httpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static Server start(Contender contender, String transport) throws Exception {
        Path log = Files.createTempFile("call-efficiency-" + contender.label() + "-" + transport, ".log");
        if (transport.equals("stdio")) {
            Process process = new ProcessBuilder(contender.stdioCommand())
                    .redirectError(ProcessBuilder.Redirect.to(log.toFile()))
                    .start();
            StdioServer server = new StdioServer(contender.label(), process, log);
            server.initialize();
            return server;
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        List<String> command = contender.httpCommand().stream()
                .map(p -> p.replace("{port}", Integer.toString(port)))
                .toList();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .start();
        HttpServer server = new HttpServer(
                process,
                URI.create("http://127.0.0.1:" + port + "/mcp"),
                contender.httpMode().equals("mcp-get-stream"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                server.open().close();
                return server;
            } catch (IOException e) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new IllegalStateException(contender.label() + " did not start over HTTP; see " + log, e);
                }
                Thread.sleep(100);
            }
        }
    }

    /** One server process over stdio: callers share its pipe, a reader thread hands each answer to its caller. */
    private static final class StdioServer implements Server {
        private final String label;
        private final Process process;
        private final Path log;
        private final OutputStream in;
        private final Map<Long, CompletableFuture<String>> waiting = new ConcurrentHashMap<>();

        StdioServer(String label, Process process, Path log) {
            this.label = label;
            this.process = process;
            this.log = log;
            this.in = process.getOutputStream();
            Thread reader = new Thread(this::read, "stdio-reader-" + label);
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher id = ID.matcher(line);
                    if (id.find()) {
                        CompletableFuture<String> answer = waiting.remove(Long.parseLong(id.group(1)));
                        if (answer != null) {
                            answer.complete(line);
                        }
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            waiting.values()
                    .forEach(f -> f.completeExceptionally(new IOException(label + " closed stdout; see " + log)));
        }

        String request(long id, String frame) throws Exception {
            CompletableFuture<String> answer = new CompletableFuture<>();
            waiting.put(id, answer);
            send(frame);
            return answer.get(30, TimeUnit.SECONDS);
        }

        private void send(String frame) throws IOException {
            byte[] bytes = (frame + "\n").getBytes(StandardCharsets.UTF_8);
            synchronized (in) {
                in.write(bytes);
                in.flush();
            }
        }

        void initialize() throws Exception {
            long id = IDS.incrementAndGet();
            request(
                    id,
                    "{\"jsonrpc\":\"2.0\",\"id\":" + id
                            + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + PROTOCOL
                            + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}");
            send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        }

        public long pid() {
            return process.pid();
        }

        public Client open() {
            return (tool, arguments) -> {
                long id = IDS.incrementAndGet();
                String answer = request(id, callFrame(id, tool, arguments));
                return check(answer);
            };
        }

        public void stop() {
            process.destroy();
        }
    }

    private static String callFrame(long id, String tool, String arguments) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + "}}";
    }

    private static String check(String answer) {
        if (!answer.contains("\"result\"") || answer.contains("\"isError\":true")) {
            return "call failed: " + answer.substring(0, Math.min(300, answer.length()));
        }
        return null;
    }

    /** A server over Streamable HTTP; each client is one legacy session on its own connection. */
    private record HttpServer(Process process, URI url, boolean getStream) implements Server {
        public long pid() {
            return process.pid();
        }

        public Client open() throws Exception {
            return new HttpSession(url, getStream);
        }

        public void stop() {
            process.destroy();
        }
    }

    private static final class HttpSession implements Client {
        private final URI url;
        private final boolean getStream;
        private final HttpClient client = httpClient();
        private final String sessionId;
        private BlockingQueue<String> events;
        private CompletableFuture<?> stream;

        HttpSession(URI url, boolean getStream) throws Exception {
            this.url = url;
            this.getStream = getStream;
            HttpResponse<String> init = post(
                    null,
                    "{\"jsonrpc\":\"2.0\",\"id\":" + IDS.incrementAndGet()
                            + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + PROTOCOL
                            + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}");
            sessionId = init.headers()
                    .firstValue("Mcp-Session-Id")
                    .orElseThrow(() -> new IOException(
                            "initialize answered " + init.statusCode() + " without an Mcp-Session-Id: " + init.body()));
            post(sessionId, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            if (getStream) {
                events = new ArrayBlockingQueue<>(1024);
                HttpRequest get = HttpRequest.newBuilder(url)
                        .GET()
                        .header("Accept", "text/event-stream")
                        .header("Mcp-Session-Id", sessionId)
                        .build();
                stream = client.sendAsync(get, HttpResponse.BodyHandlers.ofLines())
                        .thenAccept(response -> response.body()
                                .filter(line -> line.startsWith("data:"))
                                .forEach(line -> events.offer(line.substring(5).trim())));
                Thread.sleep(100); // let the stream attach before the first answer is sent on it
            }
        }

        public String call(String tool, String arguments) throws Exception {
            long id = IDS.incrementAndGet();
            HttpResponse<String> response = post(sessionId, callFrame(id, tool, arguments));
            if (!getStream) {
                return response.statusCode() == 200
                        ? check(payload(response))
                        : "status " + response.statusCode() + ": " + response.body();
            }
            if (response.statusCode() != 202) {
                return "status " + response.statusCode() + ": " + response.body();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (true) {
                String event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (event == null) {
                    return "no answer on the GET stream within 10 s";
                }
                Matcher matcher = ID.matcher(event);
                if (matcher.find() && Long.parseLong(matcher.group(1)) == id) {
                    return check(event);
                }
            }
        }

        private HttpResponse<String> post(String session, String body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(url)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .timeout(Duration.ofSeconds(30));
            if (session != null) {
                request.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", PROTOCOL);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private static String payload(HttpResponse<String> response) {
            if (!response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
                return response.body();
            }
            StringBuilder data = new StringBuilder();
            for (String line : response.body().split("\n")) {
                if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
            return data.toString();
        }

        @Override
        public void close() {
            if (stream != null) {
                stream.cancel(true);
            }
            try {
                client.send(
                        HttpRequest.newBuilder(url)
                                .DELETE()
                                .header("Mcp-Session-Id", sessionId)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (Exception e) {
                // the server may already be gone
            }
        }
    }

    // --- input and output ---------------------------------------------------------------------------------------

    private static List<Contender> readContenders(Path file) throws IOException {
        List<Contender> contenders = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\|");
            if (parts.length != 6) {
                throw new IllegalArgumentException("expected label|http mode|SigV4 tool|API-key tool|stdio command|"
                        + "HTTP command, got: " + line);
            }
            contenders.add(new Contender(
                    parts[0],
                    parts[1],
                    Map.of("sigv4", parts[2], "apikey", parts[3]),
                    List.of(parts[4].trim().split("\\s+")),
                    List.of(parts[5].trim().split("\\s+"))));
        }
        return contenders;
    }

    private static String table(
            List<Measurement> all,
            List<Contender> contenders,
            List<String> transports,
            List<String> toolKeys,
            List<Integer> inFlight,
            String reference) {
        StringBuilder out = new StringBuilder();
        out.append("| transport | tool | in flight | contender | CPU µs/call | ÷ ")
                .append(reference)
                .append(" (per round) | calls/s | p50 ms | p50 − direct ms (per round) | errors |\n");
        out.append("|---|---|---:|---|---:|---:|---:|---:|---:|---:|\n");
        for (String transport : transports) {
            for (String tool : toolKeys) {
                for (int n : inFlight) {
                    for (Contender contender : contenders) {
                        List<Measurement> mine = select(all, contender.label(), transport, tool, n);
                        List<Measurement> ref = select(all, reference, transport, tool, n);
                        List<Measurement> direct = select(all, "direct", "http", tool, n);
                        List<Double> ratios = new ArrayList<>();
                        List<Double> overheads = new ArrayList<>();
                        for (int i = 0; i < mine.size(); i++) {
                            ratios.add(
                                    mine.get(i).cpuMicrosPerCall() / ref.get(i).cpuMicrosPerCall());
                            overheads.add(mine.get(i).p50Ms() - direct.get(i).p50Ms());
                        }
                        out.append(String.format(
                                Locale.ROOT,
                                "| %s | %s | %d | %s | %s | %s | %s | %s | %s | %d |%n",
                                transport,
                                tool,
                                n,
                                contender.label(),
                                Stats.of(field(mine, Measurement::cpuMicrosPerCall))
                                        .text("%.0f"),
                                contender.label().equals(reference)
                                        ? "1"
                                        : Stats.of(ratios).text("%.2f"),
                                Stats.of(field(mine, m -> m.calls() / m.seconds()))
                                        .text("%.0f"),
                                Stats.of(field(mine, Measurement::p50Ms)).text("%.2f"),
                                Stats.of(overheads).text("%.2f"),
                                mine.stream().mapToInt(Measurement::errors).sum()));
                    }
                }
            }
        }
        out.append("\n| tool | in flight | direct calls/s | direct p50 ms |\n|---|---:|---:|---:|\n");
        for (String tool : toolKeys) {
            for (int n : inFlight) {
                List<Measurement> direct = select(all, "direct", "http", tool, n);
                out.append(String.format(
                        Locale.ROOT,
                        "| %s | %d | %s | %s |%n",
                        tool,
                        n,
                        Stats.of(field(direct, m -> m.calls() / m.seconds())).text("%.0f"),
                        Stats.of(field(direct, Measurement::p50Ms)).text("%.2f")));
            }
        }
        return out.toString();
    }

    private static List<Measurement> select(List<Measurement> all, String label, String transport, String tool, int n) {
        return all.stream()
                .filter(m -> m.label().equals(label)
                        && m.transport().equals(transport)
                        && m.tool().equals(tool)
                        && m.inFlight() == n)
                .sorted(java.util.Comparator.comparingInt(Measurement::round))
                .toList();
    }

    private static List<Double> field(List<Measurement> list, java.util.function.ToDoubleFunction<Measurement> f) {
        return list.stream().mapToDouble(f).boxed().toList();
    }
}
