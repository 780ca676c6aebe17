package dev.apigwmcp.runtime.inbound;

import java.net.URI;
import java.util.Objects;

/**
 * What the gateway takes from the issuer's OpenID Connect discovery document.
 *
 * @param discoveryUrl where it was read
 * @param issuer       the {@code issuer}: every token's {@code iss} must equal it, and it is the authorization
 *                     server the protected resource metadata names
 * @param jwksUri      the {@code jwks_uri}: the issuer's signing keys
 */
record IssuerMetadata(URI discoveryUrl, String issuer, URI jwksUri) {

    public IssuerMetadata {
        Objects.requireNonNull(discoveryUrl, "discoveryUrl");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(jwksUri, "jwksUri");
    }
}
