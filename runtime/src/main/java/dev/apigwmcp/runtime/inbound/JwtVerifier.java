package dev.apigwmcp.runtime.inbound;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSetBasedJWKSource;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.apigwmcp.runtime.execution.StartupException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies JWT access tokens of one issuer: signed with an asymmetric algorithm by a key of the issuer's JWKS,
 * issued by it, not expired or not yet valid (with a bounded clock skew), for an allowed audience and client. The
 * JWKS is nimbus-jose-jwt's cached, rate-limited source: a token naming a key id the cache does not hold (the issuer
 * rotated its keys) makes it fetch the set again, at most once or twice per rate-limit interval however many such
 * tokens arrive, and a set that cannot be fetched later is replaced by the last good one for an hour.
 */
final class JwtVerifier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JwtVerifier.class);
    /** Asymmetric only: an HMAC algorithm would let anyone who has the issuer's public key sign tokens. */
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384,
            JWSAlgorithm.PS512,
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384,
            JWSAlgorithm.ES512);
    /** Header {@code typ} values of access tokens (RFC 9068's and the plain JWT's); absent is accepted too. */
    private static final Set<String> TYPES = Set.of("jwt", "at+jwt", "application/at+jwt", "application/jwt");

    static final Duration CACHE_TTL = Duration.ofMinutes(5);
    static final Duration REFRESH_TIMEOUT = Duration.ofSeconds(15);
    static final Duration RATE_LIMIT = Duration.ofSeconds(30);
    static final Duration OUTAGE_TOLERANCE = Duration.ofHours(1);

    private final JWKSource<SecurityContext> keys;
    private final Rules rules;
    private final Clock clock;
    private final DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();

    /**
     * What a token must satisfy besides its signature.
     *
     * @param issuer    the exact {@code iss}
     * @param audiences {@code aud} must name one of them (not checked when empty)
     * @param clients   {@code client_id}, else {@code azp}, must be one of them (not checked when empty)
     * @param clockSkew tolerance for {@code exp} and {@code nbf}
     */
    record Rules(String issuer, Set<String> audiences, Set<String> clients, Duration clockSkew) {
        Rules {
            Objects.requireNonNull(issuer, "issuer");
            audiences = Set.copyOf(audiences);
            clients = Set.copyOf(clients);
        }
    }

    /** A verification's outcome. */
    sealed interface Result permits Verified, Rejected {}

    /** @param subject {@code sub}, or {@code null}; @param scopes from {@code scope} (or {@code scp}) */
    record Verified(String subject, Set<String> scopes) implements Result {
        Verified {
            scopes = Set.copyOf(scopes);
        }
    }

    record Rejected(TokenProblem problem) implements Result {}

    JwtVerifier(JWKSource<SecurityContext> keys, Rules rules, Clock clock) {
        this.keys = keys;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * The verifier of the issuer's tokens, its keys read once now: a JWKS that cannot be read or holds no key stops
     * the start (exit status 3).
     */
    static JwtVerifier start(IssuerMetadata issuer, Rules rules, ResourceRetriever retriever, Clock clock) {
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.<SecurityContext>create(issuer.jwksUri().toURL(), retriever)
                    .cache(CACHE_TTL.toMillis(), REFRESH_TIMEOUT.toMillis())
                    .refreshAheadCache(false)
                    .rateLimited(RATE_LIMIT.toMillis())
                    .outageTolerant(OUTAGE_TOLERANCE.toMillis())
                    .build();
        } catch (MalformedURLException e) {
            throw new StartupException(
                    List.of("the jwks_uri " + issuer.jwksUri() + " of " + issuer.discoveryUrl() + " is not a URL"));
        }
        List<JWK> all;
        try {
            all = keys.get(new JWKSelector(new JWKMatcher.Builder().build()), null);
        } catch (KeySourceException e) {
            throw new StartupException(List.of("cannot read the issuer's keys (JWKS) " + issuer.jwksUri()
                    + ", named by " + issuer.discoveryUrl() + " (--" + InboundSettings.DISCOVERY_URL.name() + "): "
                    + OidcDiscovery.reason(e)));
        }
        if (all.isEmpty()) {
            throw new StartupException(List.of("the issuer's keys (JWKS) " + issuer.jwksUri() + ", named by "
                    + issuer.discoveryUrl() + ", hold no key"));
        }
        return new JwtVerifier(keys, rules, clock);
    }

    /** Verifies a compact-serialised token. */
    Result verify(String token) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            return new Rejected(TokenProblem.MALFORMED);
        }
        if (jwt instanceof PlainJWT) {
            return new Rejected(TokenProblem.UNSIGNED);
        }
        if (jwt instanceof EncryptedJWT || !(jwt instanceof SignedJWT signed)) {
            return new Rejected(TokenProblem.ENCRYPTED);
        }
        JWSHeader header = signed.getHeader();
        JOSEObjectType type = header.getType();
        if (type != null && !TYPES.contains(type.getType().toLowerCase(Locale.ROOT))) {
            return new Rejected(TokenProblem.TYPE);
        }
        if (!ALGORITHMS.contains(header.getAlgorithm())) {
            return new Rejected(TokenProblem.ALGORITHM);
        }
        TokenProblem signature = verifySignature(signed, header);
        if (signature != null) {
            return new Rejected(signature);
        }
        try {
            return claims(signed.getJWTClaimsSet());
        } catch (ParseException e) {
            return new Rejected(TokenProblem.CLAIMS);
        }
    }

    private TokenProblem verifySignature(SignedJWT signed, JWSHeader header) {
        List<Key> candidates;
        try {
            // Keys of the algorithm's type whose alg (when the JWK names one) is this one and, when the token
            // names a kid, with that id; a kid the cache lacks makes the source fetch the set again (rate-limited).
            candidates = new JWSVerificationKeySelector<>(header.getAlgorithm(), keys).selectJWSKeys(header, null);
        } catch (KeySourceException e) {
            LOG.debug("no key for a token: {}", OidcDiscovery.reason(e));
            return TokenProblem.UNKNOWN_KEY;
        }
        if (candidates.isEmpty()) {
            return cachedKeyId(header.getKeyID()) ? TokenProblem.KEY_ALGORITHM : TokenProblem.UNKNOWN_KEY;
        }
        for (Key key : candidates) {
            try {
                if (signed.verify(verifiers.createJWSVerifier(header, key))) {
                    return null;
                }
            } catch (JOSEException e) {
                LOG.debug("a key could not check a signature: {}", OidcDiscovery.reason(e));
            }
        }
        return TokenProblem.SIGNATURE;
    }

    /** Whether the cached key set holds this key id (looked up without fetching the set again). */
    private boolean cachedKeyId(String kid) {
        if (kid == null || !(keys instanceof JWKSetBasedJWKSource<SecurityContext> source)) {
            return false;
        }
        try {
            return source.getJWKSetSource()
                            .getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), System.currentTimeMillis(), null)
                            .getKeyByKeyId(kid)
                    != null;
        } catch (KeySourceException e) {
            return false;
        }
    }

    private Result claims(JWTClaimsSet claims) throws ParseException {
        Instant now = clock.instant();
        Date expiry = claims.getExpirationTime();
        if (expiry == null) {
            return new Rejected(TokenProblem.NO_EXPIRY);
        }
        if (now.isAfter(expiry.toInstant().plus(rules.clockSkew()))) {
            return new Rejected(TokenProblem.EXPIRED);
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.plus(rules.clockSkew()).isBefore(notBefore.toInstant())) {
            return new Rejected(TokenProblem.NOT_YET_VALID);
        }
        if (!rules.issuer().equals(claims.getIssuer())) {
            return new Rejected(TokenProblem.ISSUER);
        }
        if (!rules.audiences().isEmpty() && Collections.disjoint(claims.getAudience(), rules.audiences())) {
            return new Rejected(TokenProblem.AUDIENCE);
        }
        if (!rules.clients().isEmpty()) {
            String client = claims.getStringClaim("client_id");
            if (client == null) {
                client = claims.getStringClaim("azp");
            }
            if (client == null || !rules.clients().contains(client)) {
                return new Rejected(TokenProblem.CLIENT);
            }
        }
        return new Verified(claims.getSubject(), scopes(claims));
    }

    /** RFC 9068's space-separated {@code scope}; else {@code scp}, a list or a string (Azure AD, Okta). */
    private static Set<String> scopes(JWTClaimsSet claims) throws ParseException {
        Set<String> scopes = new LinkedHashSet<>();
        Object scope = claims.getClaim("scope");
        if (scope == null) {
            scope = claims.getClaim("scp");
        }
        if (scope instanceof String text) {
            for (String each : text.trim().split("\\s+")) {
                if (!each.isEmpty()) {
                    scopes.add(each);
                }
            }
        } else if (scope instanceof List<?> list) {
            for (Object each : list) {
                if (!(each instanceof String text)) {
                    throw new ParseException("scope", 0);
                }
                scopes.add(text);
            }
        } else if (scope != null) {
            throw new ParseException("scope", 0);
        }
        return scopes;
    }

    @Override
    public void close() {
        if (keys instanceof JWKSetBasedJWKSource<SecurityContext> source) {
            try {
                source.close();
            } catch (IOException e) {
                // stopping anyway
            }
        }
    }
}
