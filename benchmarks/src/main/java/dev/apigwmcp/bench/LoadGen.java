package dev.apigwmcp.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop load: N sessions, each on its own thread, each sending its next call as soon as the last one is
 * answered, for a warm-up and then a measured window. Prints one JSON line with calls/s and latency percentiles.
 *
 * <p>Modes: {@code direct} (a plain GET of the REST resource: the floor), {@code mcp} (Streamable HTTP where the
 * POST answers the call, as the MCP spec and our gateway do) and {@code mcp-get-stream} (the answer arrives on the
 * session's GET event stream and the POST only gets 202, as {@code @ivotoby/openapi-mcp-server} 1.16.1 does).
 * Latency is measured from just before the request is sent to the moment its answer is parsed.
 *
 * <p>Only the JDK: the client is {@link HttpClient} on HTTP/1.1, one client per session so each session keeps
 * its own connection, as separate MCP clients would.
 */
public final class LoadGen {

    private static final String PROTOCOL = "2025-06-18";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern TOOL_NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");

    private final Options options;
    private final AtomicLong ids = new AtomicLong(1_000);

    private LoadGen(Options options) {
        this.options = options;
    }

    record Options(
            String mode,
            URI url,
            int sessions,
            double warmupSeconds,
            double seconds,
            String tool,
            String toolPattern,
            String arguments,
            String label) {

        static Options parse(String[] args) {
            Map<String, String> values = new java.util.HashMap<>(
                    Map.of("--sessions", "1", "--warmup", "2", "--seconds", "5", "--arguments", "{}", "--label", ""));
            for (int i = 0; i < args.length; i += 2) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --option value pairs, got '" + args[i] + "'");
                }
                values.put(args[i], args[i + 1]);
            }
            String mode = values.getOrDefault("--mode", "");
            if (!List.of("direct", "mcp", "mcp-get-stream").contains(mode)) {
                throw new IllegalArgumentException("--mode must be direct, mcp or mcp-get-stream, got '" + mode + "'");
            }
            if (!values.containsKey("--url")) {
                throw new IllegalArgumentException("--url is required");
            }
            if (!mode.equals("direct") && !values.containsKey("--tool") && !values.containsKey("--tool-pattern")) {
                throw new IllegalArgumentException("--tool or --tool-pattern is required with --mode " + mode);
            }
            return new Options(
                    mode,
                    URI.create(values.get("--url")),
                    Integer.parseInt(values.get("--sessions")),
                    Double.parseDouble(values.get("--warmup")),
                    Double.parseDouble(values.get("--seconds")),
                    values.get("--tool"),
                    values.get("--tool-pattern"),
                    values.get("--arguments"),
                    values.get("--label"));
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("LoadGen: " + e.getMessage());
            System.err.println("usage: LoadGen --mode direct|mcp|mcp-get-stream --url URL [--sessions N] [--warmup S]"
                    + " [--seconds S] [--tool NAME | --tool-pattern REGEX] [--arguments JSON] [--label TEXT]");
            System.exit(2);
            return;
        }
        System.out.println(new LoadGen(options).run());
    }

    private String run() throws Exception {
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < options.sessions(); i++) {
            sessions.add(open());
        }
        String tool = options.tool();
        if (tool == null && !options.mode().equals("direct")) {
            tool = sessions.get(0).findTool(Pattern.compile(options.toolPattern()));
            System.err.println("LoadGen: calling tool " + tool);
        }
        long warmupNanos = (long) (options.warmupSeconds() * 1e9);
        long measureNanos = (long) (options.seconds() * 1e9);
        long start = System.nanoTime() + 50_000_000L; // all threads start together
        long measureStart = start + warmupNanos;
        long measureEnd = measureStart + measureNanos;
        String callTool = tool;
        List<ClosedLoop.Caller> callers = new ArrayList<>();
        sessions.forEach(session -> callers.add(() -> session.call(callTool)));
        ClosedLoop loop = ClosedLoop.start(callers, start, measureStart, measureEnd, "load");
        ClosedLoop.Outcome outcome =
                loop.await(measureEnd - System.nanoTime() + TimeUnit.SECONDS.toNanos(60), TimeUnit.NANOSECONDS);
        sessions.forEach(Session::close);
        return summary(outcome);
    }

    /** The run's figures as one JSON line: calls, errors (and the first one), rate and latency percentiles. */
    private String summary(ClosedLoop.Outcome outcome) {
        long[] all = outcome.latencies();
        int errorCount = outcome.errors();
        String error = outcome.firstError();
        return String.format(
                Locale.ROOT,
                "{\"label\":\"%s\",\"mode\":\"%s\",\"sessions\":%d,\"seconds\":%.1f,"
                        + "\"calls\":%d,\"errors\":%d,\"callsPerSecond\":%.1f,\"p50Ms\":%.3f,\"p90Ms\":%.3f,"
                        + "\"p99Ms\":%.3f,\"maxMs\":%.3f%s}",
                options.label(),
                options.mode(),
                options.sessions(),
                options.seconds(),
                all.length,
                errorCount,
                all.length / options.seconds(),
                percentile(all, 0.50),
                percentile(all, 0.90),
                percentile(all, 0.99),
                all.length == 0 ? 0.0 : all[all.length - 1] / 1e6,
                error == null
                        ? ""
                        : ",\"firstError\":\"" + error.replace("\\", "\\\\").replace("\"", "'") + "\"");
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private Session open() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Session session = new Session(client);
        if (!options.mode().equals("direct")) {
            session.initialize();
        }
        return session;
    }

    /** One client: its connection, its MCP session id and, in get-stream mode, the events of its GET stream. */
    private final class Session {
        private final HttpClient client;
        private String sessionId;
        private BlockingQueue<String> events;
        private java.util.concurrent.CompletableFuture<?> stream;

        Session(HttpClient client) {
            this.client = client;
        }

        void initialize() throws IOException, InterruptedException {
            HttpResponse<String> init = post("{\"jsonrpc\":\"2.0\",\"id\":" + ids.incrementAndGet()
                    + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + PROTOCOL
                    + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"apigw-mcp-loadgen\",\"version\":\"1\"}}}");
            sessionId = init.headers()
                    .firstValue("Mcp-Session-Id")
                    .orElseThrow(() -> new IOException(
                            "initialize answered " + init.statusCode() + " without an Mcp-Session-Id: " + init.body()));
            HttpResponse<String> initialized = post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            if (initialized.statusCode() / 100 != 2) {
                throw new IOException("notifications/initialized answered " + initialized.statusCode());
            }
            if (options.mode().equals("mcp-get-stream")) {
                events = new ArrayBlockingQueue<>(1024);
                HttpRequest get = HttpRequest.newBuilder(options.url())
                        .GET()
                        .header("Accept", "text/event-stream")
                        .header("Mcp-Session-Id", sessionId)
                        .build();
                stream = client.sendAsync(get, HttpResponse.BodyHandlers.ofLines())
                        .thenAccept(response -> response.body()
                                .filter(line -> line.startsWith("data:"))
                                .forEach(line -> events.offer(line.substring(5).trim())));
                Thread.sleep(100); // let the stream attach before the first call is answered on it
            }
        }

        String findTool(Pattern pattern) throws IOException, InterruptedException {
            long id = ids.incrementAndGet();
            HttpResponse<String> list = post("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/list\"}");
            Matcher names = TOOL_NAME.matcher(payload(list));
            List<String> seen = new ArrayList<>();
            while (names.find()) {
                seen.add(names.group(1));
                if (pattern.matcher(names.group(1)).find()) {
                    return names.group(1);
                }
            }
            throw new IOException(
                    "no tool matches " + pattern + " (names seen: " + seen.subList(0, Math.min(20, seen.size())) + ")");
        }

        /** One call; {@code null} when it succeeded, else what went wrong. */
        String call(String tool) throws IOException, InterruptedException {
            if (options.mode().equals("direct")) {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(options.url()).GET().build(), HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200 ? null : "status " + response.statusCode();
            }
            long id = ids.incrementAndGet();
            String body = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
                    + tool + "\",\"arguments\":" + options.arguments() + "}}";
            HttpResponse<String> response = post(body);
            String answer;
            if (options.mode().equals("mcp")) {
                if (response.statusCode() != 200) {
                    return "status " + response.statusCode() + ": " + response.body();
                }
                answer = payload(response);
            } else {
                if (response.statusCode() != 202) {
                    return "status " + response.statusCode() + ": " + response.body();
                }
                answer = awaitEvent(id);
                if (answer == null) {
                    return "no answer on the GET stream within 10 s";
                }
            }
            if (!answer.contains("\"result\"") || answer.contains("\"isError\":true")) {
                return "call failed: " + answer.substring(0, Math.min(300, answer.length()));
            }
            return null;
        }

        private String awaitEvent(long id) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (true) {
                String event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (event == null) {
                    return null;
                }
                Matcher matcher = ID.matcher(event);
                if (matcher.find() && Long.parseLong(matcher.group(1)) == id) {
                    return event;
                }
            }
        }

        private HttpResponse<String> post(String body) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(options.url())
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .timeout(Duration.ofSeconds(30));
            if (sessionId != null) {
                request.header("Mcp-Session-Id", sessionId).header("MCP-Protocol-Version", PROTOCOL);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** The JSON-RPC message of a response, whether it came as JSON or as one SSE event. */
        private String payload(HttpResponse<String> response) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("text/event-stream")) {
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

        void close() {
            if (stream != null) {
                stream.cancel(true);
            }
            if (sessionId != null) {
                try {
                    client.send(
                            HttpRequest.newBuilder(options.url())
                                    .DELETE()
                                    .header("Mcp-Session-Id", sessionId)
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                } catch (IOException | InterruptedException e) {
                    // the server may already be gone; nothing to report
                }
            }
        }
    }
}
