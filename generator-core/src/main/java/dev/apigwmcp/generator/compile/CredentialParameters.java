package dev.apigwmcp.generator.compile;

import dev.apigwmcp.generator.model.ApiModel;
import dev.apigwmcp.generator.model.ApiParameter;
import dev.apigwmcp.generator.model.AuthKind;
import dev.apigwmcp.generator.model.ParameterLocation;
import dev.apigwmcp.generator.model.SecurityScheme;
import java.util.Locale;
import java.util.Set;

/**
 * Parameters the runtime owns and a tool never exposes: credentials (the export's API key, a tool's bearer token, AWS
 * signing headers) and headers HTTP itself sets.
 *
 * @param apiKeyIn   where the export's API key travels ({@code header} / {@code query}), or {@code null}
 * @param apiKeyName the API key's header / parameter name, or {@code null}
 */
record CredentialParameters(String apiKeyIn, String apiKeyName) {

    /** Headers the runtime owns: never tool arguments (OpenAPI also says to ignore the first three). */
    private static final Set<String> RESERVED_HEADERS = Set.of(
            "accept", "content-type", "authorization", "content-length", "host", "connection", "transfer-encoding");

    /** The export's API key scheme; API Gateway's is the {@code x-api-key} header. */
    static CredentialParameters of(ApiModel model) {
        for (SecurityScheme scheme : model.securitySchemes().values()) {
            if (scheme.kind() == AuthKind.API_KEY && scheme.keyName() != null) {
                return new CredentialParameters(scheme.in() == null ? "header" : scheme.in(), scheme.keyName());
            }
        }
        return new CredentialParameters(null, null);
    }

    /** Whether {@code parameter} is a credential; {@code token} is where the tool's bearer token goes, or null. */
    boolean isCredential(ApiParameter parameter, TokenLocation token) {
        return isCredential(parameter)
                || token != null && token.is(parameter.in().key(), parameter.name());
    }

    private boolean isCredential(ApiParameter parameter) {
        String lower = parameter.name().toLowerCase(Locale.ROOT);
        if (parameter.in() == ParameterLocation.HEADER
                && (RESERVED_HEADERS.contains(lower) || lower.startsWith("x-amz-"))) {
            return true;
        }
        return apiKeyName != null
                && parameter.in().key().equals(apiKeyIn)
                && lower.equals(apiKeyName.toLowerCase(Locale.ROOT));
    }
}
