package dev.apigwmcp.generator.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlPartsTest {

    @Test
    void aSlashOnBothSidesBecomesOne() {
        assertThat(UrlParts.join("https://h.example/", "/v1")).isEqualTo("https://h.example/v1");
    }

    @Test
    void runsOfSlashesOnBothSidesBecomeOne() {
        assertThat(UrlParts.join("https://h.example//", "///v1")).isEqualTo("https://h.example/v1");
    }

    @Test
    void aSlashOnOneSideIsKept() {
        assertThat(UrlParts.join("https://h.example", "/v1")).isEqualTo("https://h.example/v1");
        assertThat(UrlParts.join("https://h.example/", "v1")).isEqualTo("https://h.example/v1");
    }

    @Test
    void partsWithoutSlashesJoinAsTheyAre() {
        assertThat(UrlParts.join("https://", "api")).isEqualTo("https://api");
        assertThat(UrlParts.join("https://api", ".example.com")).isEqualTo("https://api.example.com");
    }

    @Test
    void theSchemeSlashesAreNotASeparator() {
        assertThat(UrlParts.join("https://", "/h.example")).isEqualTo("https://h.example");
    }

    @Test
    void anEmptyPartAddsNothing() {
        assertThat(UrlParts.join("https://h.example/", "")).isEqualTo("https://h.example/");
        assertThat(UrlParts.join("", "/v1")).isEqualTo("/v1");
    }

    @Test
    void trailingSlashesAreDropped() {
        assertThat(UrlParts.withoutTrailingSlashes("https://h.example/v1//")).isEqualTo("https://h.example/v1");
        assertThat(UrlParts.withoutTrailingSlashes("/")).isEmpty();
    }
}
