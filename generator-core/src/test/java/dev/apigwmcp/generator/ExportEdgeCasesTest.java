package dev.apigwmcp.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Legal but unusual exports seen in real-world corpora. */
class ExportEdgeCasesTest {

    @TempDir
    Path dir;

    private GenerationResult generate(String json) throws IOException {
        Path file = dir.resolve("api.json");
        Files.writeString(file, json);
        return Generator.generate(new GeneratorConfig(List.of(TargetConfig.of("api", file))));
    }

    @Test
    void parameterReferencesOutsideComponentsResolve() throws IOException {
        GenerationResult result = generate("""
                {"openapi":"3.0.1","info":{"title":"t","version":"1"},"paths":{
                 "/a/{id}":{"get":{"operationId":"a","parameters":[{"name":"id","in":"path","required":true,
                   "schema":{"type":"string"}}],"responses":{"200":{"description":"ok"}}}},
                 "/b/{id}":{"get":{"operationId":"b","parameters":[{"$ref":"#/paths/~1a~1%7Bid%7D/get/parameters/0"}],
                   "responses":{"200":{"description":"ok"}}}}}}
                """);
        assertThat(result.errors()).isEmpty();
        assertThat(result.files()).anySatisfy(f -> {
            assertThat(f.relativePath()).endsWith("api___b.input.json");
            assertThat(f.text()).contains("\"id\"");
        });
    }

    @Test
    void aReferenceToNothingIsStillAnError() throws IOException {
        GenerationResult result = generate("""
                {"openapi":"3.0.1","info":{"title":"t","version":"1"},"paths":{
                 "/b":{"get":{"operationId":"b","parameters":[{"$ref":"#/paths/~1nowhere/get/parameters/0"}],
                   "responses":{"200":{"description":"ok"}}}}}}
                """);
        assertThat(result.errors()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/paths/~1b/get/parameters/0/$ref");
            assertThat(p.message()).contains("unresolvable parameter reference");
        });
    }

    @Test
    void collidingDerivedNamesGetAStableHashInsteadOfAnError() throws IOException {
        String spec = """
                {"openapi":"3.0.1","info":{"title":"t","version":"1"},"paths":{
                 "/users":{"get":{"responses":{"200":{"description":"ok"}}}},
                 "/users/~":{"get":{"responses":{"200":{"description":"ok"}}}}}}
                """;
        GenerationResult result = generate(spec);
        assertThat(result.errors()).isEmpty();
        assertThat(result.tools()).extracting(ToolSummary::name).hasSize(2)
                .allSatisfy(name -> assertThat(name).matches("api___get_users_[0-9a-f]{8}"));
        assertThat(generate(spec).tools()).isEqualTo(result.tools());
        assertThat(result.warnings()).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("is shared with another operation"));
    }
}
