package dev.apigwmcp.runtime.lambda;

import dev.apigwmcp.runtime.inbound.InboundCheck;
import dev.apigwmcp.runtime.transport.McpEndpoint;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The response event for an {@link HttpEvent}: status, headers and a JSON body as text. Payload 2.0 and 1.0
 * responses share these members; header names are lower case, as HTTP/2 fronts send them anyway.
 */
final class ResponseEvent {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ResponseEvent() {}

    /** An answer of the inbound check: a refusal with its challenge, or the protected resource metadata. */
    static byte[] of(InboundCheck.Answer answer) {
        ObjectNode event = JSON.createObjectNode();
        event.put("statusCode", answer.status());
        ObjectNode headers = event.putObject("headers");
        answer.headers().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        event.put("body", new String(answer.body(), StandardCharsets.UTF_8));
        event.put("isBase64Encoded", false);
        return JSON.writeValueAsBytes(event);
    }

    static byte[] of(McpEndpoint.Answer answer) {
        ObjectNode event = JSON.createObjectNode();
        event.put("statusCode", answer.status());
        ObjectNode headers = event.putObject("headers");
        answer.headers().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        if (answer.reply() != null) {
            headers.put("content-type", "application/json");
            event.put("body", new String(answer.reply().bytes(), StandardCharsets.UTF_8));
        } else {
            event.put("body", "");
        }
        event.put("isBase64Encoded", false);
        return JSON.writeValueAsBytes(event);
    }
}
