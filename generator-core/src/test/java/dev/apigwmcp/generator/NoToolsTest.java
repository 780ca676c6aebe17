package dev.apigwmcp.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A target that yields no tools ships an empty gateway: an error unless the user says it is meant. */
class NoToolsTest {

    @TempDir
    Path dir;

    private Path onlyCors() throws IOException {
        Path file = dir.resolve("cors.json");
        Files.writeString(file, """
                {"openapi":"3.0.1","info":{"title":"t","version":"1"},"paths":{
                 "/a":{"options":{"responses":{"200":{"description":"ok"}}}}}}
                """);
        return file;
    }

    @Test
    void aTargetWithoutToolsIsAnErrorInItsExport() throws IOException {
        GenerationResult result = Generator.generate(new GeneratorConfig(List.of(TargetConfig.of("a", onlyCors()))));

        assertThat(result.files()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("cors.json");
            assertThat(p.pointer()).isEmpty();
            assertThat(p.message())
                    .startsWith(
                            "no tool comes out of this export (1 operations: 1 not selected (by toolFilters, or CORS OPTIONS), 0 left out")
                    .contains("allowNoTools");
        });
    }

    @Test
    void allowNoToolsAcceptsIt() throws IOException {
        GenerationResult result = Generator.generate(new GeneratorConfig(
                List.of(TargetConfig.builder("a", onlyCors()).allowNoTools(true).build())));

        assertThat(result.errors()).isEmpty();
        assertThat(result.tools()).isEmpty();
    }
}
