package dev.apigwmcp.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentenceTest {

    @Test
    void aSentenceWithoutEndPunctuationGetsAPeriod() {
        assertThat(Sentence.end("it failed")).isEqualTo("it failed.");
    }

    @Test
    void aSentenceThatAlreadyEndsKeepsItsOwnPunctuation() {
        assertThat(Sentence.end("try again. ")).isEqualTo("try again.");
        assertThat(Sentence.end("really?")).isEqualTo("really?");
        assertThat(Sentence.end("stop!")).isEqualTo("stop!");
    }
}
