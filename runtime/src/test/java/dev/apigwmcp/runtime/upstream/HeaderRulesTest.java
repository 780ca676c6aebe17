package dev.apigwmcp.runtime.upstream;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwmcp.runtime.spi.ArgumentException;
import org.junit.jupiter.api.Test;

/** No argument can start a new header line or request, and each refusal names the argument and the character. */
class HeaderRulesTest {

    @Test
    void namesAreHttpTokens() {
        assertThatCode(() -> HeaderRules.checkName("trace", "X-Trace_Id.1!#$%&'*+^`|~"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> HeaderRules.checkName("trace", "X Trace"))
                .isInstanceOf(ArgumentException.class)
                .hasMessageContaining("'X Trace' is not a valid HTTP token (character ' ' at 1)");
        assertThatThrownBy(() -> HeaderRules.checkName("trace", "X:Trace")).hasMessageContaining("':' at 1");
        assertThatThrownBy(() -> HeaderRules.checkName("trace", "")).hasMessageContaining("empty");
        assertThatThrownBy(() -> HeaderRules.checkName("trace", "X\nInjected")).hasMessageContaining("U+000A");
    }

    @Test
    void valuesCannotCarryLineBreaksControlsOrNonLatin1() {
        assertThatCode(() -> HeaderRules.checkValue("v", "plain value\twith tab é"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> HeaderRules.checkValue("v", "a\r\nX-Injected: 1"))
                .isInstanceOf(ArgumentException.class)
                .hasMessageContaining("line break (CR or LF) at position 1");
        assertThatThrownBy(() -> HeaderRules.checkValue("v", "a\nb")).hasMessageContaining("line break");
        assertThatThrownBy(() -> HeaderRules.checkValue("v", "a\u0000b")).hasMessageContaining("NUL character");
        assertThatThrownBy(() -> HeaderRules.checkValue("v", "a\u0007b")).hasMessageContaining("U+0007");
        assertThatThrownBy(() -> HeaderRules.checkValue("v", "a\u007Fb")).hasMessageContaining("U+007F");
        assertThatThrownBy(() -> HeaderRules.checkValue("v", "euro €")).hasMessageContaining("ISO-8859-1");
    }

    @Test
    void cookieValuesAreCookieOctetsOnly() {
        assertThatCode(() -> HeaderRules.checkCookieValue("c", "abc-123_XYZ.~")).doesNotThrowAnyException();
        for (String bad : new String[] {"a b", "a;b", "a,b", "a\"b", "a\\b", "aé"}) {
            assertThatThrownBy(() -> HeaderRules.checkCookieValue("c", bad))
                    .as(bad)
                    .isInstanceOf(ArgumentException.class)
                    .hasMessageContaining("at position 1");
        }
    }

    @Test
    void theRefusalNamesTheArgument() {
        assertThatThrownBy(() -> HeaderRules.checkValue("X-Request-Reason", "a\nb"))
                .isInstanceOfSatisfying(
                        ArgumentException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.argument())
                                .isEqualTo("X-Request-Reason"));
    }
}
