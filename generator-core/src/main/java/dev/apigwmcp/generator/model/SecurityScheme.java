package dev.apigwmcp.generator.model;

/**
 * A security scheme of the export, reduced to what decides outbound auth.
 *
 * @param name       the scheme's key in {@code components.securitySchemes}
 * @param kind       what the runtime must send
 * @param in         the scheme's {@code in} ({@code header}, {@code query} or {@code cookie}), or {@code null}
 * @param keyName    the scheme's {@code name}: for API keys the header / parameter name, for TOKEN and Cognito
 *                   authorizers the header the token goes in; else {@code null}
 * @param authType   {@code x-amazon-apigateway-authtype}, or {@code null}
 * @param authorizer its {@code x-amazon-apigateway-authorizer}, or {@code null}
 * @param pointer    JSON pointer of the scheme in the export ({@code /components/securitySchemes/x},
 *                   {@code /securityDefinitions/x})
 */
public record SecurityScheme(
        String name,
        AuthKind kind,
        String in,
        String keyName,
        String authType,
        Authorizer authorizer,
        String pointer) {}
