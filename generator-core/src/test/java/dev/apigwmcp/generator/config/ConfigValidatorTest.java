package dev.apigwmcp.generator.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.generator.AuthMode;
import dev.apigwmcp.generator.OutputSchemaMode;
import dev.apigwmcp.generator.Problem;
import dev.apigwmcp.generator.TargetConfig;
import dev.apigwmcp.generator.config.TargetInput.FilterInput;
import dev.apigwmcp.generator.config.TargetInput.OverrideInput;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigValidatorTest {

    private static final Path EXPORT = Path.of("/work/api.json");
    private final ConfigValidator yaml = new ConfigValidator(new YamlDialect("targets.yaml"));

    private static TargetInput target(String name) {
        return new TargetInput(name, EXPORT, "api.json", null, null, null, null, null, null, null, null, null);
    }

    private static TargetInput withNumbers(String descriptionMax, String outputMax) {
        return new TargetInput(
                "a", EXPORT, "api.json", null, null, null, null, descriptionMax, outputMax, null, null, null);
    }

    private List<String> errors(TargetInput... inputs) {
        return yaml.validate(List.of(inputs)).errors().stream()
                .map(Problem::toString)
                .toList();
    }

    @Test
    void defaultsFillWhatIsNotGiven() {
        ValidatedConfig result = yaml.validate(List.of(target("petstore")));

        assertThat(result.errors()).isEmpty();
        TargetConfig config = result.targets().get(0);
        assertThat(config.auth()).isEqualTo(AuthMode.FROM_EXPORT);
        assertThat(config.namePrefix()).isTrue();
        assertThat(config.descriptionMaxLength()).isEqualTo(TargetConfig.DEFAULT_DESCRIPTION_MAX_LENGTH);
        assertThat(config.outputSchemaMaxBytes()).isEqualTo(TargetConfig.DEFAULT_OUTPUT_SCHEMA_MAX_BYTES);
        assertThat(config.outputSchemas()).isEqualTo(OutputSchemaMode.TOLERANT);
        assertThat(config.allowNoTools()).isFalse();
    }

    @Test
    void valuesAreReadInAnyCase() {
        TargetConfig config = yaml.validate(List.of(new TargetInput(
                        "a",
                        EXPORT,
                        null,
                        null,
                        null,
                        "api_key",
                        "FALSE",
                        "200",
                        "-1",
                        "com.example",
                        "Strict",
                        "true")))
                .targets()
                .get(0);

        assertThat(config.auth()).isEqualTo(AuthMode.API_KEY);
        assertThat(config.namePrefix()).isFalse();
        assertThat(config.descriptionMaxLength()).isEqualTo(200);
        assertThat(config.outputSchemaMaxBytes()).isEqualTo(Integer.MAX_VALUE);
        assertThat(config.outputSchemas()).isEqualTo(OutputSchemaMode.STRICT);
        assertThat(config.allowNoTools()).isTrue();
    }

    @Test
    void aNegativeOutputCapOtherThanMinusOneIsAnErrorInEveryFrontEnd() {
        assertThat(errors(withNumbers(null, "-5")))
                .containsExactly("targets.yaml#/targets/0/outputSchemaMaxBytes:"
                        + " must be a positive number (or -1 for no limit), was -5 (target a)");
        assertThat(errors(withNumbers("0", null)))
                .containsExactly("targets.yaml#/targets/0/descriptionMaxLength:"
                        + " must be a positive number, was 0 (target a)");
        assertThat(errors(withNumbers("ten", null)))
                .containsExactly("targets.yaml#/targets/0/descriptionMaxLength:"
                        + " must be a whole number, was 'ten' (target a)");
    }

    @Test
    void everyMistakeIsLocatedInTheUsersFile() {
        TargetInput bad = new TargetInput(
                "pet store",
                EXPORT,
                null,
                List.of(
                        new FilterInput("pets", List.of("get")), new FilterInput(null, List.of("GET")),
                        new FilterInput("/a/*/b", List.of("FETCH")), new FilterInput("/a", List.of(" "))),
                List.of(
                        new OverrideInput("/pets/*", "GET", "list pets!", null),
                        new OverrideInput(null, "GET", "x", null)),
                "KERBEROS",
                "maybe",
                null,
                null,
                "com.1bad",
                "loose",
                null);

        assertThat(errors(target(null), bad, target("b"), target("b")))
                .containsExactly(
                        "targets.yaml#/targets/0/name: is missing",
                        "targets.yaml#/targets/1/auth: must be one of IAM, API_KEY, BASIC, NONE, FROM_EXPORT, was 'KERBEROS'"
                                + " (target pet store)",
                        "targets.yaml#/targets/1/outputSchemas: must be one of TOLERANT, STRICT, NONE, was 'loose'"
                                + " (target pet store)",
                        "targets.yaml#/targets/1/namePrefix: must be true or false, was 'maybe' (target pet store)",
                        "targets.yaml#/targets/1/toolFilters/1/filterPath: is missing (target pet store)",
                        "targets.yaml#/targets/1/toolOverrides/1/path: is missing (target pet store)",
                        "targets.yaml#/targets/3/name: 'b' is used by two targets; every target needs a name of its own"
                                + " (target b)");
    }

    @Test
    void typedRulesAreLocatedToo() {
        TargetInput bad = new TargetInput(
                "pet_store",
                EXPORT,
                null,
                List.of(
                        new FilterInput("pets", List.of("get")),
                        new FilterInput("/a/*/b", List.of("FETCH")),
                        new FilterInput("/a", List.of(" "))),
                List.of(new OverrideInput("/pets/*", "GET", "list pets!", null)),
                null,
                null,
                null,
                null,
                "com.1bad",
                null,
                null);

        assertThat(errors(bad))
                .containsExactly(
                        "targets.yaml#/targets/0/name: must be letters and digits with single hyphens between them (no spaces"
                                + " or underscores), at most 100 characters, was 'pet_store' (target pet_store)",
                        "targets.yaml#/targets/0/javaPackage: must be a Java package name such as com.example.tools, was"
                                + " 'com.1bad' (target pet_store)",
                        "targets.yaml#/targets/0/toolFilters/0/filterPath: must start with '/', was 'pets' (target pet_store)",
                        "targets.yaml#/targets/0/toolFilters/1/filterPath: may use '*' only as its last segment, as in"
                                + " '/pets/*', was '/a/*/b' (target pet_store)",
                        "targets.yaml#/targets/0/toolFilters/1/methods: has the unknown method 'FETCH' (allowed: GET, POST,"
                                + " PUT, PATCH, DELETE, HEAD, OPTIONS) (target pet_store)",
                        "targets.yaml#/targets/0/toolFilters/2/methods: lists no method; name at least one, for example GET"
                                + " (target pet_store)",
                        "targets.yaml#/targets/0/toolOverrides/0/path: must name one resource, no wildcards, was '/pets/*'"
                                + " (target pet_store)",
                        "targets.yaml#/targets/0/toolOverrides/0/name: must match ^[A-Za-z0-9_-]{1,64}$ (the tool-name rule"
                                + " of strict MCP clients), was 'list pets!' (target pet_store)");
    }

    @Test
    void filtersAndOverridesKeepTheirPlaceForLaterMessages() {
        TargetConfig config = yaml.validate(List.of(new TargetInput(
                        "a",
                        EXPORT,
                        null,
                        List.of(new FilterInput("/pets", List.of("get"))),
                        List.of(new OverrideInput("/pets", "get", "listPets", " List. ")),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)))
                .targets()
                .get(0);

        assertThat(config.toolFilters().get(0).location()).isEqualTo("/targets/0/toolFilters/0");
        assertThat(config.toolFilters().get(0).methods()).containsExactly("GET");
        assertThat(config.toolOverrides().get(0).location()).isEqualTo("/targets/0/toolOverrides/0");
        assertThat(config.toolOverrides().get(0).description()).isEqualTo("List.");
    }

    @Test
    void noTargetsIsAnError() {
        assertThat(yaml.validate(List.of()).errors())
                .singleElement()
                .satisfies(p -> assertThat(p)
                        .hasToString("targets.yaml#/targets: is empty: add a target with a 'name'"
                                + " and an 'exportFile'"));
    }
}
