package dev.apigwmcp.generator.model;

import java.util.List;

/**
 * One operation of the export.
 *
 * @param path                resource path as in the export ({@code /pets/{petId}})
 * @param method              HTTP method, or {@link HttpMethod#ANY}
 * @param pointer             JSON pointer of the operation ({@code /paths/~1pets/get})
 * @param operationId         the {@code operationId}, or {@code null}
 * @param summary             summary, or {@code null}
 * @param description         description, or {@code null}
 * @param resourceDescription the path item's summary/description, or {@code null}
 * @param parameters          parameters, path-level ones merged in, in declared order, then the path variables
 *                            that none declares (required strings)
 * @param requestBody         the request body, or {@code null}
 * @param successResponse     the lowest 2xx response, or {@code null}
 * @param security            the effective security requirements (operation's, else the document's)
 * @param authorizationType   the type of the operation's {@code x-amazon-apigateway-auth} as written ({@code AWS_IAM},
 *                            {@code NONE}; empty when it names none), or {@code null} without one
 * @param timeoutMs           {@code x-amazon-apigateway-integration.timeoutInMillis}, or {@code null}
 * @param deprecated          the operation is deprecated
 * @param tags                the operation's tags, as written (empty when it has none)
 */
public record ApiOperation(
        String path,
        HttpMethod method,
        String pointer,
        String operationId,
        String summary,
        String description,
        String resourceDescription,
        List<ApiParameter> parameters,
        ApiRequestBody requestBody,
        ApiResponse successResponse,
        List<SecurityRequirement> security,
        String authorizationType,
        Integer timeoutMs,
        boolean deprecated,
        List<String> tags) {

    public ApiOperation {
        parameters = List.copyOf(parameters);
        security = List.copyOf(security);
        tags = List.copyOf(tags);
    }

    /** {@code GET /pets/{petId}}: how problems and the catalog name an operation. */
    public String label() {
        return method.name() + " " + path;
    }
}
