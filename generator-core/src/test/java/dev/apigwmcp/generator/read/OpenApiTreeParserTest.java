package dev.apigwmcp.generator.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigwmcp.generator.TestSpecs;
import dev.apigwmcp.generator.corpus.CorpusFiles;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A document deserialized in parts must give what the whole document gives: the same model and the same messages,
 * except that an operationId repeated in two parts goes unnoticed (the export reader ignores that message: the
 * compiler reports repeated tool names itself). Checked on the test exports, on a document made to cross every
 * seam, and on every OpenAPI 3 spec of the real-world corpus (unless corpus.skip).
 */
class OpenApiTreeParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiTreeParser WHOLE = new OpenApiTreeParser(Integer.MAX_VALUE, 1);

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 7})
    void theTestExportsReadInPartsAsAWhole(int parts) throws IOException {
        for (Path spec : List.of(TestSpecs.petstore(), TestSpecs.spec("query-styles.json"))) {
            assertSameAsWhole(read(spec), parts, spec.toString());
        }
    }

    @Test
    void referencesProblemsAndExtensionsAcrossPartsReadAsAWhole() throws IOException {
        JsonNode root = JSON.readTree("""
                {"openapi": "3.0.3", "info": {"title": "seams", "version": "1"}, "x-root": {"a": 1},
                 "servers": [{"url": "https://example.com/v1"}], "tags": [{"name": "t"}, {"name": "t"}],
                 "components": {
                   "parameters": {"Id": {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}},
                   "schemas": {
                     "A": {"type": "object", "properties": {"b": {"$ref": "#/components/schemas/B"}}},
                     "B": {"type": "object", "properties": {"a": {"$ref": "#/components/schemas/A"}},
                           "x-extra": true, "bogus": 1},
                     "C": {"$ref": "#/components/schemas/Missing"},
                     "D": {"type": "string", "enum": ["x", "y"], "default": "x"},
                     "E": {"allOf": [{"$ref": "#/components/schemas/A"}, {"$ref": "#/components/schemas/D"}]}
                   }},
                 "paths": {
                   "x-paths-extension": "kept",
                   "/a/{id}": {"parameters": [{"$ref": "#/components/parameters/Id"}],
                     "get": {"operationId": "getA", "parameters": [{"$ref": "#/components/parameters/Id"}],
                       "responses": {"200": {"description": "ok", "content": {"application/json":
                         {"schema": {"$ref": "#/components/schemas/E"}}}}}}},
                   "/b": {"post": {"operationId": "getA", "requestBody": {"content": {"application/json":
                       {"schema": {"$ref": "#/components/schemas/Nope"}}}}, "responses": {"204": {}}}},
                   "/c": {"get": {"responses": {"default": {"description": "d"}}, "unknownKey": 1}},
                   "/d": "not an object"
                 }}
                """);
        for (int parts = 2; parts <= 9; parts++) {
            SwaggerParseResult split = assertSameAsWhole(root, parts, "seams");
            assertThat(split.getOpenAPI().getPaths().getExtensions()).containsEntry("x-paths-extension", "kept");
            assertThat(split.getOpenAPI().getComponents().getSchemas()).containsOnlyKeys("A", "B", "C", "D", "E");
            assertThat(split.getMessages()).anyMatch(m -> m.contains("Missing")).anyMatch(m -> m.contains("Nope"));
        }
    }

    /** The corpus the robustness test runs (fetched here too when missing, so test order does not matter). */
    @Test
    void everyOpenApi3SpecOfTheCorpusReadsInPartsAsAWhole() throws IOException {
        assumeFalse(Boolean.getBoolean("corpus.skip"), "corpus.skip=true");
        List<Path> specs = CorpusFiles.all();
        int compared = 0;
        for (Path spec : specs) {
            JsonNode root;
            try {
                root = read(spec);
            } catch (IOException | RuntimeException e) {
                continue; // malformed files are the robustness test's business
            }
            if (root != null
                    && root.path("openapi").isTextual()
                    && root.path("components").path("schemas").size() > 1) {
                assertSameAsWhole(root, 3, spec.toString());
                compared++;
            }
        }
        assertThat(compared).as("OpenAPI 3 specs compared").isGreaterThan(50);
    }

    private static SwaggerParseResult assertSameAsWhole(JsonNode root, int parts, String what) {
        SwaggerParseResult whole = WHOLE.parse(root, options());
        SwaggerParseResult split = new OpenApiTreeParser(1, parts).parse(root, options());
        // Compared as swagger-core serializes them: the models' equals fails on two parses of the same document
        // when an example is binary (arrays compare by identity).
        assertThat(Json.pretty(split.getOpenAPI()))
                .as(what + " in " + parts + " parts")
                .isEqualTo(Json.pretty(whole.getOpenAPI()));
        assertThat(split.getMessages().stream().filter(OpenApiTreeParserTest::compared))
                .as(what + " messages in " + parts + " parts")
                .containsExactlyInAnyOrderElementsOf(whole.getMessages().stream()
                        .filter(OpenApiTreeParserTest::compared)
                        .distinct()
                        .toList());
        assertThat(split.isOpenapi31()).isEqualTo(whole.isOpenapi31());
        return split;
    }

    private static boolean compared(String message) {
        return !message.endsWith("operationId is repeated");
    }

    private static ParseOptions options() {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        options.setResolveFully(false);
        options.setValidateInternalRefs(true);
        return options;
    }

    private static JsonNode read(Path spec) throws IOException {
        byte[] bytes = Files.readAllBytes(spec);
        return spec.toString().endsWith(".json")
                ? JSON.readTree(bytes)
                : Yaml.mapper().readTree(bytes);
    }
}
