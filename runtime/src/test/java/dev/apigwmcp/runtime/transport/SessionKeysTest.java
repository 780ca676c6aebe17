package dev.apigwmcp.runtime.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SessionKeysTest {
    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void commentsAndBlankLinesAreSkippedAndEveryKeyCounts() {
        SessionKeys keys = SessionKeys.parse(
                "# current\n" + KEY + "\n\n# previous\n"
                        + Base64.getUrlEncoder().encodeToString(new byte[32]) + "\n",
                "file k");

        assertThat(keys.size()).isEqualTo(2);
    }

    @Test
    void aKeyOfTheWrongLengthIsRefusedNamingTheSourceAndLineButNotTheKey() {
        String short16 = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes());

        assertThatThrownBy(() -> SessionKeys.parse(KEY + "\n" + short16, "session key file /k"))
                .hasMessageContaining("session key file /k line 2 holds 16 bytes; a session key is 32")
                .hasMessageContaining("openssl rand -base64 32")
                .hasMessageNotContaining(short16);
    }

    @Test
    void aLineThatIsNotBase64IsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> SessionKeys.parse("s3cret passphrase!", "variable K"))
                .hasMessageContaining("variable K line 1 is not base64")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void textWithoutAKeyIsRefused() {
        assertThatThrownBy(() -> SessionKeys.parse("# nothing yet\n\n", "file k"))
                .hasMessageContaining("file k holds no key");
    }
}
