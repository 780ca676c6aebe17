package dev.apigwmcp.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class FailureReasonTest {

    @Test
    void aRefusedConnectionIsSaidInWords() {
        assertThat(FailureReason.describe(new ConnectException())).isEqualTo("the connection was refused");
    }

    @Test
    void anUnknownHostNamesTheHost() {
        assertThat(FailureReason.describe(new UnknownHostException("nowhere.invalid")))
                .isEqualTo("there is no such host (nowhere.invalid)");
    }

    @Test
    void aConnectTimeoutIsSaidInWords() {
        assertThat(FailureReason.describe(new HttpConnectTimeoutException("HTTP connect timed out")))
                .isEqualTo("the connection timed out");
    }

    @Test
    void anUntrustedCertificateIsAFailedTlsHandshake() {
        assertThat(FailureReason.describe(new SSLHandshakeException("PKIX path building failed")))
                .isEqualTo("the TLS handshake failed: the server's certificate is not trusted");
    }

    @Test
    void aMissingOrUnreadableFileIsSaidInWords() {
        assertThat(FailureReason.describe(new UncheckedIOException(new NoSuchFileException("/x"))))
                .isEqualTo("there is no such file");
        assertThat(FailureReason.describe(new AccessDeniedException("/x"))).isEqualTo("permission denied");
    }

    @Test
    void aKnownCauseDeepInTheChainIsFound() {
        Exception wrapped = new CompletionException(new IOException("request failed", new ConnectException()));
        assertThat(FailureReason.describe(wrapped)).isEqualTo("the connection was refused");
    }

    @Test
    void anUnknownFailureGivesItsMessageElseItsKindInWordsNeverAClassName() {
        assertThat(FailureReason.describe(new IllegalStateException("no tenant table\nmore")))
                .isEqualTo("no tenant table");
        assertThat(FailureReason.describe(new NullPointerException()))
                .isEqualTo("an unexpected error: null pointer")
                .doesNotContain("Exception");
    }
}
