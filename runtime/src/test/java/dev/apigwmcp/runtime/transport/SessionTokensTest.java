package dev.apigwmcp.runtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionTokensTest {
    private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_B = Base64.getEncoder().encodeToString(filled(7));
    private final SessionClaims claims =
            new SessionClaims("0123abcd", "2025-06-18", Set.of("roots", "sampling"), 100, 200);

    private static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static SessionTokens tokens(String keys) {
        return new SessionTokens(SessionKeys.parse(keys, "test keys"));
    }

    @Test
    void aSealedIdOpensToTheSameClaimsWithTheSameKey() {
        String token = tokens(KEY_A).seal(claims);

        assertThat(tokens(KEY_A).open(token)).isEqualTo(claims);
    }

    @Test
    void aSealedIdIsVisibleAsciiThatShowsNothingOfTheClaims() {
        String token = tokens(KEY_A).seal(claims);

        assertThat(token)
                .matches("[A-Za-z0-9_-]+")
                .doesNotContain("2025", "roots")
                .hasSizeLessThan(300);
    }

    @Test
    void twoSealsOfTheSameClaimsDiffer() {
        SessionTokens tokens = tokens(KEY_A);

        assertThat(tokens.seal(claims)).isNotEqualTo(tokens.seal(claims));
    }

    @Test
    void anIdWithAnyByteChangedDoesNotOpen() {
        SessionTokens tokens = tokens(KEY_A);
        byte[] bytes = Base64.getUrlDecoder().decode(tokens.seal(claims));
        for (int i = 0; i < bytes.length; i++) {
            byte[] changed = bytes.clone();
            changed[i] ^= 0x01;
            assertThat(tokens.open(Base64.getUrlEncoder().withoutPadding().encodeToString(changed)))
                    .as("byte %d", i)
                    .isNull();
        }
    }

    @Test
    void anIdSealedWithAnotherKeyDoesNotOpen() {
        assertThat(tokens(KEY_B).open(tokens(KEY_A).seal(claims))).isNull();
    }

    @Test
    void idsThatAreNotOursDoNotOpen() {
        SessionTokens tokens = tokens(KEY_A);

        assertThat(tokens.open("0f3c8a2b9d1e4f5a6b7c8d9e0f1a2b3c")).isNull();
        assertThat(tokens.open("not base64 at all!")).isNull();
        assertThat(tokens.open("")).isNull();
        assertThat(tokens.open("A".repeat(5000))).isNull();
    }

    @Test
    void afterARotationIdsSealedWithTheOldKeyStillOpenAndNewOnesUseTheNewKey() {
        String old = tokens(KEY_A).seal(claims);
        SessionTokens rotated = tokens(KEY_B + "\n" + KEY_A);

        assertThat(rotated.open(old)).isEqualTo(claims);
        assertThat(tokens(KEY_B).open(rotated.seal(claims))).isEqualTo(claims);
        assertThat(tokens(KEY_A).open(rotated.seal(claims))).isNull();
    }
}
