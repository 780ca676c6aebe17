package dev.apigwmcp.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input gives a located, specific problem, all of them in one run, and no output files. */
class GeneratorErrorsTest {

    @TempDir
    Path dir;

    /** Generates; a run with errors must emit nothing, whatever the test checks besides. */
    private GenerationResult generate(TargetConfig... targets) {
        GenerationResult result = Generator.generate(new GeneratorConfig(List.of(targets)));
        if (result.hasErrors()) {
            assertThat(result.files()).as("files of a run with errors").isEmpty();
        }
        return result;
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws IOException {
        GenerationResult result =
                generate(TargetConfig.of("bad", write("bad.json", "{\n  \"openapi\": \"3.0.1\",\n  x\n}")));
        assertThat(result.files()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("bad.json");
            assertThat(p.message()).startsWith("malformed JSON: line 3, column");
        });
    }

    @Test
    void unclosedJsonObjectNamesWhereItBeganWithoutJacksonsSourceNotice() throws IOException {
        GenerationResult result =
                generate(TargetConfig.of("bad", write("bad.json", "{\"openapi\": \"3.0.1\", \"paths\": {}\n")));
        assertThat(result.errors())
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .startsWith("malformed JSON: line 2, column 1: ")
                        .contains("(start marker at line 1, column 1)")
                        .doesNotContain("Source", "REDACTED", "StreamReadFeature"));
    }

    @Test
    void malformedYamlIsReported() throws IOException {
        GenerationResult result = generate(TargetConfig.of("bad", write("bad.yaml", "openapi: 3.0.1\npaths: [\n")));
        assertThat(result.errors())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("malformed YAML"));
    }

    @Test
    void missingExportFile() {
        GenerationResult result = generate(TargetConfig.of("gone", dir.resolve("nope.json")));
        assertThat(result.errors()).singleElement().hasToString("nope.json: export file not found (target gone)");
    }

    @Test
    void unsupportedVersionPointsAtTheVersionField() throws IOException {
        GenerationResult result = generate(TargetConfig.of("v", write("v.json", "{\"openapi\":\"4.0.0\"}")));
        assertThat(result.errors()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/openapi");
            assertThat(p.message()).contains("unsupported OpenAPI version '4.0.0'");
        });
    }

    @Test
    void notAnOpenApiDocument() throws IOException {
        GenerationResult result = generate(TargetConfig.of("x", write("x.json", "{\"hello\":1}")));
        assertThat(result.errors())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("neither 'openapi' nor 'swagger'"));
    }

    @Test
    void filterThatMatchesNothingIsAnError() {
        GenerationResult result = generate(TestSpecs.petstoreAll()
                .withFilters(
                        List.of(new ToolFilter("/pets", List.of("GET")), new ToolFilter("/cats/*", List.of("GET")))));
        assertThat(result.errors()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("toolFilters[1]");
            assertThat(p.message())
                    .isEqualTo("filter '/cats/*' [GET] matches no operation of the export"
                            + " petstore-apigw-oas30.json: no resource lies below /cats/; did you mean /pets/*?");
        });
    }

    @Test
    void overrideForAnUnknownOperationNamesTheOverrideAndWhatExists() {
        GenerationResult result = generate(TestSpecs.petstoreAll()
                .withOverrides(List.of(
                        new ToolOverride("/pets", "PATCH", "patchPets", null),
                        new ToolOverride("/dogs", "GET", "dogs", null))));
        assertThat(result.errors())
                .extracting(Problem::pointer)
                .containsExactly("toolOverrides[0]", "toolOverrides[1]");
        assertThat(result.errors().get(0).message())
                .isEqualTo("override PATCH /pets names no operation of the export petstore-apigw-oas30.json: /pets"
                        + " has no PATCH method (its methods: GET, POST, OPTIONS)");
        assertThat(result.errors().get(1).message())
                .isEqualTo("override GET /dogs names no operation of the export"
                        + " petstore-apigw-oas30.json: there is no resource /dogs, nor one with a similar path");
    }

    @Test
    void overrideWithOtherPlaceholderNamesPointsToTheExportsSpelling() {
        GenerationResult result = generate(
                TestSpecs.petstoreAll().withOverrides(List.of(new ToolOverride("/pets/{id}", "GET", "getPet", null))));
        assertThat(result.errors()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("toolOverrides[0]");
            assertThat(p.target()).isEqualTo("petstore");
            assertThat(p.toString())
                    .isEqualTo("toolOverrides[0]: override GET /pets/{id} names no operation of the"
                            + " export petstore-apigw-oas30.json: there is no resource /pets/{id}; the export spells it"
                            + " /pets/{petId} (path parameters must be named as in the export) (target petstore)");
        });
    }

    @Test
    void overrideForAnOperationTheFiltersDropIsAnError() {
        GenerationResult result = generate(TestSpecs.petstoreWildcard()
                .withOverrides(List.of(new ToolOverride("/pets", "GET", "listPets", null))));
        assertThat(result.errors())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("toolFilters do not select"));
    }

    @Test
    void overrideWithAWildcardOrInvalidNameIsAnError() {
        GenerationResult result = generate(TestSpecs.petstoreAll()
                .withOverrides(List.of(
                        new ToolOverride("/pets/*", "GET", "x", null),
                        new ToolOverride("/pets", "GET", "list pets!", null))));
        assertThat(result.errors())
                .extracting(Problem::pointer)
                .containsExactly("toolOverrides[0].path", "toolOverrides[1].name");
        assertThat(result.errors().get(0).message()).contains("no wildcards");
        assertThat(result.errors().get(1).message()).contains("must match ^[A-Za-z0-9_-]{1,64}$");
    }

    @Test
    void duplicateOperationIdIsAnErrorListingBothOperationsAndSuggestingAnOverride() {
        GenerationResult result = generate(TargetConfig.of("orders", TestSpecs.orders()));
        assertThat(result.files()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("orders-apigw-swagger2.yaml");
            assertThat(p.message())
                    .contains(
                            "'orders___listOrders'",
                            "GET /orders",
                            "GET /customers/{customerId}/orders",
                            "<toolOverride>");
        });
    }

    @Test
    void badFiltersAreAllReportedTogether() {
        GenerationResult result = generate(TestSpecs.petstoreAll()
                .withFilters(List.of(
                        new ToolFilter("pets", List.of("GET")),
                        new ToolFilter("/pets/*/photos", List.of("GET")),
                        new ToolFilter("/pets", List.of("FETCH")),
                        new ToolFilter("/pets", List.of()))));
        assertThat(result.errors())
                .extracting(Problem::pointer)
                .containsExactly(
                        "toolFilters[0].filterPath",
                        "toolFilters[1].filterPath",
                        "toolFilters[2].methods",
                        "toolFilters[3].methods");
    }

    @Test
    void targetNamesFollowAgentCoresRuleAndAreUnique() {
        GenerationResult result = generate(
                TargetConfig.of("pet_store", TestSpecs.petstore()),
                TargetConfig.of("a", TestSpecs.petstore()),
                TargetConfig.of("a", TestSpecs.petstore()));
        assertThat(result.errors())
                .extracting(Problem::message)
                .anySatisfy(m ->
                        assertThat(m).startsWith("must be letters and digits").endsWith("was 'pet_store'"))
                .anySatisfy(m -> assertThat(m).contains("'a' is used by two targets"));
        assertThat(result.errors()).extracting(Problem::pointer).containsOnly("name");
    }

    @Test
    void sameToolNameFromTwoTargetsWithoutPrefixIsAnError() {
        TargetConfig a = TargetConfig.builder("a", TestSpecs.petstore())
                .namePrefix(false)
                .javaPackage("x.a")
                .build();
        TargetConfig b = TargetConfig.builder("b", TestSpecs.petstore())
                .namePrefix(false)
                .javaPackage("x.b")
                .build();
        GenerationResult result = generate(a, b);
        assertThat(result.errors())
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.message()).contains("is also generated by target a"));
    }

    @Test
    void unresolvableSchemaReferenceIsLocated() throws IOException {
        Path spec = write("ref.json", """
                {"openapi":"3.0.1","info":{"title":"t","version":"1"},"paths":{"/a":{"get":{"operationId":"a",
                "parameters":[{"name":"q","in":"query","schema":{"$ref":"#/components/schemas/Missing"}}],
                "responses":{"200":{"description":"ok"}}}}}}
                """);
        GenerationResult result = generate(TargetConfig.of("r", spec));
        assertThat(result.errors()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).startsWith("/paths/~1a/get/parameters/0/schema");
            assertThat(p.message())
                    .contains("#/components/schemas/Missing", "add the schema it names")
                    .doesNotContain("replaced", "accepts anything");
        });
    }

    @Test
    void undefinedSecuritySchemeIsLocated() throws IOException {
        Path spec = write("sec.json", """
                {"openapi":"3.0.1","info":{"title":"t","version":"1"},"paths":{"/a":{"get":{"operationId":"a",
                "security":[{"nope":[]}],"responses":{"200":{"description":"ok"}}}}}}
                """);
        GenerationResult result = generate(TargetConfig.of("s", spec));
        assertThat(result.errors()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/paths/~1a/get/security/0");
            assertThat(p.message()).contains("'nope' is not defined");
        });
    }

    @Test
    void cutDescriptionIsAWarning() {
        TargetConfig config = TargetConfig.builder("petstore", TestSpecs.petstore())
                .descriptionMaxLength(20)
                .build();
        GenerationResult result = generate(config);
        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings())
                .extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("was cut to 20"));
    }
}
