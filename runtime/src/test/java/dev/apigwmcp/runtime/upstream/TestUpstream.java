package dev.apigwmcp.runtime.upstream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.apigwmcp.samples.demo.SigV4Verifier;
import dev.apigwmcp.samples.demo.SignedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A scripted upstream REST API on 127.0.0.1 for tests. It records every request, can demand an API key and a valid
 * SigV4 signature (checked by {@link SigV4Verifier}, independent of the AWS SDK) and answers with a scripted reply.
 */
public final class TestUpstream implements AutoCloseable {

    static {
        // Small requests and answers: without TCP_NODELAY, Nagle + delayed ACK add ~40 ms per exchange.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** A request as received, with lower-case header names. */
    public record Recorded(
            String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body)
            implements SignedRequest {

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A scripted answer. */
    public record Reply(int status, String contentType, byte[] body, long delayMs, Map<String, String> headers) {

        public static Reply json(int status, String json) {
            return new Reply(status, "application/json", json.getBytes(StandardCharsets.UTF_8), 0, Map.of());
        }

        public static Reply of(int status, String contentType, byte[] body) {
            return new Reply(status, contentType, body, 0, Map.of());
        }

        public Reply delayed(long millis) {
            return new Reply(status, contentType, body, millis, headers);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> more = new TreeMap<>(headers);
            more.put(name, value);
            return new Reply(status, contentType, body, delayMs, more);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final BlockingQueue<Recorded> requests = new LinkedBlockingQueue<>();
    private volatile Function<Recorded, Reply> responder = r -> Reply.json(200, "{\"ok\":true}");
    private volatile String requiredApiKey;
    private volatile SigV4Verifier sigV4;

    public TestUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>/prod}, like a stage invoke URL. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/prod");
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public void respond(Function<Recorded, Reply> responder) {
        this.responder = responder;
    }

    public void requireApiKey(String key) {
        this.requiredApiKey = key;
    }

    public void requireSigV4(SigV4Verifier verifier) {
        this.sigV4 = verifier;
    }

    /** The next recorded request, waiting up to 5 s. */
    public Recorded take() throws InterruptedException {
        Recorded recorded = requests.poll(5, TimeUnit.SECONDS);
        if (recorded == null) {
            throw new AssertionError("the upstream received no request");
        }
        return recorded;
    }

    public int pending() {
        return requests.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            URI uri = exchange.getRequestURI();
            Recorded recorded =
                    new Recorded(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers, body);
            requests.add(recorded);
            Reply reply;
            String key = requiredApiKey;
            SigV4Verifier verifier = sigV4;
            if (key != null && !key.equals(recorded.header("x-api-key"))) {
                reply = Reply.json(403, "{\"message\":\"Forbidden\"}");
            } else if (verifier != null && verifier.problem(recorded) != null) {
                reply = Reply.json(
                        403, "{\"message\":\"" + verifier.problem(recorded).replace("\"", "'") + "\"}");
            } else {
                reply = responder.apply(recorded);
            }
            if (reply.delayMs() > 0) {
                try {
                    Thread.sleep(reply.delayMs());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            if (reply.contentType() != null) {
                exchange.getResponseHeaders().add("Content-Type", reply.contentType());
            }
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            if (reply.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
