package dev.apigwmcp.runtime.upstream;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns an upstream answer, or the failure to get one, into an MCP {@code CallToolResult}. Error texts are written
 * for a model to act on: what happened, the status, and the upstream's own message, never a stack trace.
 */
public final class ResponseMapper {

    /** Longest upstream error message quoted in a result. */
    private static final int MAX_MESSAGE_CHARS = 1000;

    private final ObjectMapper json;

    public ResponseMapper(ObjectMapper json) {
        this.json = json;
    }

    /** Maps any HTTP answer. */
    public ToolResult map(UpstreamResponse response, ResponseShape shape, String displayUri) {
        int status = response.status();
        if (status >= 200 && status < 300) {
            return success(response, shape, displayUri);
        }
        String reason = reason(status);
        if (status >= 300 && status < 400) {
            return ToolResult.text("Upstream answered HTTP " + status + reason
                    + " (a redirect); redirects are not followed, so check the configured base URL.",
                    CallOutcome.REDIRECT, status);
        }
        String message = errorMessage(response);
        String quoted = message == null ? "" : ": " + message;
        if (status == 429) {
            String retry = response.headers().firstValue("retry-after").map(v -> " Retry after " + v + " s.")
                    .orElse(" Retry later.");
            return ToolResult.text("Upstream is throttling requests (HTTP 429 Too Many Requests)" + quoted + "."
                    + retry, CallOutcome.THROTTLED, status);
        }
        if (status >= 500) {
            return ToolResult.text("Upstream failed with HTTP " + status + reason + quoted
                    + ". This is a server-side problem; retrying later may help.", CallOutcome.SERVER_ERROR, status);
        }
        return ToolResult.text("Upstream rejected the request with HTTP " + status + reason + quoted,
                CallOutcome.CLIENT_ERROR, status);
    }

    private ToolResult success(UpstreamResponse response, ResponseShape shape, String displayUri) {
        int status = response.status();
        byte[] body = response.body();
        if (body.length == 0) {
            return ToolResult.text("Upstream answered HTTP " + status + reason(status) + " with no content.",
                    CallOutcome.OK, status);
        }
        MediaType type = MediaType.parse(response.contentType());
        String note = response.truncated()
                ? "\n[response cut at " + body.length + " bytes: it is larger than the configured limit]"
                : "";
        if (type.isImage()) {
            ObjectNode result = json.createObjectNode();
            ArrayNode content = result.putArray("content");
            content.addObject().put("type", "image").put("data", Base64.getEncoder().encodeToString(body))
                    .put("mimeType", type.essence());
            if (!note.isEmpty()) {
                content.addObject().put("type", "text").put("text", note.strip());
            }
            return new ToolResult(result, CallOutcome.OK, status);
        }
        String text = type.isTextual() || type.isUnknown() ? decode(body, type.charset()) : null;
        if (text == null) {
            ObjectNode result = json.createObjectNode();
            ArrayNode content = result.putArray("content");
            ObjectNode resource = content.addObject().put("type", "resource").putObject("resource");
            resource.put("uri", displayUri).put("mimeType", type.isUnknown() ? "application/octet-stream"
                    : type.essence()).put("blob", Base64.getEncoder().encodeToString(body));
            if (!note.isEmpty()) {
                content.addObject().put("type", "text").put("text", note.strip());
            }
            return new ToolResult(result, CallOutcome.OK, status);
        }
        ObjectNode result = json.createObjectNode();
        result.putArray("content").addObject().put("type", "text").put("text", text + note);
        if (shape.structured() && !response.truncated() && (type.isJson() || type.isUnknown())) {
            JsonNode parsed = parse(text);
            if (parsed != null) {
                if (shape.wrap() != null) {
                    result.putObject("structuredContent").set(shape.wrap(), parsed);
                } else if (parsed.isObject()) {
                    result.set("structuredContent", parsed);
                }
            }
        }
        return new ToolResult(result, CallOutcome.OK, status);
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Strict decoding: bytes that are not valid text in the charset make the body binary. */
    private static String decode(byte[] body, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The upstream's own explanation: a message field of a JSON body, else the body text, shortened. */
    String errorMessage(UpstreamResponse response) {
        byte[] body = response.body();
        if (body.length == 0) {
            return null;
        }
        MediaType type = MediaType.parse(response.contentType());
        String text = decode(body, type.charset());
        if (text == null) {
            return null;
        }
        JsonNode parsed = type.isJson() || type.isUnknown() ? parse(text) : null;
        String message = parsed != null && parsed.isObject() ? messageField(parsed) : null;
        if (message == null) {
            message = parsed != null && parsed.isString() ? parsed.stringValue() : text;
        }
        message = message.strip().replaceAll("\\s+", " ");
        if (message.length() > MAX_MESSAGE_CHARS) {
            message = message.substring(0, MAX_MESSAGE_CHARS) + "...";
        }
        return message.isEmpty() ? null : message;
    }

    private static String messageField(JsonNode object) {
        for (String field : new String[] {"message", "Message", "error_description", "errorMessage", "error",
                "detail", "title"}) {
            JsonNode value = object.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isString()) {
                return value.stringValue();
            }
            if (value.isObject()) {
                String nested = messageField(value);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    /** Maps a failure to reach the upstream or read its answer. */
    public ToolResult failure(Throwable failure, String displayUri, long timeoutMs) {
        Throwable cause = unwrap(failure);
        if (cause instanceof HttpConnectTimeoutException) {
            return ToolResult.text("Could not connect to the upstream at " + displayUri
                    + " in time (connect timeout). Check the base URL and network.", CallOutcome.TIMEOUT, 0);
        }
        if (cause instanceof HttpTimeoutException) {
            return ToolResult.text("The upstream did not answer within " + timeoutMs + " ms (request timeout).",
                    CallOutcome.TIMEOUT, 0);
        }
        if (cause instanceof CancellationException) {
            return ToolResult.text("The call was cancelled.", CallOutcome.CANCELLED, 0);
        }
        if (cause instanceof ConnectException) {
            return ToolResult.text("Could not connect to the upstream at " + displayUri
                    + " (connection refused or unreachable).", CallOutcome.CONNECTION_FAILED, 0);
        }
        if (cause instanceof IOException) {
            return ToolResult.text("The connection to the upstream failed: " + describe(cause) + ".",
                    CallOutcome.CONNECTION_FAILED, 0);
        }
        return ToolResult.text("Internal error while calling the upstream (" + cause.getClass().getSimpleName()
                + ").", CallOutcome.INTERNAL, 0);
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    static String reason(int status) {
        String phrase = switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 303 -> "See Other";
            case 304 -> "Not Modified";
            case 307 -> "Temporary Redirect";
            case 308 -> "Permanent Redirect";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> null;
        };
        return phrase == null ? "" : " " + phrase;
    }

    /** The parts of a {@code Content-Type} the mapping needs. */
    record MediaType(String essence, Charset charset) {

        static MediaType parse(String header) {
            if (header == null || header.isBlank()) {
                return new MediaType("", StandardCharsets.UTF_8);
            }
            String[] parts = header.split(";");
            Charset charset = StandardCharsets.UTF_8;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim();
                if (parameter.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    String name = parameter.substring(8).replace("\"", "").trim();
                    try {
                        charset = Charset.forName(name);
                    } catch (RuntimeException e) {
                        // An unknown charset: UTF-8 is the best guess for an API.
                    }
                }
            }
            return new MediaType(parts[0].trim().toLowerCase(Locale.ROOT), charset);
        }

        boolean isUnknown() {
            return essence.isEmpty();
        }

        boolean isJson() {
            return essence.equals("application/json") || essence.endsWith("+json") || essence.equals("text/json");
        }

        boolean isImage() {
            return essence.startsWith("image/");
        }

        boolean isTextual() {
            return essence.startsWith("text/") || isJson() || essence.endsWith("+xml")
                    || essence.equals("application/xml") || essence.equals("application/javascript")
                    || essence.equals("application/x-www-form-urlencoded") || essence.equals("application/yaml")
                    || essence.equals("application/x-yaml") || essence.equals("application/graphql");
        }
    }
}
