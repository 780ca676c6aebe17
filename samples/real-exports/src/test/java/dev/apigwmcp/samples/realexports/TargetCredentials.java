package dev.apigwmcp.samples.realexports;

import java.util.Locale;

/**
 * The test-only credentials one target is configured with: its own API key, and its own OAuth2 client, whose
 * access token starts {@code x-} and continues in lower-case letters, so it also satisfies a TOKEN authorizer's
 * {@code identityValidationExpression} such as {@code ^x-[a-z]+}. Distinct per target, so a credential that reaches
 * another target's API is seen. Fixed, public values for a loopback test, never for a real API.
 */
record TargetCredentials(String target, String apiKey, String clientId, String clientSecret, String token) {

    static TargetCredentials of(String target) {
        String letters = target.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return new TargetCredentials(
                target, "test-key-" + target, "client-" + target, "test-secret-" + target, "x-" + letters + "token");
    }

    /** The environment variable holding the API key (named by {@code --target.<t>.api-key-env}). */
    String apiKeyVariable() {
        return "REAL_EXPORTS_KEY_" + variablePart();
    }

    /** The environment variable holding the client secret (named by {@code --target.<t>.oauth2.client-secret-env}). */
    String clientSecretVariable() {
        return "REAL_EXPORTS_CLIENT_SECRET_" + variablePart();
    }

    TokenEndpoint.Client client() {
        return new TokenEndpoint.Client(clientId, clientSecret, token);
    }

    private String variablePart() {
        return target.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
