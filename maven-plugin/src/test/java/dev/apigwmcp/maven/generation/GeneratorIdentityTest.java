package dev.apigwmcp.maven.generation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GeneratorIdentityTest {

    @Test
    void aReleaseIsItsVersion() {
        assertThat(GeneratorIdentity.of("1.2.0")).isEqualTo("1.2.0");
    }

    @Test
    void aSnapshotAlsoNamesItsCodeAndStaysTheSameWhileTheCodeDoes() {
        String identity = GeneratorIdentity.of("1.2.0-SNAPSHOT");

        assertThat(identity).matches("1\\.2\\.0-SNAPSHOT [0-9a-f]{16}");
        assertThat(GeneratorIdentity.of("1.2.0-SNAPSHOT")).isEqualTo(identity);
    }
}
