package dev.apigwmcp.runtime.auth;

import dev.apigwmcp.runtime.config.FailureReason;
import dev.apigwmcp.runtime.config.Sentence;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * OAuth2 client-credentials tokens (RFC 6749 section 4.4) for upstreams behind a Cognito or Lambda authorizer.
 * A token is cached until shortly before it expires; the lock makes concurrent calls wait for one refresh instead
 * of each asking the token endpoint.
 */
final class ClientCredentialsTokenSource {

    /** Refresh this long before expiry (or at half the lifetime for short-lived tokens). */
    private static final Duration EARLY_REFRESH = Duration.ofSeconds(60);
    /** Lifetime assumed when the endpoint does not say ({@code expires_in} is only RECOMMENDED). */
    private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    private final URI tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final String scopes;
    private final Supplier<HttpClient> client;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration timeout;

    private String token;
    private Instant refreshAt = Instant.MIN;

    ClientCredentialsTokenSource(
            URI tokenUrl,
            String clientId,
            String clientSecret,
            String scopes,
            Supplier<HttpClient> client,
            ObjectMapper json,
            Clock clock,
            Duration timeout) {
        this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
        this.scopes = scopes == null || scopes.isBlank() ? null : scopes.trim();
        this.client = client;
        this.json = json;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** A valid access token, fetching a new one when the cached one is (nearly) expired. */
    synchronized String token() {
        if (token != null && clock.instant().isBefore(refreshAt)) {
            return token;
        }
        fetch();
        return token;
    }

    private void fetch() {
        StringBuilder form = new StringBuilder("grant_type=client_credentials");
        if (scopes != null) {
            form.append("&scope=").append(formEncode(scopes));
        }
        // client_secret_basic: id and secret are form-encoded before Base64 (RFC 6749 section 2.3.1).
        String basic = Base64.getEncoder()
                .encodeToString(
                        (formEncode(clientId) + ":" + formEncode(clientSecret)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(tokenUrl)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                .build();
        Instant requestedAt = clock.instant();
        HttpResponse<String> response;
        try {
            response = client.get().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new AuthException("The OAuth2 token endpoint " + tokenUrl + " did not answer in time.");
        } catch (IOException e) {
            throw new AuthException(Sentence.end(
                    "Could not reach the OAuth2 token endpoint " + tokenUrl + ": " + FailureReason.describe(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthException("Interrupted while fetching an OAuth2 token.");
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() >= 500) {
            // A failure of the endpoint, not a verdict on the credentials: saying "refused" would send the
            // operator to check a secret that is fine.
            throw new AuthException("The OAuth2 token endpoint " + tokenUrl + " failed (HTTP " + response.statusCode()
                    + "); this is a problem of the token endpoint, and retrying later may help.");
        }
        if (response.statusCode() != 200) {
            String error = body == null ? null : text(body, "error");
            String description = body == null ? null : text(body, "error_description");
            throw new AuthException("The OAuth2 token endpoint refused the client credentials (HTTP "
                    + response.statusCode() + (error == null ? "" : ", " + error)
                    + (description == null ? "" : ": " + description) + ").");
        }
        String accessToken = body == null ? null : text(body, "access_token");
        if (accessToken == null || accessToken.isBlank()) {
            throw new AuthException("The OAuth2 token endpoint answered without an access_token.");
        }
        String type = text(body, "token_type");
        if (type != null && !type.equalsIgnoreCase("bearer")) {
            throw new AuthException(
                    "The OAuth2 token endpoint issued a '" + type + "' token; only bearer tokens " + "are supported.");
        }
        JsonNode expiresIn = body.get("expires_in");
        Duration lifetime = expiresIn != null && expiresIn.canConvertToLong() && expiresIn.asLong() > 0
                ? Duration.ofSeconds(expiresIn.asLong())
                : DEFAULT_LIFETIME;
        Duration early = lifetime.dividedBy(2).compareTo(EARLY_REFRESH) < 0 ? lifetime.dividedBy(2) : EARLY_REFRESH;
        token = accessToken;
        refreshAt = requestedAt.plus(lifetime).minus(early);
    }

    private JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? null : json.readTree(text);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    private static String formEncode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ClientCredentialsTokenSource[" + tokenUrl + ", client " + clientId + "]";
    }
}
