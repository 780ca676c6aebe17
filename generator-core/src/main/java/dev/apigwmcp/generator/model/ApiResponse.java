package dev.apigwmcp.generator.model;

import io.swagger.v3.oas.models.media.Schema;

/**
 * The success response a tool's output is taken from: the lowest 2xx.
 *
 * @param status    status code as written in the export ({@code 200}, {@code 2XX})
 * @param mediaType the response's first JSON media type, else its first media type, else {@code null}
 * @param schema    that media type's schema, or {@code null}
 * @param pointer   JSON pointer of the response in the export
 */
public record ApiResponse(String status, String mediaType, Schema<?> schema, String pointer) {
}
