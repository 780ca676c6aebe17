package dev.apigwmcp.generator.model;

import io.swagger.v3.oas.models.media.Schema;
import java.util.List;

/**
 * The success response a tool's output is taken from: the lowest 2xx.
 *
 * @param status     status code as written in the export ({@code 200}, {@code 2XX})
 * @param mediaType  the response's first JSON media type, else its first media type, else {@code null}
 * @param schema     that media type's schema, or {@code null}
 * @param pointer    JSON pointer of the response in the export
 * @param mediaTypes every media type the response offers, in document order (empty when it has no content)
 */
public record ApiResponse(String status, String mediaType, Schema<?> schema, String pointer, List<String> mediaTypes) {

    public ApiResponse {
        mediaTypes = mediaTypes == null ? List.of() : List.copyOf(mediaTypes);
    }

    public ApiResponse(String status, String mediaType, Schema<?> schema, String pointer) {
        this(status, mediaType, schema, pointer, mediaType == null ? List.of() : List.of(mediaType));
    }
}
