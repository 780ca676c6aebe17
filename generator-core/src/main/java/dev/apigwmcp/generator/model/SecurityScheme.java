package dev.apigwmcp.generator.model;

/**
 * A security scheme of the export, reduced to what decides outbound auth.
 *
 * @param name     the scheme's key in {@code components.securitySchemes}
 * @param kind     what the runtime must send
 * @param in       for API keys: {@code header}, {@code query} or {@code cookie}; else {@code null}
 * @param keyName  for API keys: the header / parameter name; else {@code null}
 * @param authType {@code x-amazon-apigateway-authtype}, or {@code null}
 */
public record SecurityScheme(String name, AuthKind kind, String in, String keyName, String authType) {
}
