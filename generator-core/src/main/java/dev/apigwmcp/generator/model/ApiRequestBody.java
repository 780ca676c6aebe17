package dev.apigwmcp.generator.model;

import io.swagger.v3.oas.models.media.Schema;
import java.util.Map;
import java.util.Set;

/**
 * An operation's request body.
 *
 * @param required    whether a body is required
 * @param description the body's description, or {@code null}
 * @param content     media type to schema (a {@code null} schema when the media type has none), declared order
 * @param pointer     JSON pointer of the request body in the export
 * @param encodings   media type to its {@code encoding} object (property name to encoding), only where declared
 * @param binaryTypes the export's {@code x-amazon-apigateway-binary-media-types} (lower case, without parameters):
 *                    API Gateway passes these through as bytes, so such a body is sent as bytes
 */
public record ApiRequestBody(
        boolean required,
        String description,
        Map<String, Schema<?>> content,
        String pointer,
        Map<String, Map<String, ApiEncoding>> encodings,
        Set<String> binaryTypes) {
    public ApiRequestBody {
        content = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(content));
        encodings = Map.copyOf(encodings);
        binaryTypes = Set.copyOf(binaryTypes);
    }

    /** A body of an export without binary media types. */
    public ApiRequestBody(
            boolean required,
            String description,
            Map<String, Schema<?>> content,
            String pointer,
            Map<String, Map<String, ApiEncoding>> encodings) {
        this(required, description, content, pointer, encodings, Set.of());
    }

    /** A body without {@code encoding} objects. */
    public ApiRequestBody(boolean required, String description, Map<String, Schema<?>> content, String pointer) {
        this(required, description, content, pointer, Map.of(), Set.of());
    }

    /** Whether the export lists {@code mediaType} (its essence) as a binary media type. */
    public boolean binary(String mediaType) {
        return binaryTypes.contains(MediaTypes.essence(mediaType));
    }

    /** The {@code encoding} object of {@code mediaType}, empty when it has none. */
    public Map<String, ApiEncoding> encoding(String mediaType) {
        return encodings.getOrDefault(mediaType, Map.of());
    }
}
