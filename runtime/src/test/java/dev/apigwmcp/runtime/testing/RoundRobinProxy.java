package dev.apigwmcp.runtime.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small HTTP reverse proxy on 127.0.0.1 in front of several gateway replicas, standing in for a load balancer
 * with no session affinity: each request goes to the replica {@code route} picks (round robin unless the test pins
 * some), with its headers and body, and the answer comes back whole. It records where each request went.
 */
public final class RoundRobinProxy implements AutoCloseable {

    /** One request as the router sees it: HTTP method, the JSON-RPC method in its body (or {@code null}). */
    public record Forwarded(String httpMethod, String rpcMethod) {}

    /** Where a request went and what came back. */
    public record Routed(String httpMethod, String rpcMethod, int replica, int status) {}

    private static final Pattern RPC_METHOD = Pattern.compile("\"method\"\\s*:\\s*\"([^\"]+)\"");
    /** Headers the JDK client sets itself, or that belong to one hop only. */
    private static final Set<String> HOP = Set.of(
            "host",
            "connection",
            "content-length",
            "transfer-encoding",
            "expect",
            "upgrade",
            "keep-alive",
            "te",
            "trailer",
            "proxy-connection");

    private final List<URI> replicas;
    private final ToIntFunction<Forwarded> route;
    private final HttpServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "round-robin-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final List<Routed> log = Collections.synchronizedList(new ArrayList<>());

    private RoundRobinProxy(List<URI> replicas, ToIntFunction<Forwarded> route) throws IOException {
        this.replicas = List.copyOf(replicas);
        this.route = route;
        // Without it the JDK server waits for delayed ACKs on every small answer (Nagle).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/", this::forward);
        server.setExecutor(workers);
        server.start();
    }

    /** A proxy that sends requests to {@code replicas} in turn (their endpoint URLs; the request's path is kept). */
    public static RoundRobinProxy start(List<URI> replicas) throws IOException {
        AtomicInteger next = new AtomicInteger();
        return new RoundRobinProxy(replicas, request -> Math.floorMod(next.getAndIncrement(), replicas.size()));
    }

    /** A proxy whose {@code route} picks the replica (an index into {@code replicas}) for each request. */
    public static RoundRobinProxy start(List<URI> replicas, ToIntFunction<Forwarded> route) throws IOException {
        return new RoundRobinProxy(replicas, route);
    }

    /** The endpoint URL clients use: the first replica's path on the proxy's port. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                + replicas.get(0).getPath());
    }

    /** Every request so far, in the order they were answered. */
    public List<Routed> routed() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String rpcMethod = null;
            Matcher method = RPC_METHOD.matcher(new String(body, StandardCharsets.UTF_8));
            if (method.find()) {
                rpcMethod = method.group(1);
            }
            int replica = route.applyAsInt(new Forwarded(exchange.getRequestMethod(), rpcMethod));
            URI target = replicas.get(replica).resolve(exchange.getRequestURI().getRawPath());
            HttpRequest.Builder request = HttpRequest.newBuilder(target)
                    .timeout(Duration.ofSeconds(60))
                    .method(
                            exchange.getRequestMethod(),
                            body.length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (IOException e) {
                log.add(new Routed(exchange.getRequestMethod(), rpcMethod, replica, 502));
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] answer = response.body();
            log.add(new Routed(exchange.getRequestMethod(), rpcMethod, replica, response.statusCode()));
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    /**
     * Runs a round-robin proxy until killed, for benchmarks: {@code RoundRobinProxy PORT_FILE URL...} (each URL a
     * replica's endpoint) writes the proxy's port to PORT_FILE once it listens.
     */
    public static void main(String[] args) throws Exception {
        List<URI> replicas = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            replicas.add(URI.create(args[i]));
        }
        RoundRobinProxy proxy = start(replicas);
        java.nio.file.Files.writeString(
                java.nio.file.Path.of(args[0]),
                Integer.toString(proxy.server.getAddress().getPort()));
        Thread.currentThread().join();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
