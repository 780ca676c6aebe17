package dev.apigwmcp.generator.compile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigwmcp.generator.GeneratedFile;
import dev.apigwmcp.generator.GenerationResult;
import dev.apigwmcp.generator.Generator;
import dev.apigwmcp.generator.GeneratorConfig;
import dev.apigwmcp.generator.OutputSchemaMode;
import dev.apigwmcp.generator.TargetConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which tools get an output schema, and what it says: clients fail calls whose results do not fit it. */
class OutputSchemaRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private GenerationResult generate(String operations, OutputSchemaMode mode) throws IOException {
        Path file = dir.resolve("api.json");
        Files.writeString(
                file,
                "{\"openapi\":\"3.0.1\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"paths\":{"
                        + operations + "},\"components\":{\"schemas\":{"
                        + "\"Empty\":{\"type\":\"object\",\"title\":\"Empty Schema\"},"
                        + "\"Pet\":{\"type\":\"object\",\"required\":[\"id\"],\"additionalProperties\":false,\"properties\":{"
                        + "\"id\":{\"type\":\"integer\",\"minimum\":1},\"kind\":{\"type\":\"string\",\"enum\":[\"dog\",\"cat\"]},"
                        + "\"born\":{\"type\":\"string\",\"format\":\"date\",\"pattern\":\"^[0-9-]+$\"},"
                        + "\"owner\":{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"object\"}]}}}}}}");
        return Generator.generate(new GeneratorConfig(List.of(TargetConfig.builder("api", file)
                .namePrefix(false)
                .outputSchemas(mode)
                .build())));
    }

    private static String response(String content) {
        return "\"responses\":{\"200\":{\"description\":\"ok\",\"content\":{" + content + "}}}";
    }

    private static Optional<JsonNode> outputSchema(GenerationResult result, String tool) throws IOException {
        Optional<GeneratedFile> file = result.files().stream()
                .filter(f -> f.relativePath().endsWith("/" + tool + ".output.json"))
                .findFirst();
        return file.isEmpty()
                ? Optional.empty()
                : Optional.of(JSON.readTree(file.get().text()));
    }

    @Test
    void apiGatewaysEmptyPlaceholderGivesNoOutputSchema() throws IOException {
        GenerationResult result = generate(
                "\"/a\":{\"get\":{\"operationId\":\"a\","
                        + response("\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Empty\"}}")
                        + "}}",
                OutputSchemaMode.TOLERANT);
        assertThat(result.errors()).isEmpty();
        assertThat(outputSchema(result, "a")).isEmpty();
    }

    @Test
    void aSchemaThatAcceptsAnythingGivesNoOutputSchema() throws IOException {
        GenerationResult result = generate(
                "\"/a\":{\"get\":{\"operationId\":\"a\","
                        + response("\"application/json\":{\"schema\":{\"description\":\"whatever\"}}") + "}}",
                OutputSchemaMode.STRICT);
        assertThat(outputSchema(result, "a")).isEmpty();
    }

    @Test
    void headGivesNoOutputSchema() throws IOException {
        GenerationResult result = generate(
                "\"/a\":{\"head\":{\"operationId\":\"a\","
                        + response("\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Pet\"}}") + "}}",
                OutputSchemaMode.TOLERANT);
        assertThat(outputSchema(result, "a")).isEmpty();
    }

    @Test
    void aResponseThatMayAlsoComeAsSomethingElseGivesNoOutputSchema() throws IOException {
        GenerationResult result = generate(
                "\"/a\":{\"get\":{\"operationId\":\"a\","
                        + response("\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Pet\"}},"
                                + "\"application/xml\":{\"schema\":{\"$ref\":\"#/components/schemas/Pet\"}}")
                        + "}}",
                OutputSchemaMode.TOLERANT);
        assertThat(outputSchema(result, "a")).isEmpty();
    }

    @Test
    void noneModeGivesNoOutputSchemas() throws IOException {
        GenerationResult result = generate(
                "\"/a\":{\"get\":{\"operationId\":\"a\","
                        + response("\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Pet\"}}") + "}}",
                OutputSchemaMode.NONE);
        assertThat(result.errors()).isEmpty();
        assertThat(outputSchema(result, "a")).isEmpty();
    }

    @Test
    void tolerantSchemaKeepsShapeAndTypesButNoConstraintThatDriftBreaks() throws IOException {
        GenerationResult result = generate(
                "\"/a\":{\"get\":{\"operationId\":\"a\","
                        + response("\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Pet\"}}") + "}}",
                OutputSchemaMode.TOLERANT);
        JsonNode schema = outputSchema(result, "a").orElseThrow();

        assertThat(schema.get("type").asText()).isEqualTo("object");
        assertThat(schema.has("required")).isFalse();
        assertThat(schema.has("additionalProperties")).isFalse();
        JsonNode properties = schema.get("properties");
        assertThat(properties.get("id").get("type").toString()).isEqualTo("[\"integer\",\"null\"]");
        assertThat(properties.get("id").has("minimum")).isFalse();
        assertThat(properties.get("kind").has("enum")).isFalse();
        assertThat(properties.get("kind").get("description").asText()).isEqualTo("Documented values: dog, cat.");
        assertThat(properties.get("born").has("format")).isFalse();
        assertThat(properties.get("born").has("pattern")).isFalse();
        assertThat(properties.get("owner").has("oneOf")).isFalse();
        assertThat(properties.get("owner").get("anyOf")).hasSize(2);
    }

    @Test
    void strictSchemaIsTheDocumentedOne() throws IOException {
        GenerationResult result = generate(
                "\"/a\":{\"get\":{\"operationId\":\"a\","
                        + response("\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Pet\"}}") + "}}",
                OutputSchemaMode.STRICT);
        JsonNode schema = outputSchema(result, "a").orElseThrow();

        assertThat(schema.get("required").toString()).isEqualTo("[\"id\"]");
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
        assertThat(schema.get("properties").get("kind").get("enum")).hasSize(2);
    }

    @Test
    void aTolerantArrayResultIsStillWrappedInAnObject() throws IOException {
        GenerationResult result = generate(
                "\"/a\":{\"get\":{\"operationId\":\"a\","
                        + response("\"application/json\":{\"schema\":{\"type\":\"array\",\"minItems\":1,"
                                + "\"items\":{\"$ref\":\"#/components/schemas/Pet\"}}}")
                        + "}}",
                OutputSchemaMode.TOLERANT);
        JsonNode schema = outputSchema(result, "a").orElseThrow();

        assertThat(schema.get("type").asText()).isEqualTo("object");
        assertThat(schema.get("properties").get("result").get("type").toString())
                .isEqualTo("[\"array\",\"null\"]");
        assertThat(schema.get("properties").get("result").has("minItems")).isFalse();
    }
}
