package dev.apigwmcp.runtime.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each reason a token is refused, and what a good one yields; keys minted here, the issuer on 127.0.0.1. */
@Timeout(30)
class JwtVerifierTest {

    private TestIssuer issuer;
    private JwtVerifier verifier;

    @BeforeEach
    void start() throws Exception {
        issuer = new TestIssuer();
        verifier = verifier(Set.of(), Set.of("app-client"));
    }

    private JwtVerifier verifier(Set<String> audiences, Set<String> clients) {
        DefaultResourceRetriever retriever = new DefaultResourceRetriever(2000, 2000, 100_000);
        IssuerMetadata metadata = OidcDiscovery.read(issuer.discoveryUrl(), retriever);
        return JwtVerifier.start(
                metadata,
                new JwtVerifier.Rules(metadata.issuer(), audiences, clients, Duration.ofSeconds(60)),
                retriever,
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        verifier.close();
        issuer.close();
    }

    private TokenProblem problem(String token) {
        JwtVerifier.Result result = verifier.verify(token);
        assertThat(result).isInstanceOf(JwtVerifier.Rejected.class);
        return ((JwtVerifier.Rejected) result).problem();
    }

    @Test
    void aValidTokenYieldsItsSubjectAndScopes() throws Exception {
        JwtVerifier.Result result = verifier.verify(issuer.token(c -> c.claim("scope", "mcp/read mcp/write")));

        assertThat(result).isEqualTo(new JwtVerifier.Verified("user-1", Set.of("mcp/read", "mcp/write")));
    }

    @Test
    void anEcSignedTokenOfThePublishedEcKeyIsValid() throws Exception {
        String token = issuer.sign(issuer.ec(), TestIssuer.header(JWSAlgorithm.ES256, "ec-1", null), c -> {});

        assertThat(verifier.verify(token)).isInstanceOf(JwtVerifier.Verified.class);
    }

    @Test
    void scopesMayComeAsAnScpList() throws Exception {
        JwtVerifier.Result result =
                verifier.verify(issuer.token(c -> c.claim("scope", null).claim("scp", List.of("a", "b"))));

        assertThat(((JwtVerifier.Verified) result).scopes()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void aTokenThatIsNotAJwtIsMalformed() {
        assertThat(problem("not-a-jwt")).isEqualTo(TokenProblem.MALFORMED);
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String token = new PlainJWT(issuer.defaultClaims().build()).serialize();

        assertThat(problem(token)).isEqualTo(TokenProblem.UNSIGNED);
    }

    @Test
    void anEncryptedTokenIsRefused() throws Exception {
        EncryptedJWT jwt = new EncryptedJWT(
                new JWEHeader(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A128GCM),
                issuer.defaultClaims().build());
        jwt.encrypt(new RSAEncrypter(issuer.rsa().toRSAPublicKey()));

        assertThat(problem(jwt.serialize())).isEqualTo(TokenProblem.ENCRYPTED);
    }

    @Test
    void anHmacTokenKeyedWithThePublicKeyIsRefused() throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(),
                issuer.defaultClaims().build());
        jwt.sign(new MACSigner(issuer.rsa().toRSAPublicKey().getEncoded()));

        assertThat(problem(jwt.serialize())).isEqualTo(TokenProblem.ALGORITHM);
    }

    @Test
    void anAlgorithmTheKeyDoesNotAllowIsRefused() throws Exception {
        String token = issuer.sign(issuer.rsa(), TestIssuer.header(JWSAlgorithm.RS384, "rsa-1", null), c -> {});

        assertThat(problem(token)).isEqualTo(TokenProblem.KEY_ALGORITHM);
    }

    @Test
    void aSignatureByAnotherKeyUnderAPublishedKidIsRefused() throws Exception {
        RSAKey impostor = TestIssuer.rsaKey("rsa-1");
        String token = issuer.sign(impostor, TestIssuer.header(JWSAlgorithm.RS256, "rsa-1", null), c -> {});

        assertThat(problem(token)).isEqualTo(TokenProblem.SIGNATURE);
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() throws Exception {
        assertThat(problem(issuer.token(c -> c.issuer("https://elsewhere.example"))))
                .isEqualTo(TokenProblem.ISSUER);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        verifier.close();
        verifier = verifier(Set.of("api://gateway"), Set.of());

        assertThat(problem(issuer.token(c -> c.audience("api://other")))).isEqualTo(TokenProblem.AUDIENCE);
        assertThat(problem(issuer.token(c -> {}))).isEqualTo(TokenProblem.AUDIENCE);
        assertThat(verifier.verify(issuer.token(c -> c.audience(List.of("api://other", "api://gateway")))))
                .isInstanceOf(JwtVerifier.Verified.class);
    }

    @Test
    void aTokenOfAnotherClientIsRefused() throws Exception {
        assertThat(problem(issuer.token(c -> c.claim("client_id", "other-client"))))
                .isEqualTo(TokenProblem.CLIENT);
    }

    @Test
    void azpStandsForTheClientWhenThereIsNoClientId() throws Exception {
        assertThat(verifier.verify(issuer.token(c -> c.claim("client_id", null).claim("azp", "app-client"))))
                .isInstanceOf(JwtVerifier.Verified.class);
        assertThat(problem(issuer.token(c -> c.claim("client_id", null)))).isEqualTo(TokenProblem.CLIENT);
    }

    @Test
    void aTokenExpiredLongerThanTheClockSkewIsRefused() throws Exception {
        Instant past = Instant.now().minusSeconds(120);

        assertThat(problem(issuer.token(c -> c.expirationTime(Date.from(past)))))
                .isEqualTo(TokenProblem.EXPIRED);
    }

    @Test
    void aTokenExpiredWithinTheClockSkewIsStillValid() throws Exception {
        Instant past = Instant.now().minusSeconds(20);

        assertThat(verifier.verify(issuer.token(c -> c.expirationTime(Date.from(past)))))
                .isInstanceOf(JwtVerifier.Verified.class);
    }

    @Test
    void aTokenNotValidYetIsRefused() throws Exception {
        Instant later = Instant.now().plusSeconds(600);

        assertThat(problem(issuer.token(c -> c.notBeforeTime(Date.from(later)))))
                .isEqualTo(TokenProblem.NOT_YET_VALID);
    }

    @Test
    void aTokenWithoutExpiryIsRefused() throws Exception {
        assertThat(problem(issuer.token(c -> c.expirationTime(null)))).isEqualTo(TokenProblem.NO_EXPIRY);
    }

    @Test
    void aTokenTypedAsSomethingElseThanAnAccessTokenIsRefused() throws Exception {
        String proof = issuer.sign(
                issuer.rsa(), TestIssuer.header(JWSAlgorithm.RS256, "rsa-1", new JOSEObjectType("dpop+jwt")), c -> {});
        String accessToken = issuer.sign(
                issuer.rsa(), TestIssuer.header(JWSAlgorithm.RS256, "rsa-1", new JOSEObjectType("at+jwt")), c -> {});

        assertThat(problem(proof)).isEqualTo(TokenProblem.TYPE);
        assertThat(verifier.verify(accessToken)).isInstanceOf(JwtVerifier.Verified.class);
    }

    @Test
    void aKeyRotatedInIsFetchedOnItsFirstToken() throws Exception {
        RSAKey next = TestIssuer.rsaKey("rsa-2");
        issuer.publish(issuer.rsa(), next);
        assertThat(issuer.jwksFetches()).isEqualTo(1);

        String token = issuer.sign(next, TestIssuer.header(JWSAlgorithm.RS256, "rsa-2", null), c -> {});

        assertThat(verifier.verify(token)).isInstanceOf(JwtVerifier.Verified.class);
        assertThat(issuer.jwksFetches()).isEqualTo(2);
        assertThat(verifier.verify(token)).isInstanceOf(JwtVerifier.Verified.class);
        assertThat(issuer.jwksFetches()).isEqualTo(2);
    }

    @Test
    void unknownKeyIdsFetchTheKeysAgainOnlyAsTheRateLimitAllows() throws Exception {
        RSAKey stranger = TestIssuer.rsaKey("unknown-1");
        String first = issuer.sign(stranger, TestIssuer.header(JWSAlgorithm.RS256, "unknown-1", null), c -> {});
        String second = issuer.sign(stranger, TestIssuer.header(JWSAlgorithm.RS256, "unknown-2", null), c -> {});

        assertThat(problem(first)).isEqualTo(TokenProblem.UNKNOWN_KEY);
        assertThat(issuer.jwksFetches()).isEqualTo(2);
        for (int i = 0; i < 5; i++) {
            assertThat(problem(second)).isEqualTo(TokenProblem.UNKNOWN_KEY);
        }
        assertThat(issuer.jwksFetches()).isEqualTo(2);
    }
}
