package dev.apigwmcp.generator.compile;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwmcp.generator.model.ApiOperation;
import dev.apigwmcp.generator.model.ApiParameter;
import dev.apigwmcp.generator.model.HttpMethod;
import dev.apigwmcp.generator.model.MediaTypes;
import dev.apigwmcp.generator.model.ParameterLocation;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

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
    private static final Set<HttpMethod> WITH_BODY = EnumSet.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    /**
     * A pass-through body for a POST, PUT or PATCH that declares the request's {@code Content-Type} header as a
     * parameter but no body: the header only means something with a body, which API Gateway then passes to the
     * integration as it is (the S3 proxy's object upload). Such a tool takes an optional {@code *}{@code /*} body
     * of bytes and a {@code contentType}; {@code null} when the operation is not such a method.
     */
    static BodyBinding addPassThrough(ApiOperation operation, InputSchemaBuilder.Draft draft) {
        if (!WITH_BODY.contains(operation.method())
                || operation.parameters().stream().noneMatch(BinaryBody::isContentType)) {
            return null;
        }
        String argument = BodyArgument.claimName(draft);
        BinaryBody body = of("*/*", draft);
        body.schema()
                .put(
                        "description",
                        "Request body passed through to the backend as it is (the method declares its Content-Type"
                                + " but no body). " + body.note());
        draft.properties.set(argument, body.schema());
        body.addContentType(draft, false);
        return body.binding(argument, false);
    }

    private static boolean isContentType(ApiParameter parameter) {
        return parameter.in() == ParameterLocation.HEADER
                && parameter.name().toLowerCase(Locale.ROOT).equals("content-type");
    }

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
