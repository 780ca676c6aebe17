package dev.apigwmcp.generator.model;

import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * An export, read and reduced to what tool generation needs. Built by the reader; the selector and compiler only
 * read it.
 *
 * @param sourceFile       the export's display name
 * @param format           the document's format
 * @param apiGatewayExport the document carries {@code x-amazon-apigateway-*} extensions (security requirement
 *                         objects are then read as AND, as API Gateway means them)
 * @param serverUrl        the first server's URL with variables replaced by their defaults, or {@code null}
 * @param securitySchemes  schemes by name
 * @param componentSchemas {@code components.schemas} by name
 * @param pathSchemas      schemas under {@code #/paths} that a {@code $ref} points into, by their JSON pointer
 *                         (OpenAPI 3 only; usually none)
 * @param operations       every operation, in path then method order of the document
 * @param apiKeySource     {@code x-amazon-apigateway-api-key-source} ({@code HEADER} / {@code AUTHORIZER}), or
 *                         {@code null}
 */
public record ApiModel(
        String sourceFile,
        SpecFormat format,
        boolean apiGatewayExport,
        String serverUrl,
        Map<String, SecurityScheme> securitySchemes,
        Map<String, Schema> componentSchemas,
        Map<String, Schema> pathSchemas,
        List<ApiOperation> operations,
        String apiKeySource) {

    public ApiModel {
        securitySchemes = Map.copyOf(securitySchemes);
        componentSchemas = componentSchemas == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(componentSchemas));
        pathSchemas = pathSchemas == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(pathSchemas));
        operations = List.copyOf(operations);
    }

    /** The document's format. */
    public enum SpecFormat {
        SWAGGER_2_0,
        OPENAPI_3_0,
        OPENAPI_3_1
    }
}
