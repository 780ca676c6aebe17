package dev.apigwmcp.generator.model;

import io.swagger.v3.oas.models.media.Schema;

/**
 * One operation parameter as the export declares it (path-level and operation-level parameters merged).
 *
 * @param name        name in HTTP
 * @param in          location
 * @param required    required flag (always true for path parameters)
 * @param schema      its schema (swagger-parser model, treated as read-only)
 * @param description the parameter's description, or {@code null}
 * @param style       OpenAPI {@code style}, or {@code null} for the location's default
 * @param explode     OpenAPI {@code explode}, or {@code null} for the style's default
 * @param pointer     JSON pointer of the parameter in the export (its path item for a path variable the export
 *                    does not declare)
 */
public record ApiParameter(
        String name,
        ParameterLocation in,
        boolean required,
        Schema<?> schema,
        String description,
        String style,
        Boolean explode,
        String pointer) {}
