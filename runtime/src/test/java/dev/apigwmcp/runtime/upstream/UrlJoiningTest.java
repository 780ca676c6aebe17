package dev.apigwmcp.runtime.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/** Base URL and path template meet with exactly one slash, whatever the export or the setting wrote. */
class UrlJoiningTest {

    private static String join(String base, String template, String petId) {
        SafeRequestBuilder builder = new SafeRequestBuilder(
                new RequestTarget(
                        "GET",
                        PathTemplate.parse(template),
                        Map.of(),
                        RequestTarget.baseUri(base),
                        Set.of(),
                        Set.of(),
                        Duration.ofSeconds(1)),
                JsonMapper.builder().build());
        if (petId != null) {
            builder.pathParameter("petId", "petId", petId);
        }
        return builder.build().uri().toString();
    }

    @ParameterizedTest
    @CsvSource({
        "https://h.example/v1, https://h.example/v1/pets/7",
        "https://h.example/v1/, https://h.example/v1/pets/7",
        "https://h.example//v1, https://h.example/v1/pets/7",
        "https://h.example//v1//, https://h.example/v1/pets/7",
        "https://h.example, https://h.example/pets/7",
        "https://h.example/, https://h.example/pets/7",
        "https://h.example/api//v1, https://h.example/api/v1/pets/7"
    })
    void baseAndPathMeetWithOneSlash(String base, String expected) {
        assertThat(join(base, "/pets/{petId}", "7")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "https://h.example/v1, https://h.example/v1/",
        "https://h.example//v1/, https://h.example/v1/",
        "https://h.example, https://h.example/"
    })
    void rootPathIsOneSlashAfterTheBase(String base, String expected) {
        assertThat(join(base, "/", null)).isEqualTo(expected);
    }

    @Test
    void aTemplateStartingWithTwoSlashesStillGivesOne() {
        assertThat(join("https://h.example/v1", "//pets/{petId}", "7")).isEqualTo("https://h.example/v1/pets/7");
    }

    @Test
    void encodedArgumentValuesAreNeverNormalised() {
        assertThat(join("https://h.example//v1", "/pets/{petId}", "a//b/"))
                .isEqualTo("https://h.example/v1/pets/a%2F%2Fb%2F");
    }

    @Test
    void encodedSlashesInTheBasePathAreKept() {
        assertThat(RequestTarget.baseUri("https://h.example/a%2F%2Fb//c/")).hasToString("https://h.example/a%2F%2Fb/c");
    }

    @Test
    void aBasePathIsAppendedToAConfiguredBaseUrl() {
        assertThat(RequestTarget.baseUri("http://127.0.0.1:8080/", "/v1"))
                .isEqualTo(URI.create("http://127.0.0.1:8080/v1"));
        assertThat(RequestTarget.baseUri("http://127.0.0.1:8080/stage/", "//v1/"))
                .isEqualTo(URI.create("http://127.0.0.1:8080/stage/v1"));
        assertThat(RequestTarget.baseUri("http://127.0.0.1:8080", "")).isEqualTo(URI.create("http://127.0.0.1:8080"));
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {"null, ''", "'', ''", "/, ''", "//, ''", "v1, /v1", "/v1/, /v1", "//v1//beta/, /v1/beta"})
    void basePathsAreNormalised(String raw, String expected) {
        assertThat(RequestTarget.basePath(raw)).isEqualTo(expected);
    }

    @Test
    void theHostComesFromTheBaseUrlOnly() {
        URI built = URI.create(join("https://h.example//v1", "/{petId}", "//evil.example/x"));
        assertThat(built.getHost()).isEqualTo("h.example");
        assertThat(built.getRawPath()).isEqualTo("/v1/%2F%2Fevil.example%2Fx");
    }
}
