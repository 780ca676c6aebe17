package dev.apigwmcp.samples.multitarget;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.apigwmcp.runtime.testing.GatewayProcess;
import dev.apigwmcp.samples.demo.ReceivedRequest;
import dev.apigwmcp.samples.demo.SigV4Verifier;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The multi-target jar, started with the sample's settings file, calls its upstreams as their API Gateway
 * authorizers want: the orders target signs in eu-west-1, the Region of its export's host (the petstore target of
 * the same gateway in us-east-1, its own), and orders' Cognito-protected methods send the API key and a
 * client-credentials token from the token endpoint. Upstream and token endpoint are local servers; only their URLs
 * are set besides the sample's file, and the secrets it names are in the environment.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MultiTargetCallsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ACCESS_KEY = "AKIDMULTITARGETIT";
    private static final String SECRET_KEY = "multiTargetItSecretKeyOnlyForThisTest";
    /** The client the sample's file names, and the secret the test gives it. */
    private static final String CLIENT_ID = "orders-gateway-client";

    private static final String CLIENT_SECRET = "test-client-secret";
    private static final String TOKEN = "orders-token-from-the-endpoint";

    private final HttpClient http = HttpClient.newHttpClient();
    private final BlockingQueue<ReceivedRequest> upstreamRequests = new LinkedBlockingQueue<>();
    private final List<String> tokenRequests = new ArrayList<>();
    private HttpServer servers;
    private GatewayProcess gateway;
    private String session;

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        servers = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        servers.createContext("/api/", this::upstream);
        servers.createContext("/oauth2/token", this::tokenEndpoint);
        servers.start();
        String local = "http://127.0.0.1:" + servers.getAddress().getPort();
        Path jar = Path.of(System.getProperty("gateway.jar", "target/multi-target-gateway.jar"));
        gateway = GatewayProcess.startHttp(
                jar,
                work.resolve("gateway.log"),
                Map.of(
                        "PETSTORE_API_KEY",
                        "test-petstore-key",
                        "ORDERS_API_KEY",
                        "test-orders-key",
                        "ORDERS_CLIENT_SECRET",
                        CLIENT_SECRET,
                        "AWS_ACCESS_KEY_ID",
                        ACCESS_KEY,
                        "AWS_SECRET_ACCESS_KEY",
                        SECRET_KEY,
                        "AWS_EC2_METADATA_DISABLED",
                        "true",
                        "AWS_CONFIG_FILE",
                        "/nonexistent/apigw-mcp-it/config",
                        "AWS_SHARED_CREDENTIALS_FILE",
                        "/nonexistent/apigw-mcp-it/credentials"),
                "--config",
                "src/main/config/gateway.properties",
                "--transport",
                "http",
                "--port",
                "0",
                "--target.orders.base-url",
                local + "/api/orders-stage",
                "--target.petstore.base-url",
                local + "/api/petstore-stage",
                "--target.orders.oauth2.token-url",
                local + "/oauth2/token");
        HttpResponse<String> initialized = post(
                null,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                        + "\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":"
                        + "\"multi-target-it\",\"version\":\"1\"}}}");
        session = initialized.headers().firstValue("mcp-session-id").orElseThrow();
        post(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    }

    @AfterAll
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (servers != null) {
            servers.stop(0);
        }
    }

    @Test
    void theOrdersTargetSignsInTheRegionOfItsExportsHost() throws Exception {
        JsonNode answer = call("orders___getOrder", "{\"orderId\":\"ord_0123456789ab\"}");
        ReceivedRequest request = upstreamRequests.poll(30, TimeUnit.SECONDS);
        assertThat(answer.path("result").path("isError").asBoolean(false))
                .as(answer.toString())
                .isFalse();
        assertThat(request.rawPath()).isEqualTo("/api/orders-stage/orders/ord_0123456789ab");
        assertThat(signedIn("eu-west-1").problem(request)).isNull();
        assertThat(signedIn("us-east-1").problem(request)).isNotNull();
    }

    @Test
    void thePetstoreTargetOfTheSameGatewaySignsInItsOwnRegion() throws Exception {
        JsonNode answer = call("petstore___GetPet", "{\"petId\":\"1\"}");
        ReceivedRequest request = upstreamRequests.poll(30, TimeUnit.SECONDS);
        assertThat(answer.path("result").path("isError").asBoolean(false))
                .as(answer.toString())
                .isFalse();
        assertThat(request.rawPath()).isEqualTo("/api/petstore-stage/pets/1");
        assertThat(signedIn("us-east-1").problem(request)).isNull();
        assertThat(signedIn("eu-west-1").problem(request)).isNotNull();
    }

    @Test
    void aCognitoProtectedMethodSendsTheApiKeyAndTheTokenOfTheTokenEndpoint() throws Exception {
        JsonNode answer = call("orders___listOrders", "{}");
        ReceivedRequest request = upstreamRequests.poll(30, TimeUnit.SECONDS);
        assertThat(answer.path("result").path("isError").asBoolean(false))
                .as(answer.toString())
                .isFalse();
        assertThat(request.rawPath()).isEqualTo("/api/orders-stage/orders");
        assertThat(request.header("x-api-key")).isEqualTo("test-orders-key");
        // A Cognito user-pool authorizer reads the raw token from the Authorization header.
        assertThat(request.header("authorization")).isEqualTo(TOKEN);
        synchronized (tokenRequests) {
            assertThat(tokenRequests).containsExactly("client_credentials orders/read");
        }
    }

    private static SigV4Verifier signedIn(String region) {
        return new SigV4Verifier(Map.of(ACCESS_KEY, SECRET_KEY), region, "execute-api", Clock.systemUTC());
    }

    /** Records the request and answers 200 with an empty JSON object. */
    private void upstream(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        URI uri = exchange.getRequestURI();
        upstreamRequests.add(new ReceivedRequest(
                exchange.getRequestMethod(),
                uri.getRawPath(),
                uri.getRawQuery(),
                headers,
                exchange.getRequestBody().readAllBytes()));
        reply(exchange, 200, "{}");
    }

    /** Client credentials with client_secret_basic, as Cognito's token endpoint takes them; others get 401. */
    private void tokenEndpoint(HttpExchange exchange) throws IOException {
        String expected = "Basic "
                + Base64.getEncoder()
                        .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
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
        synchronized (tokenRequests) {
            tokenRequests.add(form.get("grant_type") + " " + form.get("scope"));
        }
        reply(exchange, 200, "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private JsonNode call(String tool, String arguments) throws Exception {
        return message(post(
                session,
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                        + "\",\"arguments\":" + arguments + "}}"));
    }

    private HttpResponse<String> post(String session, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.endpoint())
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2025-06-18")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON-RPC message of a response, sent as JSON or as the last data of an SSE stream. */
    private static JsonNode message(HttpResponse<String> response) {
        String body = response.body();
        if (response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream")) {
            String data = null;
            for (String line : body.split("\n")) {
                if (line.startsWith("data:")) {
                    data = line.substring(5).strip();
                }
            }
            body = data;
        }
        return JSON.readTree(body);
    }
}
