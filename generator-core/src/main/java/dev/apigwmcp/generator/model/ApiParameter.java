package dev.apigwmcp.generator.model;

import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
 * @param examples    the parameter's own {@code example} or inline {@code examples} values (swagger-parser values),
 *                    beside any its schema has; empty when it has none
 * @param deprecated  the parameter's own {@code deprecated} flag
 */
public record ApiParameter(
        String name,
        ParameterLocation in,
        boolean required,
        Schema<?> schema,
        String description,
        String style,
        Boolean explode,
        String pointer,
        List<Object> examples,
        boolean deprecated) {

    public ApiParameter {
        examples = examples == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(examples));
    }

    /** A parameter without examples of its own, not deprecated. */
    public ApiParameter(
            String name,
            ParameterLocation in,
            boolean required,
            Schema<?> schema,
            String description,
            String style,
            Boolean explode,
            String pointer) {
        this(name, in, required, schema, description, style, explode, pointer, List.of(), false);
    }
}
