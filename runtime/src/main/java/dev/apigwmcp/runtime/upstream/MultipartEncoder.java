package dev.apigwmcp.runtime.upstream;

import dev.apigwmcp.runtime.spi.ArgumentException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Encodes an object argument as a {@code multipart/form-data} body (RFC 7578): one part per member in the object's
 * order, {@code null} members left out. A member named in {@code files} is a file: its value (or each element of
 * an array) is base64 text, sent decoded as a part with {@code filename} (the member's name) and the given
 * {@code Content-Type}. Other strings, numbers and booleans are text parts without a {@code Content-Type} (RFC
 * 7578's {@code text/plain}, UTF-8); an array is one part per element; an object is a part holding its compact JSON
 * with {@code Content-Type: application/json}. Names are escaped as the WHATWG form serializer does ({@code "} as
 * {@code %22}, CR as {@code %0D}, LF as {@code %0A}).
 */
final class MultipartEncoder {

    /** The body and the boundary its Content-Type must name. */
    record Encoded(String boundary, byte[] bytes) {}

    private record Part(String name, boolean file, String contentType, byte[] content) {}

    private final String argument;
    private final Map<String, String> files;
    private final List<Part> parts = new ArrayList<>();

    private MultipartEncoder(String argument, Map<String, String> files) {
        this.argument = argument;
        this.files = files;
    }

    /**
     * The encoded body with a boundary from {@code boundaries} that occurs in no part; throws
     * {@link ArgumentException} naming {@code argument} when {@code body} is not an object, a file is not base64
     * text or an array holds {@code null}.
     */
    static Encoded encode(String argument, JsonNode body, Map<String, String> files, Supplier<String> boundaries) {
        if (!body.isObject()) {
            throw FormValues.notAnObject(argument, body);
        }
        MultipartEncoder encoder = new MultipartEncoder(argument, files);
        for (Map.Entry<String, JsonNode> member : body.properties()) {
            encoder.member(member.getKey(), member.getValue());
        }
        String boundary = boundaries.get();
        while (encoder.occursIn(boundary)) {
            boundary = boundaries.get();
        }
        return new Encoded(boundary, encoder.write(boundary));
    }

    private void member(String name, JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return;
        }
        FormValues.checkUnicode(argument, name, name);
        if (value.isArray()) {
            for (JsonNode element : value) {
                if (element.isNull()) {
                    throw new ArgumentException(
                            argument, "member '" + name + "' contains null; array elements must have a value");
                }
                part(name, element);
            }
        } else {
            part(name, value);
        }
    }

    private void part(String name, JsonNode value) {
        String fileType = files.get(name);
        if (fileType != null) {
            parts.add(new Part(name, true, fileType, decode(name, value)));
        } else if (value.isObject() || value.isArray()) {
            parts.add(new Part(name, false, "application/json", value.toString().getBytes(StandardCharsets.UTF_8)));
        } else {
            String text = FormValues.text(argument, name, value);
            parts.add(new Part(name, false, null, text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private byte[] decode(String name, JsonNode value) {
        if (!value.isString()) {
            throw new ArgumentException(argument, "member '" + name + "' is a file: give its bytes as base64 text");
        }
        return Base64Text.decode(argument, "member '" + name + "'", value.stringValue());
    }

    private boolean occursIn(String boundary) {
        String needle = "--" + boundary;
        for (Part part : parts) {
            if (new String(part.content(), StandardCharsets.ISO_8859_1).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    private byte[] write(String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part part : parts) {
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n");
            head.append("Content-Disposition: form-data; name=\"")
                    .append(escape(part.name()))
                    .append('"');
            if (part.file()) {
                head.append("; filename=\"").append(escape(part.name())).append('"');
            }
            head.append("\r\n");
            if (part.contentType() != null) {
                head.append("Content-Type: ").append(part.contentType()).append("\r\n");
            }
            head.append("\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(part.content());
            out.writeBytes(new byte[] {'\r', '\n'});
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static String escape(String name) {
        return name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }
}
