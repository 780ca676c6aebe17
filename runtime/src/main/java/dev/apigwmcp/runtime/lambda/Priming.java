package dev.apigwmcp.runtime.lambda;

import dev.apigwmcp.runtime.tools.ToolService;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A first pass through the request path at init: the tool side's warm-up (validator, upstream HTTP client, circuit
 * breakers), waited for, then made-up events from loopback: event parsing, the endpoint's
 * checks, a legacy session (sealed and opened, then ended), {@code tools/list} of both eras and a refused
 * {@code tools/call}; nothing goes upstream. The classes this loads and the code it warms would otherwise cost the
 * first real request; with SnapStart they are in the snapshot.
 */
final class Priming {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MODERN_META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}";

    /** The tool side's own warm-up runs in the background elsewhere; here init waits for it, at most this long. */
    private static final long WARM_UP_SECONDS = 5;

    private final LambdaHandler handler;
    private final ToolService tools;

    Priming(LambdaHandler handler, ToolService tools) {
        this.handler = handler;
        this.tools = tools;
    }

    void run() {
        try {
            tools.warmUp().get(WARM_UP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // never fatal: the first call then does what the warm-up did not
        }
        String session = sessionOf(send(
                "POST",
                null,
                "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\","
                        + "\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                        + "\"clientInfo\":{\"name\":\"apigw-mcp-priming\",\"version\":\"0\"}}}",
                null));
        if (session != null) {
            send("POST", session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", "2025-06-18");
            send("DELETE", session, null, "2025-06-18");
        }
        send(
                "POST",
                null,
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\",\"params\":{" + MODERN_META + "}}",
                "2026-07-28",
                "tools/list");
        send(
                "POST",
                null,
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":"
                        + "\"apigw-mcp-priming-no-such-tool\"," + MODERN_META + "}}",
                "2026-07-28",
                "tools/call");
    }

    private JsonNode send(String method, String session, String body, String version, String... rpcMethod) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        ObjectNode headers = event.putObject("headers");
        headers.put("host", "localhost");
        headers.put("content-type", "application/json");
        headers.put("accept", "application/json, text/event-stream");
        if (session != null) {
            headers.put("mcp-session-id", session);
        }
        if (version != null) {
            headers.put("mcp-protocol-version", version);
        }
        if (rpcMethod.length > 0) {
            headers.put("mcp-method", rpcMethod[0]);
            if ("tools/call".equals(rpcMethod[0])) {
                headers.put("mcp-name", "apigw-mcp-priming-no-such-tool");
            }
        }
        ObjectNode http =
                event.putObject("requestContext").put("domainName", "localhost").putObject("http");
        http.put("method", method).put("sourceIp", "127.0.0.1");
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        return JSON.readTree(
                new String(handler.handle(JSON.writeValueAsBytes(event), 10_000, false), StandardCharsets.UTF_8));
    }

    private static String sessionOf(JsonNode response) {
        JsonNode id = response.path("headers").path("mcp-session-id");
        return id.isString() ? id.asString() : null;
    }
}
