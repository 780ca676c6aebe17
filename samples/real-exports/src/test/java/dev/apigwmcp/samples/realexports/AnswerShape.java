package dev.apigwmcp.samples.realexports;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import javax.imageio.ImageIO;

/** A way real APIs answer with 2xx, whatever their export documents; the local upstream answers each call in one. */
enum AnswerShape {
    /** A JSON object that matches nothing in particular. */
    JSON_OBJECT(
            "json-object",
            200,
            "application/json",
            "{\"message\":\"stored\",\"requestId\":\"c0ffee-42\",\"count\":3,\"tags\":[\"a\",\"b\"],"
                    + "\"meta\":{\"region\":\"local\",\"cached\":false}}"),
    /** A JSON array at the top level. */
    JSON_ARRAY(
            "json-array",
            200,
            "application/json",
            "[{\"id\":1,\"name\":\"first\"},{\"id\":2,\"name\":\"second\",\"extra\":true}]"),
    /** XML, as S3 and older backends answer. */
    XML(
            "xml",
            200,
            "application/xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Result><Status>accepted</Status><Id>42</Id></Result>"),
    /** 204 No Content. */
    EMPTY_204("empty-204", 204, null, ""),
    /** A PNG image (binary). */
    PNG("png", 200, "image/png", null),
    /**
     * JSON that matches no documented schema: the property names the real exports' models use, with wrong types and
     * nulls, required ones missing, and undocumented extras.
     */
    JSON_DRIFT(
            "json-drift",
            200,
            "application/json",
            "{\"id\":\"7\",\"petid\":\"seven\",\"type\":null,\"price\":\"12.50\",\"input\":\"not-an-object\","
                    + "\"output\":[1,2],\"pet\":null,\"message\":42,\"a\":true,\"b\":null,\"c\":\"three\","
                    + "\"result\":{},\"items\":\"none\",\"undocumented\":{\"nested\":[1,\"two\",null]}}"),
    /** An HTML page, as a web front or an error page answers. */
    HTML(
            "html",
            200,
            "text/html; charset=utf-8",
            "<!DOCTYPE html><html><head><title>Upstream</title></head><body><p>Hello from the upstream</p></body></html>");

    private final String id;
    private final int status;
    private final String contentType;
    private final byte[] body;

    AnswerShape(String id, int status, String contentType, String body) {
        this.id = id;
        this.status = status;
        this.contentType = contentType;
        this.body = body == null ? png() : body.getBytes(StandardCharsets.UTF_8);
    }

    String id() {
        return id;
    }

    int status() {
        return status;
    }

    /** The {@code Content-Type} sent, or {@code null} for no body. */
    String contentType() {
        return contentType;
    }

    byte[] body() {
        return body.clone();
    }

    /** Whether the body is text that a result must carry verbatim (or, for JSON, as equal JSON). */
    boolean textual() {
        return contentType != null && !contentType.startsWith("image/");
    }

    boolean json() {
        return contentType != null && contentType.startsWith("application/json");
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    static Optional<AnswerShape> byId(String id) {
        return Arrays.stream(values()).filter(shape -> shape.id.equals(id)).findFirst();
    }

    /** A real 2x2 PNG made by the JDK's encoder. */
    private static byte[] png() {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xFF8800);
        image.setRGB(1, 1, 0x0088FF);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
