package dev.apigwmcp.runtime.inbound;

import com.nimbusds.jose.util.ResourceRetriever;
import dev.apigwmcp.runtime.config.FailureReason;
import dev.apigwmcp.runtime.execution.StartupException;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the issuer's OpenID Connect discovery document at start. A discovery URL that cannot be read, or a document
 * without a usable {@code issuer} and {@code jwks_uri}, stops the start (exit status 3) with one line naming the
 * setting: a typo in the URL or a pool id would otherwise show only as every client refused.
 */
final class OidcDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(OidcDiscovery.class);
    private static final String WELL_KNOWN = "/.well-known/openid-configuration";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OidcDiscovery() {}

    static IssuerMetadata read(URI discoveryUrl, ResourceRetriever retriever) {
        String setting = "--" + InboundSettings.DISCOVERY_URL.name();
        String body;
        try {
            body = retriever.retrieveResource(discoveryUrl.toURL()).getContent();
        } catch (IOException | RuntimeException e) {
            throw unavailable("cannot read the OpenID Connect discovery document " + discoveryUrl + " (" + setting
                    + "): " + reason(e));
        }
        JsonNode document;
        try {
            document = JSON.readTree(body);
        } catch (JacksonException e) {
            throw unavailable(
                    "the OpenID Connect discovery document " + discoveryUrl + " (" + setting + ") is not JSON");
        }
        String issuer = text(document, "issuer");
        String jwks = text(document, "jwks_uri");
        if (issuer == null || jwks == null) {
            throw unavailable("the OpenID Connect discovery document " + discoveryUrl + " (" + setting + ") has no "
                    + (issuer == null ? "issuer" : "jwks_uri") + " (a string); is the URL the issuer's "
                    + WELL_KNOWN + "?");
        }
        URI jwksUri;
        try {
            jwksUri = URI.create(jwks);
        } catch (IllegalArgumentException e) {
            throw unavailable("the OpenID Connect discovery document " + discoveryUrl + " names jwks_uri '" + jwks
                    + "', which is not a URL");
        }
        if (!jwksUri.isAbsolute() || !Loopback.secureOrLocal(jwksUri)) {
            throw unavailable("the OpenID Connect discovery document " + discoveryUrl + " names jwks_uri '" + jwks
                    + "', which is not an https URL (plain http only on a loopback address)");
        }
        String path = discoveryUrl.toString();
        if (path.endsWith(WELL_KNOWN)
                && !trimSlash(path.substring(0, path.length() - WELL_KNOWN.length()))
                        .equals(trimSlash(issuer))) {
            // OpenID Connect Discovery wants them equal; some providers differ, and the issuer is what tokens carry.
            LOG.warn(
                    "the discovery document {} names issuer {}, not the URL it was read from; tokens must carry"
                            + " that issuer",
                    discoveryUrl,
                    issuer);
        }
        return new IssuerMetadata(discoveryUrl, issuer, jwksUri);
    }

    private static String text(JsonNode document, String field) {
        JsonNode value = document == null ? null : document.get(field);
        return value != null && value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The failure in a few words (the exception's first line at most, which never holds a secret here). */
    static String reason(Exception e) {
        return FailureReason.describe(e);
    }

    private static StartupException unavailable(String problem) {
        return new StartupException(List.of(problem));
    }
}
