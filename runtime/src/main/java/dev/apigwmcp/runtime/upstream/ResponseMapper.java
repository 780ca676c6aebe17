package dev.apigwmcp.runtime.upstream;

import dev.apigwmcp.runtime.config.FailureReason;
import dev.apigwmcp.runtime.config.Sentence;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

    /** Maps any HTTP answer of a tool that lists no output schema. */
    public ToolResult map(UpstreamResponse response, ResponseShape shape, String displayUri) {
        return map(response, shape, null, displayUri);
    }

    /**
     * Maps any HTTP answer.
     *
     * @param conformance checks {@code structuredContent} against the output schema the tool lists, or {@code null}
     *                    when it lists none
     */
    public ToolResult map(
            UpstreamResponse response, ResponseShape shape, OutputConformance conformance, String displayUri) {
        int status = response.status();
        if (status >= 200 && status < 300) {
            return success(response, shape, conformance, displayUri);
        }
        String reason = reason(status);
        if (status >= 300 && status < 400) {
            return ToolResult.text(
                    "Upstream answered HTTP " + status + reason
                            + " (a redirect); redirects are not followed, so check the configured base URL.",
                    CallOutcome.REDIRECT,
                    status);
        }
        String message = errorMessage(response);
        String quoted = message == null ? "" : ": " + message;
        Optional<Duration> retryAfter = response.retryAfter(Instant.now());
        if (status == 429) {
            String retry = retryAfter
                    .map(wait -> " The upstream asks to retry after " + RetryAfter.seconds(wait) + " s (Retry-After).")
                    .orElse(" Retry later.");
            return ToolResult.text(
                    Sentence.end("Upstream is throttling requests (HTTP 429 Too Many Requests)" + quoted) + retry,
                    CallOutcome.THROTTLED,
                    status);
        }
        if (status >= 500) {
            String retry = retryAfter
                    .map(wait -> " The upstream asks to retry after " + RetryAfter.seconds(wait) + " s (Retry-After).")
                    .orElse(" This is a server-side problem; retrying later may help.");
            return ToolResult.text(
                    Sentence.end("Upstream failed with HTTP " + status + reason + quoted) + retry,
                    CallOutcome.SERVER_ERROR,
                    status);
        }
        return ToolResult.text(
                "Upstream rejected the request with HTTP " + status + reason + quoted,
                CallOutcome.CLIENT_ERROR,
                status);
    }

    /**
     * A 2xx answer. For a tool with an output schema, {@code structuredContent} is sent only when it conforms; any
     * other answer (not JSON, not an object, drifted from the schema, cut at the size limit) becomes
     * {@code isError} with a first text block saying why, followed by the body itself, so that a spec-following
     * client never throws and the model still gets everything the upstream said.
     */
    private ToolResult success(
            UpstreamResponse response, ResponseShape shape, OutputConformance schema, String displayUri) {
        int status = response.status();
        byte[] body = response.body();
        String answered = "Upstream answered HTTP " + status + reason(status);
        if (response.encodingProblem() != null) {
            return ToolResult.text(
                            Sentence.end(answered + ", but " + response.encodingProblem()),
                            CallOutcome.NONCONFORMING_OUTPUT,
                            status)
                    .withDetail("encoding");
        }
        if (body.length == 0) {
            return empty(answered, schema, status);
        }
        MediaType type = MediaType.parse(response.contentType());
        String note = response.truncated()
                ? "[response cut at " + body.length + " bytes: it is larger than the configured limit]"
                : null;
        if (type.isImage()) {
            ObjectNode image = json.createObjectNode()
                    .put("type", "image")
                    .put("data", Base64.getEncoder().encodeToString(body))
                    .put("mimeType", type.essence());
            return schema == null
                    ? blocks(CallOutcome.OK, status, null, image, note)
                    : mismatch(
                            answered + " with an image (" + type.essence() + "), not the JSON the tool's output"
                                    + " schema documents; the image follows.",
                            status,
                            "image",
                            image,
                            note);
        }
        String text = type.isTextual() || type.isUnknown() ? decode(body, type.charset()) : null;
        if (text == null) {
            ObjectNode resource = json.createObjectNode().put("type", "resource");
            resource.putObject("resource")
                    .put("uri", displayUri)
                    .put("mimeType", type.isUnknown() ? "application/octet-stream" : type.essence())
                    .put("blob", Base64.getEncoder().encodeToString(body));
            return schema == null
                    ? blocks(CallOutcome.OK, status, null, resource, note)
                    : mismatch(
                            answered + " with " + (type.isUnknown() ? "binary" : type.essence()) + " content, not"
                                    + " the JSON the tool's output schema documents; it follows as an embedded resource.",
                            status,
                            "binary",
                            resource,
                            note);
        }
        if (schema != null && text.isBlank() && !response.truncated()) {
            return empty(answered, schema, status);
        }
        ObjectNode textBlock =
                json.createObjectNode().put("type", "text").put("text", note == null ? text : text + "\n" + note);
        if (schema != null) {
            return checked(answered, status, text, body, type, response.truncated(), textBlock, shape, schema);
        }
        ObjectNode result =
                blocks(CallOutcome.OK, status, null, textBlock, null).result();
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

    /** A textual answer of a tool with an output schema: structured content only when it conforms. */
    private ToolResult checked(
            String answered,
            int status,
            String text,
            byte[] body,
            MediaType type,
            boolean truncated,
            ObjectNode textBlock,
            ResponseShape shape,
            OutputConformance schema) {
        int bytes = body.length;
        String asText = "; it is returned as text only.";
        if (truncated) {
            return mismatch(
                    answered + " with more than the configured limit of " + bytes + " bytes ("
                            + UpstreamSettings.MAX_RESPONSE_BYTES.name()
                            + "); the answer was cut, so it cannot be checked"
                            + " against the tool's output schema" + asText,
                    status,
                    "truncated",
                    textBlock,
                    null);
        }
        if (type.isXml() || type.isHtml()) {
            return mismatch(
                    answered + " with " + (type.isXml() ? "XML" : "HTML") + " (" + type.essence()
                            + "), not the JSON the tool's output schema documents" + asText,
                    status,
                    "not-json",
                    textBlock,
                    null);
        }
        JsonNode parsed;
        try {
            parsed = readTree(text, body, type.charset());
        } catch (JacksonException e) {
            String what = type.isJson()
                    ? type.essence() + " content that is not valid JSON (" + parserProblem(e) + ")"
                    : type.isUnknown()
                            ? "content that is not JSON (" + parserProblem(e) + ")"
                            : "text (" + type.essence() + ") that is not JSON";
            return mismatch(
                    answered + " with " + what + ", where the tool's output schema documents JSON" + asText,
                    status,
                    "not-json",
                    textBlock,
                    null);
        }
        JsonNode candidate = parsed;
        if (shape.wrap() != null) {
            candidate = json.createObjectNode().set(shape.wrap(), parsed);
        } else if (!parsed.isObject()) {
            return mismatch(
                    answered + " with a JSON " + kind(parsed) + ", where the tool's output schema documents"
                            + " an object" + asText,
                    status,
                    "not-object",
                    textBlock,
                    null);
        }
        List<String> problems = schema.problems(candidate);
        if (!problems.isEmpty()) {
            return mismatch(
                    answered + ", but the answer does not match the tool's documented output schema, so it is"
                            + " returned as text only:\n- " + String.join("\n- ", problems),
                    status,
                    "schema",
                    textBlock,
                    null);
        }
        ObjectNode result =
                blocks(CallOutcome.OK, status, null, textBlock, null).result();
        result.set("structuredContent", candidate);
        return new ToolResult(result, CallOutcome.OK, status);
    }

    /**
     * No content (204, or any 2xx with an empty body). A tool with an output schema gets {@code {}} as structured
     * content when its schema accepts that, else the answer does not conform.
     */
    private ToolResult empty(String answered, OutputConformance schema, int status) {
        String text = answered + " with no content.";
        if (schema == null) {
            return ToolResult.text(text, CallOutcome.OK, status);
        }
        ObjectNode nothing = json.createObjectNode();
        List<String> problems = schema.problems(nothing);
        if (!problems.isEmpty()) {
            return ToolResult.text(
                            answered + " with no content, but the tool's documented output schema does not"
                                    + " accept an empty result:\n- " + String.join("\n- ", problems),
                            CallOutcome.NONCONFORMING_OUTPUT,
                            status)
                    .withDetail("empty");
        }
        ToolResult result = ToolResult.text(text, CallOutcome.OK, status);
        result.result().set("structuredContent", nothing);
        return result;
    }

    /** A result of content blocks: {@code block}, then a text block with {@code note} when there is one. */
    private ToolResult blocks(CallOutcome outcome, int status, String detail, ObjectNode block, String note) {
        ObjectNode result = json.createObjectNode();
        ArrayNode content = result.putArray("content");
        content.add(block);
        if (note != null) {
            content.addObject().put("type", "text").put("text", note);
        }
        if (outcome.isError()) {
            result.put("isError", true);
        }
        return new ToolResult(result, outcome, status, detail);
    }

    /** An answer that cannot be sent as conforming structured content: why, then the body itself. */
    private ToolResult mismatch(String why, int status, String detail, ObjectNode body, String note) {
        ToolResult result = blocks(CallOutcome.NONCONFORMING_OUTPUT, status, detail, body, note);
        ((ArrayNode) result.result().get("content"))
                .insert(0, json.createObjectNode().put("type", "text").put("text", why));
        return result;
    }

    private static String kind(JsonNode value) {
        return value.isArray()
                ? "array"
                : value.isString()
                        ? "string"
                        : value.isNumber()
                                ? "number"
                                : value.isBoolean() ? "boolean" : value.isNull() ? "null" : "value";
    }

    /** The parser's first line and where it stopped; the body itself is not repeated. */
    private static String parserProblem(JacksonException e) {
        String message = String.valueOf(e.getOriginalMessage())
                .lines()
                .findFirst()
                .orElse("")
                .strip();
        if (message.length() > 200) {
            message = message.substring(0, 200) + "...";
        }
        return e.getLocation() == null
                ? message
                : message + " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
    }

    /**
     * The JSON of a decoded body: from its bytes when they are plain ASCII (the text then has one character per
     * byte, and Jackson's byte parser is the faster one), else from the text.
     */
    private JsonNode readTree(String text, byte[] body, Charset charset) {
        boolean ascii = text.length() == body.length
                && (charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII));
        return ascii ? json.readTree(body) : json.readTree(text);
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
        if (isAscii(body)
                && (charset.equals(StandardCharsets.UTF_8)
                        || charset.equals(StandardCharsets.US_ASCII)
                        || charset.equals(StandardCharsets.ISO_8859_1))) {
            // Valid in all three whatever it holds: one character per byte, without a decoder.
            return new String(body, StandardCharsets.ISO_8859_1);
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean isAscii(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return false;
            }
        }
        return true;
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
        if (type.isHtml()) {
            message = HtmlText.visible(message);
        }
        message = message.strip().replaceAll("\\s+", " ");
        if (message.length() > MAX_MESSAGE_CHARS) {
            message = message.substring(0, MAX_MESSAGE_CHARS) + "...";
        }
        return message.isEmpty() ? null : message;
    }

    private static String messageField(JsonNode object) {
        for (String field :
                new String[] {"message", "Message", "error_description", "errorMessage", "error", "detail", "title"}) {
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

    /**
     * Maps a failure to reach the upstream or read its answer.
     *
     * @param deadlineMs the call's deadline, named when it passed
     */
    public ToolResult failure(Throwable failure, String displayUri, long deadlineMs) {
        Throwable cause = unwrap(failure);
        if (cause instanceof UpstreamFailure upstream) {
            return failure(upstream, displayUri, deadlineMs);
        }
        if (cause instanceof CancellationException) {
            return ToolResult.text("The call was cancelled.", CallOutcome.CANCELLED, 0);
        }
        if (cause instanceof IOException) {
            return ToolResult.text(
                    Sentence.end("The connection to the upstream failed: " + describe(cause)),
                    CallOutcome.CONNECTION_FAILED,
                    0);
        }
        return ToolResult.text(
                "Internal error while calling the upstream (" + FailureReason.describeWithoutMessage(cause) + ").",
                CallOutcome.INTERNAL,
                0);
    }

    private static ToolResult failure(UpstreamFailure failure, String displayUri, long deadlineMs) {
        return switch (failure.kind()) {
            case DEADLINE ->
                ToolResult.text(
                                "The upstream did not answer within the tool's deadline of " + deadlineMs
                                        + " ms (the export's timeoutInMillis, else "
                                        + UpstreamSettings.TIMEOUT_MS.name() + "): "
                                        + failure.phase().late()
                                        + (failure.phase() == ExchangePhase.BODY
                                                ? " (HTTP " + failure.status() + ", " + failure.bytesReceived()
                                                        + " bytes received)"
                                                : "")
                                        + ". The gateway closed the connection.",
                                CallOutcome.TIMEOUT,
                                failure.status())
                        .withDetail(failure.phase().name().toLowerCase(Locale.ROOT));
            case CONNECT_TIMEOUT ->
                ToolResult.text(
                                "Could not connect to the upstream at " + displayUri + " in time ("
                                        + UpstreamSettings.CONNECT_TIMEOUT_MS.name()
                                        + "). Check the base URL and network.",
                                CallOutcome.TIMEOUT,
                                0)
                        .withDetail("connect");
            case CONNECT_FAILED ->
                ToolResult.text(
                        "Could not connect to the upstream at " + displayUri + " (" + failure.getMessage() + ").",
                        CallOutcome.CONNECTION_FAILED,
                        0);
            case BROKEN ->
                ToolResult.text(
                        Sentence.end("The connection to the upstream failed "
                                + (failure.phase() == ExchangePhase.BODY
                                        ? "while the body was arriving (HTTP " + failure.status() + ", "
                                                + failure.bytesReceived() + " bytes received)"
                                        : "before it answered")
                                + ": "
                                + failure.getMessage()),
                        CallOutcome.CONNECTION_FAILED,
                        failure.status());
        };
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? FailureReason.describe(cause) : message;
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

        boolean isXml() {
            return essence.equals("application/xml") || essence.equals("text/xml") || essence.endsWith("+xml");
        }

        boolean isHtml() {
            return essence.equals("text/html") || essence.equals("application/xhtml+xml");
        }

        boolean isImage() {
            return essence.startsWith("image/");
        }

        boolean isTextual() {
            return essence.startsWith("text/")
                    || isJson()
                    || essence.endsWith("+xml")
                    || essence.equals("application/xml")
                    || essence.equals("application/javascript")
                    || essence.equals("application/x-www-form-urlencoded")
                    || essence.equals("application/yaml")
                    || essence.equals("application/x-yaml")
                    || essence.equals("application/graphql");
        }
    }
}
