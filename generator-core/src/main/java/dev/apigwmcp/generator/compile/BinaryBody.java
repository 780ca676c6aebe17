package dev.apigwmcp.generator.compile;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwmcp.generator.model.MediaTypes;

/**
 * A body of bytes (a file, an image, a PDF, anything not text): the argument is the bytes in base64
 * ({@code contentEncoding: base64}), which the runtime decodes and sends with the body's Content-Type. When the
 * export names a range ({@code image/*}, {@code *}{@code /*}), no request can carry it, so the tool also takes a
 * {@code contentType} argument: the concrete type within the range, required unless the range admits
 * {@code application/octet-stream}, which is then its default.
 *
 * @param mediaType           the declared media type
 * @param schema              the body argument's schema
 * @param contentTypeArgument the argument naming the concrete type, or {@code null} for a concrete media type
 */
record BinaryBody(String mediaType, ObjectNode schema, String contentTypeArgument) {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final String OCTETS = "application/octet-stream";

    /** The body's schema; claims the {@code contentType} argument when {@code mediaType} is a range. */
    static BinaryBody of(String mediaType, InputSchemaBuilder.Draft draft) {
        ObjectNode schema = JSON.objectNode().put("type", "string").put("contentEncoding", "base64");
        if (!MediaTypes.isRange(mediaType)) {
            schema.put("contentMediaType", MediaTypes.essence(mediaType));
            return new BinaryBody(mediaType, schema, null);
        }
        return new BinaryBody(
                mediaType, schema, draft.names.claim("contentType", "body").name());
    }

    /** Whether a range admits {@code application/octet-stream}, so the Content-Type may be left out. */
    static boolean admitsOctets(String range) {
        String essence = MediaTypes.essence(range);
        return essence.equals("*/*") || essence.equals("application/*");
    }

    /** The sentence the body's description ends with. */
    String note() {
        return "The body's bytes, base64-encoded"
                + (contentTypeArgument == null
                        ? ", sent as " + MediaTypes.essence(mediaType) + "."
                        : "; " + contentTypeArgument + " gives their media type.");
    }

    BodyBinding binding(String argument, boolean required) {
        return BodyBinding.binary(argument, mediaType, required, contentTypeArgument);
    }

    /** Adds the {@code contentType} argument (after the body, so the body stays the first of the two). */
    void addContentType(InputSchemaBuilder.Draft draft, boolean bodyRequired) {
        if (contentTypeArgument == null) {
            return;
        }
        String range = MediaTypes.essence(mediaType);
        ObjectNode schema = JSON.objectNode().put("type", "string");
        if (admitsOctets(range)) {
            schema.put(
                    "description",
                    "Media type of the body (Content-Type), within " + range + "; default " + OCTETS + ".");
            schema.put("default", OCTETS);
        } else {
            schema.put(
                    "description",
                    "Media type of the body (Content-Type), within " + range + ", for example " + example(range) + ".");
            if (bodyRequired) {
                draft.required.add(contentTypeArgument);
            }
        }
        draft.properties.set(contentTypeArgument, schema);
    }

    private static String example(String range) {
        String type = range.substring(0, range.indexOf('/'));
        return switch (type) {
            case "image" -> "image/png";
            case "audio" -> "audio/mpeg";
            case "video" -> "video/mp4";
            case "text" -> "text/plain";
            case "font" -> "font/woff2";
            case "model" -> "model/gltf-binary";
            default -> range.endsWith("+xml") ? type + "/atom+xml" : type + "/octet-stream";
        };
    }
}
