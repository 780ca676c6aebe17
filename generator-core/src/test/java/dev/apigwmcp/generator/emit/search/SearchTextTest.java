package dev.apigwmcp.generator.emit.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void identifiersSplitAtSeparatorsAndCaseChanges() {
        assertThat(SearchText.words("repos/create-fork")).containsExactly("repos", "create", "fork");
        assertThat(SearchText.words("listPetsForOwner")).containsExactly("list", "pets", "for", "owner");
        assertThat(SearchText.words("getHTTPServer2Status")).containsExactly("get", "http", "server2", "status");
        assertThat(SearchText.words("x_api_key")).containsExactly("x", "api", "key");
    }

    @Test
    void proseKeepsLinkTextsAndDropsLinkTargetsUrlsAndTags() {
        assertThat(SearchText.prose("See [the guide](https://example.com/guide) or <b>https://x.io/a</b>, `code`."))
                .isEqualTo("See the guide or , code .");
    }

    @Test
    void sentencesEndAtFullStopsFollowedBySpace() {
        assertThat(SearchText.sentences("One. Two, v1.2 stays! Three?"))
                .containsExactly("One.", "Two, v1.2 stays!", "Three?");
    }
}
