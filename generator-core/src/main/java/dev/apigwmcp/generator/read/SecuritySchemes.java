package dev.apigwmcp.generator.read;

import dev.apigwmcp.generator.model.AuthKind;
import dev.apigwmcp.generator.model.Authorizer;
import dev.apigwmcp.generator.model.JsonPointer;
import dev.apigwmcp.generator.model.SecurityScheme;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Classifies the export's security schemes by what the runtime must send. API Gateway marks IAM with
 * {@code x-amazon-apigateway-authtype: awsSigv4} on an {@code apiKey}-typed scheme named {@code Authorization};
 * Cognito and Lambda authorizers likewise; a plain {@code apiKey} scheme is the usage-plan API key.
 */
record SecuritySchemes(Map<String, SecurityScheme> byName, boolean anyApiGatewayExtension) {

    /**
     * The declared schemes; {@code base} is where the export keeps them ({@code /components/securitySchemes}, or
     * {@code /securityDefinitions} in Swagger 2.0).
     */
    static SecuritySchemes read(Map<String, io.swagger.v3.oas.models.security.SecurityScheme> declared, String base) {
        Map<String, SecurityScheme> out = new TreeMap<>();
        boolean apiGateway = false;
        if (declared != null) {
            for (var entry : declared.entrySet()) {
                var scheme = entry.getValue();
                if (scheme == null) {
                    continue;
                }
                Map<String, Object> extensions = scheme.getExtensions() == null ? Map.of() : scheme.getExtensions();
                Object authType = extensions.get("x-amazon-apigateway-authtype");
                if (authType != null || extensions.containsKey("x-amazon-apigateway-authorizer")) {
                    apiGateway = true;
                }
                String type = authType == null ? null : authType.toString();
                out.put(
                        entry.getKey(),
                        new SecurityScheme(
                                entry.getKey(),
                                kind(scheme, type),
                                scheme.getIn() == null ? null : scheme.getIn().toString(),
                                scheme.getName(),
                                type,
                                authorizer(extensions.get("x-amazon-apigateway-authorizer")),
                                JsonPointer.append(base, entry.getKey())));
            }
        }
        return new SecuritySchemes(out, apiGateway);
    }

    private static Authorizer authorizer(Object extension) {
        if (!(extension instanceof Map<?, ?> authorizer)) {
            return null;
        }
        return new Authorizer(
                text(authorizer.get("type")),
                text(authorizer.get("identitySource")),
                text(authorizer.get("identityValidationExpression")));
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    private static AuthKind kind(io.swagger.v3.oas.models.security.SecurityScheme scheme, String authType) {
        if (authType != null) {
            return switch (authType.toLowerCase(Locale.ROOT)) {
                case "awssigv4" -> AuthKind.SIGV4;
                case "cognito_user_pools", "custom", "oauth2", "jwt" -> AuthKind.BEARER;
                default -> AuthKind.UNSUPPORTED;
            };
        }
        if (scheme.getType() == null) {
            return AuthKind.UNSUPPORTED;
        }
        return switch (scheme.getType()) {
            case APIKEY -> AuthKind.API_KEY;
            case OAUTH2, OPENIDCONNECT -> AuthKind.BEARER;
            case HTTP -> http(scheme.getScheme());
            default -> AuthKind.UNSUPPORTED;
        };
    }

    /**
     * An OpenAPI {@code http} scheme by its {@code scheme}, an auth scheme name that RFC 7235 compares without case.
     * Swagger 2.0's {@code type: basic} arrives here too: the converter reads it as {@code http} {@code basic}.
     */
    private static AuthKind http(String scheme) {
        if (scheme == null) {
            return AuthKind.UNSUPPORTED;
        }
        return switch (scheme.trim().toLowerCase(Locale.ROOT)) {
            case "bearer" -> AuthKind.BEARER;
            case "basic" -> AuthKind.BASIC;
            default -> AuthKind.UNSUPPORTED;
        };
    }
}
