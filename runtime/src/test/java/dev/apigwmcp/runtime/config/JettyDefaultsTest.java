package dev.apigwmcp.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JettyDefaultsTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(JettyDefaults.REFERENCES_PER_CACHE_LINE);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(JettyDefaults.REFERENCES_PER_CACHE_LINE);
        } else {
            System.setProperty(JettyDefaults.REFERENCES_PER_CACHE_LINE, before);
        }
    }

    @Test
    void theReferencesPerCacheLineFollowTheHeapsReferenceSize() {
        System.clearProperty(JettyDefaults.REFERENCES_PER_CACHE_LINE);

        JettyDefaults.apply();

        // The test JVM's heap is far below 32 GB: compressed 4-byte references, 16 to a 64-byte line.
        assertThat(System.getProperty(JettyDefaults.REFERENCES_PER_CACHE_LINE)).isEqualTo("16");
    }

    @Test
    void aValueTheUserSetIsKept() {
        System.setProperty(JettyDefaults.REFERENCES_PER_CACHE_LINE, "8");

        JettyDefaults.apply();

        assertThat(System.getProperty(JettyDefaults.REFERENCES_PER_CACHE_LINE)).isEqualTo("8");
    }
}
