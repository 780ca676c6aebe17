package dev.apigwmcp.runtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.protocol.FixtureToolService;
import dev.apigwmcp.runtime.protocol.JsonRpc;
import dev.apigwmcp.runtime.protocol.McpServer;
import dev.apigwmcp.runtime.protocol.ServerOptions;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

@Timeout(30)
class HttpTransportTest {
    private static final String MODERN_META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}";

    private final FixtureToolService fixture = new FixtureToolService();
    private HttpTransport transport;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        HttpOptions options = new HttpOptions(
                "127.0.0.1",
                0,
                "/mcp",
                4096,
                2,
                Duration.ofMinutes(5),
                Set.of("https://trusted.example"),
                Set.of(),
                8,
                Duration.ofSeconds(30),
                ClientLimits.defaults());
        transport = new HttpTransport(new McpServer(fixture, ServerOptions.defaults()), options).start();
    }

    @AfterEach
    void stop() throws Exception {
        transport.close();
    }

    private HttpRequest.Builder post(String body) {
        return HttpRequest.newBuilder(transport.endpoint())
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JsonRpc.MAPPER.readTree(response.body());
    }

    private String initialize() throws Exception {
        HttpResponse<String> response = send(
                post(
                        "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\"}}"));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.headers().firstValue("Mcp-Session-Id").orElseThrow();
    }

    private HttpRequest.Builder modern(String method, String name, String paramsTail) {
        HttpRequest.Builder builder = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":{"
                        + paramsTail + MODERN_META + "}}")
                .header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", method);
        return name == null ? builder : builder.header("Mcp-Name", name);
    }

    @Test
    void legacySessionIsIssuedRequiredAndEndedByDelete() throws Exception {
        String session = initialize();
        HttpResponse<String> initialized = send(post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                .header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", "2025-11-25"));
        assertThat(initialized.statusCode()).isEqualTo(202);
        HttpResponse<String> list = send(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")
                .header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", "2025-11-25"));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(json(list).at("/result/tools").size())
                .isEqualTo(fixture.listings().size());

        assertThat(send(post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(send(post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}")
                                .header("Mcp-Session-Id", "unknown"))
                        .statusCode())
                .isEqualTo(404);

        HttpRequest delete = HttpRequest.newBuilder(transport.endpoint())
                .header("Mcp-Session-Id", session)
                .DELETE()
                .build();
        assertThat(client.send(delete, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(204);
        assertThat(send(post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}")
                                .header("Mcp-Session-Id", session))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void legacyVersionHeaderMustMatchTheSession() throws Exception {
        String session = initialize();
        HttpResponse<String> response = send(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")
                .header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", "2025-03-26"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(send(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")
                                .header("Mcp-Session-Id", session)
                                .header("MCP-Protocol-Version", "1999-01-01"))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void sessionCapEndsAnUnusedSessionBeforeAUsedOneToAdmitANewClient() throws Exception {
        String used = initialize();
        String unused = initialize();
        assertThat(send(legacy(used, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
                        .statusCode())
                .isEqualTo(200);

        initialize();

        assertThat(send(legacy(unused, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(send(legacy(used, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}"))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void sessionCapRefusesInitializeWith503OnlyWhenEverySessionHasACallInFlight() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (String session : List.of(initialize(), initialize())) {
            calls.add(client.sendAsync(
                    legacy(
                                    session,
                                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
                                            + "\"params\":{\"name\":\"slow\"}}")
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        awaitCallsInFlight(2);

        HttpResponse<String> third = send(
                post(
                        "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\"}}"));

        assertThat(third.statusCode()).isEqualTo(503);
        assertThat(json(third).at("/error/code").asInt()).isEqualTo(JsonRpc.SERVER_BUSY);
        assertThat(json(third).at("/error/data/limit").asString()).isEqualTo("max-sessions");
        calls.forEach(call -> call.cancel(true));
    }

    private HttpRequest.Builder legacy(String session, String body) {
        return post(body).header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-11-25");
    }

    private void awaitCallsInFlight(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (transport.callsInFlight("127.0.0.1") < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(transport.callsInFlight("127.0.0.1")).isEqualTo(count);
    }

    @Test
    void initializeInABatchIsRefusedSayingSoNotAskingForInitialize() throws Exception {
        HttpResponse<String> response = send(post("[{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\","
                + "\"params\":{\"protocolVersion\":\"2025-03-26\"}}]"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Mcp-Session-Id")).isEmpty();
        assertThat(json(response).at("/error/message").asString())
                .isEqualTo("Invalid request: initialize must not be part of a JSON-RPC batch; send it alone");
    }

    @Test
    void aRefusedClientResponseIsAnsweredWithoutItsIdWhichNamesTheServersRequest() throws Exception {
        HttpResponse<String> response = send(post("{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":{}}"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("id").isNull()).isTrue();
    }

    @Test
    void getIsMethodNotAllowed() throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(transport.endpoint()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
    }

    @Test
    void aPostDeclaredAsPlainTextIsRefusedWith415NamingTheExpectedType() throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(transport.endpoint())
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(response.body()).contains("\"code\":-32600", "Content-Type: application/json, not text/plain");
    }

    @Test
    void aPostDeclaredAsJsonWithACharsetIsRead() throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(transport.endpoint())
                        .header("Content-Type", "Application/JSON; charset=utf-8")
                        .header("Accept", "application/json, text/event-stream")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isNotEqualTo(415);
    }

    @Test
    void modernRequestsNeedNoSession() throws Exception {
        HttpResponse<String> discover = send(modern("server/discover", null, ""));
        assertThat(discover.statusCode()).isEqualTo(200);
        assertThat(json(discover).at("/result/supportedVersions/0").asString()).isEqualTo("2026-07-28");
        HttpResponse<String> call = send(modern("tools/call", "test_simple_text", "\"name\":\"test_simple_text\","));
        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(json(call).at("/result/resultType").asString()).isEqualTo("complete");
    }

    @Test
    void modernHeaderMismatchIs400WithHeaderMismatchError() throws Exception {
        HttpResponse<String> wrongName = send(modern("tools/call", "other", "\"name\":\"test_simple_text\","));
        assertThat(wrongName.statusCode()).isEqualTo(400);
        assertThat(json(wrongName).at("/error/code").asInt()).isEqualTo(JsonRpc.HEADER_MISMATCH);
        assertThat(json(wrongName).at("/error/message").asString()).contains("Mcp-Name");
        HttpResponse<String> wrongVersion =
                send(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{" + MODERN_META + "}}")
                        .header("MCP-Protocol-Version", "2025-11-25")
                        .header("Mcp-Method", "tools/list"));
        assertThat(wrongVersion.statusCode()).isEqualTo(400);
        assertThat(json(wrongVersion).at("/error/code").asInt()).isEqualTo(JsonRpc.HEADER_MISMATCH);
        HttpResponse<String> noMethod =
                send(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{" + MODERN_META + "}}")
                        .header("MCP-Protocol-Version", "2026-07-28"));
        assertThat(json(noMethod).at("/error/code").asInt()).isEqualTo(JsonRpc.HEADER_MISMATCH);
    }

    @Test
    void modernUnknownMethodIs404() throws Exception {
        HttpResponse<String> response = send(modern("resources/list", null, ""));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).at("/error/code").asInt()).isEqualTo(JsonRpc.METHOD_NOT_FOUND);
    }

    @Test
    void modernUnsupportedVersionIs400WithSupportedList() throws Exception {
        HttpResponse<String> response =
                send(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"_meta\":"
                                + "{\"io.modelcontextprotocol/protocolVersion\":\"2030-01-01\"}}}")
                        .header("MCP-Protocol-Version", "2030-01-01"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/error/code").asInt()).isEqualTo(JsonRpc.UNSUPPORTED_PROTOCOL_VERSION);
        assertThat(json(response).at("/error/data/supported").toString()).contains("2026-07-28");
    }

    @Test
    void foreignOriginIsForbiddenButLoopbackAndConfiguredOriginsPass() throws Exception {
        assertThat(send(modern("server/discover", null, "").header("Origin", "https://evil.example"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(send(modern("server/discover", null, "").header("Origin", "http://localhost:3000"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(send(modern("server/discover", null, "").header("Origin", "https://trusted.example"))
                        .statusCode())
                .isEqualTo(200);
    }

    private HttpResponse<String> preflight(String origin) throws Exception {
        return send(HttpRequest.newBuilder(transport.endpoint())
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, mcp-session-id, mcp-protocol-version"));
    }

    @Test
    void aPreflightFromAnAdmittedOriginAllowsTheProtocolsMethodsAndHeaders() throws Exception {
        HttpResponse<String> response = preflight("https://trusted.example");
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("https://trusted.example");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods"))
                .contains("POST, DELETE");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
                .contains("content-type, mcp-session-id, mcp-protocol-version");
        assertThat(response.headers().allValues("Vary")).contains("Origin");
    }

    @Test
    void aPreflightFromAForeignOriginIsForbiddenWithoutCorsHeaders() throws Exception {
        HttpResponse<String> response = preflight("https://evil.example");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void anOriginOnlyAWildcardAdmitsIsServedWithoutCorsHeaders() throws Exception {
        HttpOptions everyOrigin = new HttpOptions(
                "127.0.0.1",
                0,
                "/mcp",
                4096,
                2,
                Duration.ofMinutes(5),
                Set.of("*"),
                Set.of(),
                8,
                Duration.ofSeconds(30),
                ClientLimits.defaults());
        try (HttpTransport open =
                new HttpTransport(new McpServer(fixture, ServerOptions.defaults()), everyOrigin).start()) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(open.endpoint())
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://anywhere.example")
                    .header("Access-Control-Request-Method", "POST"));
            assertThat(response.statusCode()).isEqualTo(405);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
                    .isEmpty();
        }
    }

    @Test
    void anAdmittedOriginCanReadTheSessionId() throws Exception {
        HttpResponse<String> response = send(
                post("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\"}}")
                        .header("Origin", "http://localhost:6274"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:6274");
        assertThat(response.headers()
                        .firstValue("Access-Control-Expose-Headers")
                        .orElse(""))
                .contains("Mcp-Session-Id");
    }

    @Test
    void aRequestWithoutOriginGetsNoCorsHeaders() throws Exception {
        HttpResponse<String> response = send(post("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\","
                + "\"params\":{\"protocolVersion\":\"2025-11-25\"}}"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void foreignHostHeaderIsForbidden() throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
        String raw = "POST /mcp HTTP/1.1\r\nHost: attacker.example:" + transport.port()
                + "\r\nContent-Type: application/json\r\n" + "Content-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body;
        try (Socket socket = new Socket("127.0.0.1", transport.port())) {
            socket.getOutputStream().write(raw.getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 403");
        }
    }

    @Test
    void oversizedBodyIs413WithJsonRpcError() throws Exception {
        HttpResponse<String> response =
                send(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\"" + "x".repeat(5000)
                        + "\"}}"));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).at("/error/message").asString()).contains("4096 bytes");
    }

    @Test
    void malformedBodyIs400ParseError() throws Exception {
        HttpResponse<String> response = send(post("{oops"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/error/code").asInt()).isEqualTo(JsonRpc.PARSE_ERROR);
    }

    @Test
    void progressIsStreamedAsServerSentEvents() throws Exception {
        HttpResponse<String> response = send(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                        + "{\"name\":\"test_tool_with_progress\",\"_meta\":{\"progressToken\":\"t\","
                        + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{}}}}")
                .header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "tools/call")
                .header("Mcp-Name", "test_tool_with_progress"));
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        long events = response.body()
                .lines()
                .filter(line -> line.startsWith("data: "))
                .count();
        assertThat(events).isEqualTo(4);
        assertThat(response.body()).contains("notifications/progress", "Progress tool completed");
    }

    @Test
    void closingTheResponseStreamCancelsTheCall() throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\","
                + MODERN_META + "}}";
        String raw =
                "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + transport.port() + "\r\nContent-Type: application/json\r\n"
                        + "Accept: application/json, text/event-stream\r\nMCP-Protocol-Version: 2026-07-28\r\nMcp-Method: tools/call\r\nMcp-Name: slow\r\n"
                        + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
        Socket socket = new Socket("127.0.0.1", transport.port());
        OutputStream out = socket.getOutputStream();
        out.write(raw.getBytes(StandardCharsets.UTF_8));
        out.flush();
        Thread.sleep(200);
        socket.close();
        assertThat(fixture.slowCancelled.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void longCallsOnSseRequestsAreKeptAliveThenAnswered() throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\","
                + "\"arguments\":{\"ms\":2500}," + MODERN_META + "}}";
        HttpResponse<String> response = send(post(body)
                .header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "tools/call")
                .header("Mcp-Name", "slow"));
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(response.body())
                .startsWith(": keepalive\n\n")
                .contains("data: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\"");
    }

    @Test
    void aClientTakingOnlyEventStreamsGetsAQuickReplyAsOneEvent() throws Exception {
        String session = initialize();
        HttpResponse<String> response = send(post("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\"}")
                .setHeader("Accept", "text/event-stream")
                .header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", "2025-11-25"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(response.body()).isEqualTo("event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":5,\"result\":{}}\n\n");
    }

    @Test
    void aClientTakingOnlyEventStreamsStillGetsAnErrorStatusAsJson() throws Exception {
        String session = initialize();
        HttpResponse<String> response = send(post("{oops")
                .setHeader("Accept", "text/event-stream")
                .header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", "2025-11-25"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/error/code").asInt()).isEqualTo(JsonRpc.PARSE_ERROR);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    }

    @Test
    void longCallsOnJsonOnlyRequestsAreKeptAliveWithWhitespaceThenAnswered() throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\","
                + "\"arguments\":{\"ms\":1500}," + MODERN_META + "}}";
        HttpResponse<String> response = send(post(body)
                .setHeader("Accept", "application/json")
                .header("MCP-Protocol-Version", "2026-07-28")
                .header("Mcp-Method", "tools/call")
                .header("Mcp-Name", "slow"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(response.body()).startsWith(" ");
        assertThat(json(response).at("/result/content/0/text").asString()).isEqualTo("slept 1500");
    }

    @Test
    void duplicateHostIsABadRequestNotAnInternalError() throws Exception {
        String answer = raw("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n"
                + "Connection: close\r\n\r\n{}");
        assertThat(answer).startsWith("HTTP/1.1 400");
        JsonNode error = JsonRpc.MAPPER
                .readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4))
                .get("error");
        assertThat(error.get("code").asInt()).isEqualTo(JsonRpc.INVALID_REQUEST);
        assertThat(error.get("message").asString()).startsWith("Bad Request").containsIgnoringCase("host");
    }

    @Test
    void missingHostIsABadRequestNotAnInternalError() throws Exception {
        String answer = raw("POST /mcp HTTP/1.1\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertThat(answer).startsWith("HTTP/1.1 400");
        JsonNode error = JsonRpc.MAPPER
                .readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4))
                .get("error");
        assertThat(error.get("code").asInt()).isEqualTo(JsonRpc.INVALID_REQUEST);
        assertThat(error.get("message").asString()).startsWith("Bad Request").containsIgnoringCase("host");
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", transport.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return readAll(socket.getInputStream());
        }
    }

    static String readAll(InputStream in) throws Exception {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void withSessionKeysTwoTransportsServeOneSessionAndAnAlteredIdIs404() throws Exception {
        SessionKeys keys = SessionKeys.random();
        HttpOptions portable = new HttpOptions(
                "127.0.0.1",
                0,
                "/mcp",
                4096,
                2,
                Duration.ofMinutes(5),
                Set.of(),
                Set.of(),
                8,
                Duration.ofSeconds(30),
                ClientLimits.defaults(),
                new SessionSealing(keys, Duration.ofHours(1)));
        try (HttpTransport first =
                        new HttpTransport(new McpServer(fixture, ServerOptions.defaults()), portable).start();
                HttpTransport second =
                        new HttpTransport(new McpServer(fixture, ServerOptions.defaults()), portable).start()) {
            HttpResponse<String> initialized = client.send(
                    HttpRequest.newBuilder(first.endpoint())
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json, text/event-stream")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\","
                                            + "\"params\":{\"protocolVersion\":\"2025-06-18\"}}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String session = initialized.headers().firstValue("Mcp-Session-Id").orElseThrow();
            String altered = session.substring(0, session.length() - 2) + (session.endsWith("AA") ? "BB" : "AA");

            HttpResponse<String> onSecond = listOn(second, session);
            HttpResponse<String> forged = listOn(second, altered);

            assertThat(onSecond.statusCode()).isEqualTo(200);
            assertThat(json(onSecond).at("/result/tools").size())
                    .isEqualTo(fixture.listings().size());
            assertThat(forged.statusCode()).isEqualTo(404);
            assertThat(json(forged).at("/error/code").asInt()).isEqualTo(JsonRpc.SESSION_NOT_FOUND);
        }
    }

    private HttpResponse<String> listOn(HttpTransport replica, String session) throws Exception {
        return client.send(
                HttpRequest.newBuilder(replica.endpoint())
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .header("Mcp-Session-Id", session)
                        .header("MCP-Protocol-Version", "2025-06-18")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
