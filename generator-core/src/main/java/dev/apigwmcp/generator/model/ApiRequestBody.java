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
 */
public record ApiRequestBody(boolean required, String description, Map<String, Schema<?>> content, String pointer) {
    public ApiRequestBody {
        content = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(content));
    }
}
