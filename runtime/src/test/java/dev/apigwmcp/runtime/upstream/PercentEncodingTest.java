package dev.apigwmcp.runtime.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PercentEncodingTest {

    @Test
    void unreservedCharactersStayAsTheyAre() {
        String unreserved = "ABCXYZabcxyz0189-._~";
        assertThat(PercentEncoding.encode(unreserved)).isSameAs(unreserved);
    }

    @Test
    void everythingThatCouldChangeTheRequestIsEncoded() {
        assertThat(PercentEncoding.encode("a/b?c#d%e&f=g+h;i j")).isEqualTo("a%2Fb%3Fc%23d%25e%26f%3Dg%2Bh%3Bi%20j");
        assertThat(PercentEncoding.encode("..")).isEqualTo("..");
        assertThat(PercentEncoding.encode("\r\n")).isEqualTo("%0D%0A");
        assertThat(PercentEncoding.encode("@:")).isEqualTo("%40%3A");
    }

    @Test
    void nonAsciiIsEncodedFromItsUtf8Bytes() {
        assertThat(PercentEncoding.encode("é")).isEqualTo("%C3%A9");
        assertThat(PercentEncoding.encode("😀")).isEqualTo("%F0%9F%98%80");
        assertThat(PercentEncoding.encode("x€y")).isEqualTo("x%E2%82%ACy");
    }

    @Test
    void anEncodedValueDecodesBackAndHoldsOnlyUnreservedCharactersAndEscapes() {
        Random random = new Random(42);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder value = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                value.appendCodePoint(
                        random.nextInt(4) == 0 ? 0x80 + random.nextInt(0x2000) : 0x20 + random.nextInt(95));
            }
            String encoded = PercentEncoding.encode(value.toString());
            assertThat(encoded).matches("[A-Za-z0-9\\-._~%]*");
            assertThat(URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8))
                    .isEqualTo(value.toString());
        }
    }
}
