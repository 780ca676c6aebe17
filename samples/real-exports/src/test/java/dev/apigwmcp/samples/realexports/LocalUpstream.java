package dev.apigwmcp.samples.realexports;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.apigwmcp.samples.demo.DemoCredentials;
import dev.apigwmcp.samples.demo.ReceivedRequest;
import dev.apigwmcp.samples.demo.SigV4Verifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API every target points at, on 127.0.0.1: it answers whatever path and method in the shape the client
 * announced for its next call, and records each request with the outcome of the independent SigV4 check (in the
 * Region the signature claims; the test compares that Region with the expected one). The client announces each call
 * on a separate control port ({@code POST /next} with {@code {"call":N,"tool":"...","shape":"..."}}), so no API path
 * is taken by the harness.
 */
final class LocalUpstream implements AutoCloseable {

    private static final Pattern SCOPE_REGION = Pattern.compile("Credential=[^/,]+/\\d{8}/([^/,]+)/");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Announced(int call, AnswerShape shape) {}

    private final HttpServer api;
    private final HttpServer control;
    private final ExecutorService executor;
    private final Map<String, SigV4Verifier> verifiers = new ConcurrentHashMap<>();
    private final AtomicReference<Announced> next = new AtomicReference<>(new Announced(0, AnswerShape.JSON_OBJECT));
    private final List<UpstreamExchange> exchanges = new ArrayList<>();

    private LocalUpstream(HttpServer api, HttpServer control, ExecutorService executor) {
        this.api = api;
        this.control = control;
        this.executor = executor;
    }

    static LocalUpstream start() throws IOException {
        // Small exchanges: without TCP_NODELAY, Nagle and delayed ACKs add ~40 ms to each (read once by the JDK).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "local-upstream");
            thread.setDaemon(true);
            return thread;
        });
        InetAddress loopback = InetAddress.getLoopbackAddress();
        HttpServer api = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        HttpServer control = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        LocalUpstream upstream = new LocalUpstream(api, control, executor);
        api.setExecutor(executor);
        control.setExecutor(executor);
        api.createContext("/", upstream::answer);
        control.createContext("/next", upstream::announce);
        api.start();
        control.start();
        return upstream;
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    URI origin() {
        return URI.create("http://127.0.0.1:" + api.getAddress().getPort());
    }

    URI controlUri() {
        return URI.create("http://127.0.0.1:" + control.getAddress().getPort() + "/next");
    }

    /** Every request received so far, in arrival order. */
    List<UpstreamExchange> exchanges() {
        synchronized (exchanges) {
            return List.copyOf(exchanges);
        }
    }

    private void announce(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status = 204;
            try (InputStream in = exchange.getRequestBody()) {
                JsonNode body = JSON.readTree(in.readAllBytes());
                AnswerShape shape =
                        AnswerShape.byId(body.path("shape").asString("")).orElse(null);
                if (!"POST".equals(exchange.getRequestMethod())
                        || shape == null
                        || !body.path("call").canConvertToInt()) {
                    status = 400;
                } else {
                    next.set(new Announced(body.path("call").asInt(), shape));
                }
            } catch (JacksonException e) {
                status = 400;
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            Announced announced = next.get();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.computeIfAbsent(
                                    name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                            .addAll(values));
            URI uri = exchange.getRequestURI();
            ReceivedRequest request = new ReceivedRequest(
                    exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers, body);
            synchronized (exchanges) {
                exchanges.add(new UpstreamExchange(
                        announced.call(),
                        announced.shape(),
                        request.method(),
                        request.rawPath(),
                        request.rawQuery(),
                        headers,
                        body,
                        verify(request)));
            }
            AnswerShape shape = announced.shape();
            if (shape.contentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", shape.contentType());
            }
            exchange.getResponseHeaders().set("x-amzn-RequestId", "local-" + announced.call());
            byte[] answer = shape.body();
            if (answer.length == 0 || "HEAD".equals(request.method())) {
                exchange.sendResponseHeaders(shape.status(), -1);
            } else {
                exchange.sendResponseHeaders(shape.status(), answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    private UpstreamExchange.SignatureCheck verify(ReceivedRequest request) {
        String authorization = request.header("authorization");
        if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 ")) {
            return null;
        }
        Matcher scope = SCOPE_REGION.matcher(authorization);
        if (!scope.find()) {
            return new UpstreamExchange.SignatureCheck(
                    null,
                    "no Region in the credential scope: "
                            + authorization.replaceAll("Signature=\\w+", "Signature=..."));
        }
        String region = scope.group(1);
        SigV4Verifier verifier = verifiers.computeIfAbsent(
                region,
                r -> new SigV4Verifier(
                        Map.of(DemoCredentials.ACCESS_KEY_ID, DemoCredentials.SECRET_ACCESS_KEY),
                        r,
                        DemoCredentials.SERVICE,
                        Clock.systemUTC()));
        return new UpstreamExchange.SignatureCheck(region, verifier.problem(request));
    }

    @Override
    public void close() {
        api.stop(0);
        control.stop(0);
        executor.shutdownNow();
    }
}
