package dev.apigwmcp.maven.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutputTimestampTest {

    @Test
    void anIsoDateTimeWithAnOffsetIsThatInstant() throws Exception {
        assertThat(OutputTimestamp.parse("2026-01-01T01:00:00+01:00")).contains(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void digitsAreSecondsSince1970() throws Exception {
        assertThat(OutputTimestamp.parse("1767225600")).contains(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void emptyOrOneCharacterMeansNotSet() throws Exception {
        assertThat(OutputTimestamp.parse(null)).isEmpty();
        assertThat(OutputTimestamp.parse("")).isEmpty();
        assertThat(OutputTimestamp.parse("a")).isEmpty();
    }

    @Test
    void anUnreadableValueIsNamedWithTheFormsThatWork() {
        assertThatThrownBy(() -> OutputTimestamp.parse("yesterday"))
                .isInstanceOf(PackagingException.class)
                .hasMessageContaining("\"yesterday\"")
                .hasMessageContaining("2026-01-01T00:00:00Z");
    }

    @Test
    void aDateAJarEntryCannotHoldIsRejected() {
        assertThatThrownBy(() -> OutputTimestamp.parse("1970-01-01T00:00:00Z"))
                .isInstanceOf(PackagingException.class)
                .hasMessageContaining("must lie between");
    }
}
