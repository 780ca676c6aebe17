package dev.apigwmcp.generator.compile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigwmcp.generator.GenerationResult;
import dev.apigwmcp.generator.Generator;
import dev.apigwmcp.generator.GeneratorConfig;
import dev.apigwmcp.generator.TargetConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An argument renamed for a clash ({@code id_query}) says which parameter it is sent as. */
class RenamedArgumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode properties() throws IOException {
        Path file = dir.resolve("api.json");
        Files.writeString(
                file,
                "{\"openapi\":\"3.0.1\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"paths\":{\"/things/{id}\":"
                        + "{\"get\":{\"operationId\":\"find\",\"parameters\":["
                        + "{\"name\":\"id\",\"in\":\"path\",\"required\":true,\"description\":\"The thing.\","
                        + "\"schema\":{\"type\":\"string\"}},"
                        + "{\"name\":\"id\",\"in\":\"query\",\"description\":\"A revision of it.\","
                        + "\"schema\":{\"type\":\"integer\"}},"
                        + "{\"name\":\"id\",\"in\":\"header\",\"schema\":{\"type\":\"string\"}}],"
                        + "\"responses\":{\"200\":{\"description\":\"ok\"}}}}}}");
        GenerationResult result = Generator.generate(new GeneratorConfig(
                List.of(TargetConfig.builder("api", file).namePrefix(false).build())));
        assertThat(result.errors()).isEmpty();
        return JSON.readTree(result.files().stream()
                        .filter(f -> f.relativePath().endsWith("/find.input.json"))
                        .findFirst()
                        .orElseThrow()
                        .text())
                .path("properties");
    }

    @Test
    void aRenamedArgumentsDescriptionEndsWithTheParameterItIsSentAs() throws IOException {
        assertThat(properties().path("id_query").path("description").asText())
                .isEqualTo("A revision of it. Sent as the query parameter 'id'.");
    }

    @Test
    void aRenamedArgumentWithoutDescriptionGetsOneNamingItsParameter() throws IOException {
        assertThat(properties().path("id_header").path("description").asText())
                .isEqualTo("Sent as the header parameter 'id'.");
    }

    @Test
    void theArgumentThatKeepsTheNameKeepsItsDescription() throws IOException {
        assertThat(properties().path("id").path("description").asText()).isEqualTo("The thing.");
    }
}
