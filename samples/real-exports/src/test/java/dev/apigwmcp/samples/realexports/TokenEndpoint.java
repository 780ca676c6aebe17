package dev.apigwmcp.samples.realexports;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An OAuth2 token endpoint on 127.0.0.1 for the client-credentials grant (client_secret_basic), as a Cognito user
 * pool domain or an identity provider serves it: each known client gets its own access token.
 */
final class TokenEndpoint implements AutoCloseable {

    /** A registered client and the token it is issued. */
    record Client(String id, String secret, String token) {}

    /**
     * One token request.
     *
     * @param clientId the client id of a valid Basic header, {@code null} when the credentials were refused
     * @param body     the form body (no secret: client_secret_basic sends it in the header)
     */
    record TokenRequest(String clientId, String body) {}

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Client> clients;
    private final List<TokenRequest> requests = new ArrayList<>();

    private TokenEndpoint(HttpServer server, ExecutorService executor, Map<String, Client> clients) {
        this.server = server;
        this.executor = executor;
        this.clients = Map.copyOf(clients);
    }

    static TokenEndpoint start(Map<String, Client> clients) throws IOException {
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "token-endpoint");
            thread.setDaemon(true);
            return thread;
        });
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        TokenEndpoint endpoint = new TokenEndpoint(server, executor, clients);
        server.setExecutor(executor);
        server.createContext("/oauth2/token", endpoint::handle);
        server.start();
        return endpoint;
    }

    URI tokenUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oauth2/token");
    }

    List<TokenRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Client client = authenticated(exchange.getRequestHeaders().getFirst("Authorization"));
            boolean grant = "POST".equals(exchange.getRequestMethod())
                    && List.of(body.split("&")).contains("grant_type=client_credentials");
            synchronized (requests) {
                requests.add(new TokenRequest(client == null ? null : client.id(), body));
            }
            int status;
            String answer;
            if (client == null) {
                status = 401;
                answer = "{\"error\":\"invalid_client\"}";
            } else if (!grant) {
                status = 400;
                answer = "{\"error\":\"unsupported_grant_type\"}";
            } else {
                status = 200;
                answer = "{\"access_token\":\"" + client.token() + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private Client authenticated(String authorization) {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        // RFC 6749 section 2.3.1: id and secret are form-encoded before Base64.
        String id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
        String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        Client client = clients.get(id);
        return client != null && client.secret().equals(secret) ? client : null;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
