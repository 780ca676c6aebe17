package dev.apigwmcp.runtime.lambda;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One HTTP request as AWS hands it to a function: a Lambda function URL or an API Gateway HTTP API event (payload
 * format 2.0), or an API Gateway REST API (or HTTP API 1.0) proxy event. The answer goes back in the same format.
 *
 * @param format     the payload format, which the response event follows
 * @param method     the HTTP method, upper case
 * @param path       the request's path as the client sent it (REST API events: the resource path, without the stage)
 * @param headers    header values by lower-case name (the first value where the event has several)
 * @param authorization every {@code Authorization} value of the request (payload 1.0 keeps repeated headers apart,
 *                   2.0 joins them with commas into one value)
 * @param body       the body as the event holds it (text, or base64), or {@code null} when the event has none
 * @param base64     whether the body is base64 ({@code isBase64Encoded})
 * @param bodyLength the body's length in bytes, known before decoding it
 * @param sourceIp   the client's address as AWS saw it
 * @param domainName the host name AWS routed the request by ({@code requestContext.domainName})
 */
record HttpEvent(
        Format format,
        String method,
        String path,
        Map<String, String> headers,
        List<String> authorization,
        String body,
        boolean base64,
        long bodyLength,
        String sourceIp,
        String domainName) {

    /** The payload formats. */
    enum Format {
        /** REST API proxy integration, and HTTP API payload 1.0. */
        V1,
        /** Lambda function URL, and HTTP API payload 2.0. */
        V2
    }

    /**
     * The request of an event, or an {@link IllegalArgumentException} saying why {@code event} is not one of the
     * HTTP events above.
     */
    static HttpEvent parse(JsonNode event) {
        if (event == null || !event.isObject()) {
            throw new IllegalArgumentException("the event is not a JSON object");
        }
        JsonNode context = event.path("requestContext");
        Format format;
        String method;
        String sourceIp;
        String path;
        if ("2.0".equals(event.path("version").asString(""))) {
            format = Format.V2;
            method = context.path("http").path("method").asString(null);
            sourceIp = context.path("http").path("sourceIp").asString("unknown");
            path = event.path("rawPath")
                    .asString(context.path("http").path("path").asString("/"));
        } else if (event.has("httpMethod")) {
            format = Format.V1;
            method = event.path("httpMethod").asString(null);
            sourceIp = context.path("identity").path("sourceIp").asString("unknown");
            path = event.path("path").asString("/");
        } else {
            throw new IllegalArgumentException("the event is neither a function URL / HTTP API event (version 2.0)"
                    + " nor an API Gateway proxy event (httpMethod)");
        }
        if (method == null || method.isBlank()) {
            throw new IllegalArgumentException("the event names no HTTP method");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        event.path("headers").properties().forEach(header -> {
            if (header.getValue().isString()) {
                headers.putIfAbsent(
                        header.getKey().toLowerCase(Locale.ROOT),
                        header.getValue().asString());
            }
        });
        // Payload 1.0 carries every value in multiValueHeaders too; the first one is what "headers" would hold.
        event.path("multiValueHeaders").properties().forEach(header -> {
            if (header.getValue().isArray() && !header.getValue().isEmpty()) {
                headers.putIfAbsent(
                        header.getKey().toLowerCase(Locale.ROOT),
                        header.getValue().get(0).asString(""));
            }
        });
        List<String> authorization = new ArrayList<>();
        event.path("multiValueHeaders").properties().forEach(header -> {
            if (header.getKey().equalsIgnoreCase("authorization")
                    && header.getValue().isArray()) {
                header.getValue().forEach(value -> authorization.add(value.asString("")));
            }
        });
        if (authorization.isEmpty() && headers.containsKey("authorization")) {
            authorization.add(headers.get("authorization"));
        }
        JsonNode bodyNode = event.path("body");
        String body = bodyNode.isString() ? bodyNode.asString() : null;
        boolean base64 = event.path("isBase64Encoded").asBoolean(false);
        long length = body == null ? 0 : base64 ? body.length() / 4L * 3 : body.getBytes(StandardCharsets.UTF_8).length;
        return new HttpEvent(
                format,
                method.toUpperCase(Locale.ROOT),
                path,
                Map.copyOf(headers),
                List.copyOf(authorization),
                body,
                base64,
                length,
                sourceIp,
                context.path("domainName").asString(null));
    }

    /** The body's bytes, decoded from base64 where the event says so. */
    byte[] bodyBytes() {
        if (body == null) {
            return new byte[0];
        }
        return base64 ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }
}
