package dev.apigwmcp.generator.model;

import io.swagger.v3.oas.models.media.Schema;
import java.util.Map;

/**
 * An operation's request body.
 *
 * @param required    whether a body is required
 * @param description the body's description, or {@code null}
 * @param content     media type to schema (a {@code null} schema when the media type has none), declared order
 * @param pointer     JSON pointer of the request body in the export
 * @param encodings   media type to its {@code encoding} object (property name to encoding), only where declared
 */
public record ApiRequestBody(
        boolean required,
        String description,
        Map<String, Schema<?>> content,
        String pointer,
        Map<String, Map<String, ApiEncoding>> encodings) {
    public ApiRequestBody {
        content = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(content));
        encodings = Map.copyOf(encodings);
    }

    /** A body without {@code encoding} objects. */
    public ApiRequestBody(boolean required, String description, Map<String, Schema<?>> content, String pointer) {
        this(required, description, content, pointer, Map.of());
    }

    /** The {@code encoding} object of {@code mediaType}, empty when it has none. */
    public Map<String, ApiEncoding> encoding(String mediaType) {
        return encodings.getOrDefault(mediaType, Map.of());
    }
}
