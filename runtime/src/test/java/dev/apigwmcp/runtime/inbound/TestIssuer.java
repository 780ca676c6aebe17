package dev.apigwmcp.runtime.inbound;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A small OpenID Connect issuer on 127.0.0.1 for tests, laid out like an Amazon Cognito user pool
 * ({@code <issuer>/.well-known/openid-configuration}, {@code <issuer>/.well-known/jwks.json},
 * {@code <issuer>/oauth2/token}): keys minted at start (RSA {@code rsa-1}, EC {@code ec-1}), a JWKS whose keys can
 * be rotated and whose fetches are counted, tokens minted on demand, and a client-credentials token endpoint for
 * registered clients.
 */
public final class TestIssuer implements AutoCloseable {

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** A client the token endpoint knows. */
    public record Client(String id, String secret, Set<String> allowedScopes) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final RSAKey rsa;
    private final ECKey ec;
    private final List<JWK> published = new CopyOnWriteArrayList<>();
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private final Map<String, Client> clients = new HashMap<>();

    /** Generating an RSA key takes a while: the issuers of one test run share theirs (keys are immutable). */
    private static final class Keys {
        static final RSAKey RSA;
        static final ECKey EC;

        static {
            try {
                RSA = rsaKey("rsa-1");
                EC = new ECKeyGenerator(Curve.P_256)
                        .keyID("ec-1")
                        .keyUse(KeyUse.SIGNATURE)
                        .algorithm(JWSAlgorithm.ES256)
                        .generate();
            } catch (JOSEException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    public TestIssuer() throws IOException {
        rsa = Keys.RSA;
        ec = Keys.EC;
        published.add(rsa.toPublicJWK());
        published.add(ec.toPublicJWK());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A new RSA signing key whose JWK says {@code alg: RS256}. */
    public static RSAKey rsaKey(String kid) throws JOSEException {
        return new RSAKeyGenerator(2048)
                .keyID(kid)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .generate();
    }

    /** Like a Cognito user pool's: {@code http://127.0.0.1:<port>/us-east-1_TestPool}. */
    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/us-east-1_TestPool";
    }

    public URI discoveryUrl() {
        return URI.create(issuer() + "/.well-known/openid-configuration");
    }

    public RSAKey rsa() {
        return rsa;
    }

    public ECKey ec() {
        return ec;
    }

    /** Replaces the published keys (their public parts), as an issuer that rotates its keys does. */
    public void publish(JWK... keys) {
        published.clear();
        Arrays.stream(keys).map(JWK::toPublicJWK).forEach(published::add);
    }

    public int jwksFetches() {
        return jwksFetches.get();
    }

    public void register(Client client) {
        clients.put(client.id(), client);
    }

    /**
     * A token of this issuer signed with {@code rsa-1} (RS256): {@code sub} {@code user-1}, {@code client_id}
     * {@code app-client}, {@code scope} {@code mcp/read}, valid for an hour; {@code claims} changes any of it.
     */
    public String token(Consumer<JWTClaimsSet.Builder> claims) throws JOSEException {
        return sign(
                rsa,
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(rsa.getKeyID()).build(),
                claims);
    }

    /** A token signed by {@code key} with {@code header}, with the default claims changed by {@code claims}. */
    public String sign(JWK key, JWSHeader header, Consumer<JWTClaimsSet.Builder> claims) throws JOSEException {
        JWTClaimsSet.Builder builder = defaultClaims();
        claims.accept(builder);
        SignedJWT jwt = new SignedJWT(header, builder.build());
        JWSSigner signer = key instanceof ECKey ecKey ? new ECDSASigner(ecKey) : new RSASSASigner((RSAKey) key);
        jwt.sign(signer);
        return jwt.serialize();
    }

    public JWTClaimsSet.Builder defaultClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject("user-1")
                .claim("client_id", "app-client")
                .claim("token_use", "access")
                .claim("scope", "mcp/read")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .jwtID(UUID.randomUUID().toString());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String base = URI.create(issuer()).getPath();
            if (path.equals(base + "/.well-known/openid-configuration")) {
                reply(exchange, 200, discovery());
            } else if (path.equals(base + "/.well-known/jwks.json")) {
                jwksFetches.incrementAndGet();
                reply(exchange, 200, new JWKSet(List.copyOf(published)).toString());
            } else if (path.equals(base + "/oauth2/token") && "POST".equals(exchange.getRequestMethod())) {
                token(exchange);
            } else {
                reply(exchange, 404, "{\"error\":\"not_found\"}");
            }
        } catch (JOSEException e) {
            throw new IOException(e);
        }
    }

    private String discovery() {
        String issuer = issuer();
        return "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/.well-known/jwks.json\","
                + "\"authorization_endpoint\":\"" + issuer + "/oauth2/authorize\","
                + "\"token_endpoint\":\"" + issuer + "/oauth2/token\","
                + "\"response_types_supported\":[\"code\",\"token\"],"
                + "\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                + "\"grant_types_supported\":[\"client_credentials\",\"authorization_code\"],"
                + "\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\"]}";
    }

    /** Client credentials with client_secret_basic, as Cognito's token endpoint takes them. */
    private void token(HttpExchange exchange) throws IOException, JOSEException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Client client = null;
        if (authorization != null && authorization.startsWith("Basic ")) {
            String[] pair = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8)
                    .split(":", 2);
            Client known = clients.get(URLDecoder.decode(pair[0], StandardCharsets.UTF_8));
            if (known != null
                    && pair.length == 2
                    && known.secret().equals(URLDecoder.decode(pair[1], StandardCharsets.UTF_8))) {
                client = known;
            }
        }
        if (client == null) {
            reply(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            reply(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
            return;
        }
        Set<String> scopes = new LinkedHashSet<>(client.allowedScopes());
        if (form.get("scope") != null && !form.get("scope").isBlank()) {
            scopes = new LinkedHashSet<>(Arrays.asList(form.get("scope").trim().split("\\s+")));
            if (!client.allowedScopes().containsAll(scopes)) {
                reply(exchange, 400, "{\"error\":\"invalid_scope\"}");
                return;
            }
        }
        String granted = String.join(" ", scopes);
        Client issuedTo = client;
        String token = token(claims ->
                claims.subject(issuedTo.id()).claim("client_id", issuedTo.id()).claim("scope", granted));
        reply(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Header of a token with this algorithm and key id and, unless null, type. */
    public static JWSHeader header(JWSAlgorithm algorithm, String kid, JOSEObjectType type) {
        return new JWSHeader.Builder(algorithm).keyID(kid).type(type).build();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
