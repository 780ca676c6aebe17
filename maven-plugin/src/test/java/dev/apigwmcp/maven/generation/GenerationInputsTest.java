package dev.apigwmcp.maven.generation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.generator.AuthMode;
import dev.apigwmcp.generator.OutputSchemaMode;
import dev.apigwmcp.generator.TargetConfig;
import dev.apigwmcp.generator.ToolFilter;
import dev.apigwmcp.generator.ToolOverride;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GenerationInputsTest {

    private static TargetConfig base() {
        return TargetConfig.builder("petstore", Path.of("/work/a/petstore.json"))
                .displayFile("src/petstore.json")
                .toolFilters(List.of(new ToolFilter("/pets/*", List.of("GET"))))
                .toolOverrides(List.of(new ToolOverride("/pets/{id}", "GET", "getPet", "Fetch.")))
                .build();
    }

    private static String of(TargetConfig config, String version) {
        return GenerationInputs.of(version, List.of(config)).configuration();
    }

    @Test
    void sameConfigurationGivesTheSameText() {
        assertThat(of(base(), "1.0")).isEqualTo(of(base(), "1.0"));
    }

    @Test
    void listsEachTargetsExportInOrder() {
        TargetConfig other = TargetConfig.of("orders", Path.of("/work/a/orders.json"));

        assertThat(GenerationInputs.of("1.0", List.of(base(), other)).exports())
                .containsExactly(Path.of("/work/a/petstore.json"), Path.of("/work/a/orders.json"));
    }

    @Test
    void movingTheCheckoutDoesNotChangeIt() {
        TargetConfig moved = TargetConfig.builder("petstore", Path.of("/elsewhere/petstore.json"))
                .displayFile("src/petstore.json")
                .toolFilters(base().toolFilters())
                .toolOverrides(base().toolOverrides())
                .build();

        assertThat(of(moved, "1.0")).isEqualTo(of(base(), "1.0"));
    }

    static Stream<Arguments> changes() {
        TargetConfig b = base();
        return Stream.<Arguments>of(
                Arguments.of("name", (UnaryOperator<TargetConfig>) c -> TargetConfig.builder("pets", c.exportFile())
                        .displayFile(c.displayFile())
                        .toolFilters(c.toolFilters())
                        .toolOverrides(c.toolOverrides())
                        .build()),
                Arguments.of("file", (UnaryOperator<TargetConfig>)
                        c -> c.toBuilder().displayFile("src/other.json").build()),
                Arguments.of("filter method", (UnaryOperator<TargetConfig>)
                        c -> c.withFilters(List.of(new ToolFilter("/pets/*", List.of("POST"))))),
                Arguments.of("filter removed", (UnaryOperator<TargetConfig>) c -> c.withFilters(List.of())),
                Arguments.of("override description", (UnaryOperator<TargetConfig>)
                        c -> c.withOverrides(List.of(new ToolOverride("/pets/{id}", "GET", "getPet", "Other.")))),
                Arguments.of("override without description", (UnaryOperator<TargetConfig>)
                        c -> c.withOverrides(List.of(new ToolOverride("/pets/{id}", "GET", "getPet", null)))),
                Arguments.of("auth", (UnaryOperator<TargetConfig>)
                        c -> c.toBuilder().auth(AuthMode.IAM).build()),
                Arguments.of("prefix", (UnaryOperator<TargetConfig>)
                        c -> c.toBuilder().namePrefix(false).build()),
                Arguments.of("cap", (UnaryOperator<TargetConfig>)
                        c -> c.toBuilder().descriptionMaxLength(80).build()),
                Arguments.of("package", (UnaryOperator<TargetConfig>)
                        c -> c.toBuilder().javaPackage("com.x").build()),
                Arguments.of("output schema cap", (UnaryOperator<TargetConfig>)
                        c -> c.toBuilder().outputSchemaMaxBytes(100).build()),
                Arguments.of("output schema mode", (UnaryOperator<TargetConfig>) c ->
                        c.toBuilder().outputSchemas(OutputSchemaMode.STRICT).build()),
                Arguments.of("allow no tools", (UnaryOperator<TargetConfig>)
                        c -> c.toBuilder().allowNoTools(true).build()),
                // Values that would run into the next line or key if they were written as they are.
                Arguments.of("filter path with a newline", (UnaryOperator<TargetConfig>)
                        c -> c.withFilters(List.of(new ToolFilter("/pets/*\nmethod=GET", List.of())))),
                Arguments.of("description with a newline", (UnaryOperator<TargetConfig>) c -> c.withOverrides(
                        List.of(new ToolOverride("/pets/{id}", "GET", "getPet", "Fetch.\nfilter=/x")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void anyConfigurationChangeChangesIt(String what, UnaryOperator<TargetConfig> change) {
        assertThat(of(change.apply(base()), "1.0")).isNotEqualTo(of(base(), "1.0"));
    }

    @Test
    void pluginVersionChangesIt() {
        assertThat(of(base(), "1.1")).isNotEqualTo(of(base(), "1.0"));
    }
}
