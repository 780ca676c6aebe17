package dev.apigwmcp.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestNameTest {

    @Test
    void twoSwappedLettersAreOneEdit() {
        assertThat(NearestName.distance("prot", "port")).isEqualTo(1);
        assertThat(NearestName.of("prot", List.of("path", "port", "host"))).contains("port");
    }

    @Test
    void aMissingLetterFindsTheName() {
        assertThat(NearestName.of("petstor", List.of("orders", "petstore", "petstore-browse")))
                .contains("petstore");
    }

    @Test
    void caseIsIgnored() {
        assertThat(NearestName.of("PETSTOR", List.of("petstore"))).contains("petstore");
    }

    @Test
    void aNameWithTooManyDifferencesHasNoSuggestion() {
        assertThat(NearestName.of("foo", List.of("port", "host"))).isEmpty();
        assertThat(NearestName.of("billing", List.of("orders", "petstore"))).isEmpty();
    }

    @Test
    void tiesGoToTheAlphabeticallyFirstCandidate() {
        assertThat(NearestName.of("pat", List.of("put", "pit"))).contains("pit");
    }
}
