package dev.apigwmcp.generator.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigwmcp.generator.GeneratedFile;
import dev.apigwmcp.generator.GenerationResult;
import dev.apigwmcp.generator.Generator;
import dev.apigwmcp.generator.GeneratorConfig;
import dev.apigwmcp.generator.TestSpecs;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every schema the generator emits for the real exports validates against the 2020-12 meta-schema. */
class EmittedSchemasTest {

    private final MetaSchema metaSchema = new MetaSchema();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyEmittedSchemaFileAndEveryToolSchemaIsValid2020_12() throws IOException {
        GenerationResult result =
                Generator.generate(new GeneratorConfig(List.of(TestSpecs.petstoreAll(), TestSpecs.ordersResolved())));
        assertThat(result.errors()).isEmpty();
        int checked = 0;
        for (GeneratedFile file : result.files()) {
            String path = file.relativePath();
            if (path.endsWith(".input.json") || path.endsWith(".output.json")) {
                assertThat(metaSchema.problems(json.readTree(file.content())))
                        .as(path)
                        .isEmpty();
                checked++;
            } else if (path.endsWith("catalog/tools.json")) {
                for (JsonNode tool : json.readTree(file.content()).get("tools")) {
                    assertThat(metaSchema.problems(tool.get("inputSchema")))
                            .as(tool.get("name").asText())
                            .isEmpty();
                    assertThat(tool.get("inputSchema").get("type").asText()).isEqualTo("object");
                    if (tool.has("outputSchema")) {
                        assertThat(metaSchema.problems(tool.get("outputSchema")))
                                .isEmpty();
                        assertThat(tool.get("outputSchema").get("type").asText())
                                .isEqualTo("object");
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void wrappedOutputSchemaAcceptsTheWrappedResponse() throws IOException {
        GenerationResult result = Generator.generate(new GeneratorConfig(List.of(TestSpecs.petstoreAll())));
        GeneratedFile listPets = result.files().stream()
                .filter(f -> f.relativePath().endsWith("petstore___ListPets.output.json"))
                .findFirst()
                .orElseThrow();
        JsonNode schema = json.readTree(listPets.content());
        assertThat(metaSchema.validate(schema, "{\"result\":[{\"id\":1,\"type\":\"dog\",\"price\":3}]}"))
                .isEmpty();
        assertThat(metaSchema.validate(schema, "[{\"id\":1,\"type\":\"dog\",\"price\":3}]"))
                .isNotEmpty();
    }
}
