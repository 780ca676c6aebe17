package dev.apigwmcp.generator.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import org.junit.jupiter.api.Test;

class FailureReasonTest {

    @Test
    void aRefusedConnectionInTheChainIsSaidInWords() {
        assertThat(FailureReason.describe(new IOException("x", new ConnectException())))
                .isEqualTo("the connection was refused");
    }

    @Test
    void anUnknownHostNamesTheHost() {
        assertThat(FailureReason.describe(new UnknownHostException("nowhere.invalid")))
                .isEqualTo("there is no such host (nowhere.invalid)");
    }

    @Test
    void anUnreadableFileIsPermissionDenied() {
        assertThat(FailureReason.describe(new AccessDeniedException("/x"))).isEqualTo("permission denied");
    }

    @Test
    void anUnknownFailureWithoutAMessageGivesItsKindInWords() {
        assertThat(FailureReason.describe(new NullPointerException())).isEqualTo("an unexpected error: null pointer");
    }
}
