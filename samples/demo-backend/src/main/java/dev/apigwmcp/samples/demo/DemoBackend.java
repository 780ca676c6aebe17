package dev.apigwmcp.samples.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The demo upstream: the in-memory PetStore API under {@code /prod} on a loopback port, guarded as API Gateway
 * guards the export's methods. IAM methods need a valid SigV4 signature for {@link DemoCredentials} (service
 * {@code execute-api}, Region {@code us-east-1}), API-key methods the demo {@code x-api-key}; anything else is
 * answered 403 with API Gateway's JSON message. Every request is recorded in a {@link RequestLog}.
 */
public final class DemoBackend implements AutoCloseable {

    /** Header values that are credentials: recorded as this, never verbatim. */
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "x-api-key", "x-amz-security-token");

    private static final String REDACTED = "(redacted)";

    private final HttpServer server;
    private final ExecutorService executor;
    private final PetStoreApi api = new PetStoreApi();
    private final SigV4Verifier verifier;
    private final RequestLog log;

    private DemoBackend(HttpServer server, ExecutorService executor, RequestLog log, Clock clock) {
        this.server = server;
        this.executor = executor;
        this.log = log;
        this.verifier = new SigV4Verifier(
                Map.of(DemoCredentials.ACCESS_KEY_ID, DemoCredentials.SECRET_ACCESS_KEY),
                DemoCredentials.REGION,
                DemoCredentials.SERVICE,
                clock);
    }

    /** Starts the backend on 127.0.0.1 at {@code port} (0: any free port). */
    public static DemoBackend start(int port, RequestLog log) throws IOException {
        // Small requests and answers: without TCP_NODELAY, Nagle + delayed ACK add ~40 ms per exchange. The JDK
        // server reads this property once, when its first server starts, so it is set before that.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "demo-backend");
            thread.setDaemon(true);
            return thread;
        });
        DemoBackend backend = new DemoBackend(server, executor, log, Clock.systemUTC());
        server.setExecutor(executor);
        server.createContext("/", backend::handle);
        server.start();
        return backend;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The stage's base URL, {@code http://127.0.0.1:<port>/prod}, as an invoke URL would be. */
    public URI stageUri() {
        return URI.create("http://127.0.0.1:" + port() + "/" + DemoCredentials.STAGE);
    }

    public RequestLog log() {
        return log;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            ReceivedRequest request = read(exchange);
            Reply reply;
            boolean signatureValid = false;
            boolean apiKeyValid = DemoCredentials.API_KEY.equals(request.header("x-api-key"));
            try {
                String signatureProblem = verifier.problem(request);
                signatureValid = signatureProblem == null;
                reply = answer(request, signatureProblem, apiKeyValid);
            } catch (RuntimeException e) {
                // A demo server still never shows a stack trace to its client.
                reply = PetStoreApi.error(500, "Internal server error");
            }
            log.add(new RecordedCall(
                    request.method(),
                    request.rawPath(),
                    request.rawQuery(),
                    loggedHeaders(request),
                    request.bodyText(),
                    signatureValid,
                    apiKeyValid,
                    reply.status()));
            write(exchange, request.method(), reply);
        }
    }

    private Reply answer(ReceivedRequest request, String signatureProblem, boolean apiKeyValid) {
        Optional<Route> route = route(request);
        if (route.isEmpty()) {
            // API Gateway answers an unknown resource or method like a missing IAM token.
            return PetStoreApi.error(403, "Missing Authentication Token");
        }
        Set<Credential> requires = route.get().requires();
        if (requires.contains(Credential.SIGV4) && signatureProblem != null) {
            if (request.header("authorization") == null) {
                return PetStoreApi.error(403, "Missing Authentication Token");
            }
            return PetStoreApi.error(
                    403,
                    signatureProblem.startsWith("unknown access key")
                            ? "The security token included in the request is invalid."
                            : "The request signature we calculated does not match the signature you provided. Check your AWS"
                                    + " Secret Access Key and signing method. Consult the service documentation for details.");
        }
        if (requires.contains(Credential.API_KEY) && !apiKeyValid) {
            return PetStoreApi.error(403, "Forbidden");
        }
        return route.get().handler().apply(request);
    }

    private Optional<Route> route(ReceivedRequest request) {
        String path = request.rawPath();
        String prefix = "/" + DemoCredentials.STAGE + "/";
        if (path == null || !path.startsWith(prefix)) {
            return Optional.empty();
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.substring(prefix.length()).split("/", -1)) {
            try {
                // URLDecoder turns '+' into a space; in a path '+' is literal, so protect it first.
                segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return api.route(request.method().toUpperCase(Locale.ROOT), segments);
    }

    private static ReceivedRequest read(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        URI uri = exchange.getRequestURI();
        return new ReceivedRequest(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers, body);
    }

    private static Map<String, String> loggedHeaders(ReceivedRequest request) {
        Map<String, String> logged = new TreeMap<>();
        request.headers()
                .forEach((name, values) ->
                        logged.put(name, CREDENTIAL_HEADERS.contains(name) ? REDACTED : String.join(",", values)));
        return logged;
    }

    private static void write(HttpExchange exchange, String method, Reply reply) throws IOException {
        byte[] body = reply.body() == null ? new byte[0] : DemoJson.mapper().writeValueAsBytes(reply.body());
        if (reply.body() != null) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
        }
        boolean noBody = body.length == 0 || "HEAD".equalsIgnoreCase(method) || reply.status() == 204;
        exchange.sendResponseHeaders(reply.status(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
