package dev.apigwmcp.maven.generation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.generator.AuthMode;
import dev.apigwmcp.generator.TargetConfig;
import dev.apigwmcp.generator.ToolFilter;
import dev.apigwmcp.generator.ToolOverride;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    private static final byte[] EXPORT = "{\"openapi\":\"3.0.1\"}".getBytes(StandardCharsets.UTF_8);

    private static TargetConfig base() {
        return new TargetConfig("petstore", Path.of("/work/a/petstore.json"), "src/petstore.json",
                List.of(new ToolFilter("/pets/*", List.of("GET"))),
                List.of(new ToolOverride("/pets/{id}", "GET", "getPet", "Fetch.")),
                AuthMode.FROM_EXPORT, true, 0, null);
    }

    private static Fingerprint of(TargetConfig config, byte[] export, String version) {
        return Fingerprint.of(version, List.of(config), List.of(export));
    }

    @Test
    void sameInputsGiveTheSameFingerprint() {
        assertThat(of(base(), EXPORT, "1.0")).isEqualTo(of(base(), EXPORT.clone(), "1.0"));
        assertThat(of(base(), EXPORT, "1.0").hex()).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void movingTheCheckoutDoesNotChangeIt() {
        TargetConfig moved = new TargetConfig("petstore", Path.of("/elsewhere/petstore.json"), "src/petstore.json",
                base().toolFilters(), base().toolOverrides(), AuthMode.FROM_EXPORT, true, 0, null);

        assertThat(of(moved, EXPORT, "1.0")).isEqualTo(of(base(), EXPORT, "1.0"));
    }

    static Stream<Arguments> changes() {
        TargetConfig b = base();
        return Stream.<Arguments>of(
                Arguments.of("name", (UnaryOperator<TargetConfig>) c -> new TargetConfig("pets", c.exportFile(),
                        c.displayFile(), c.toolFilters(), c.toolOverrides(), c.auth(), true, 0, null)),
                Arguments.of("file", (UnaryOperator<TargetConfig>) c -> new TargetConfig(c.name(), c.exportFile(),
                        "src/other.json", c.toolFilters(), c.toolOverrides(), c.auth(), true, 0, null)),
                Arguments.of("filter method", (UnaryOperator<TargetConfig>) c -> c.withFilters(
                        List.of(new ToolFilter("/pets/*", List.of("POST"))))),
                Arguments.of("filter removed", (UnaryOperator<TargetConfig>) c -> c.withFilters(List.of())),
                Arguments.of("override description", (UnaryOperator<TargetConfig>) c -> c.withOverrides(
                        List.of(new ToolOverride("/pets/{id}", "GET", "getPet", "Other.")))),
                Arguments.of("override without description", (UnaryOperator<TargetConfig>) c -> c.withOverrides(
                        List.of(new ToolOverride("/pets/{id}", "GET", "getPet", null)))),
                Arguments.of("auth", (UnaryOperator<TargetConfig>) c -> new TargetConfig(c.name(), c.exportFile(),
                        c.displayFile(), c.toolFilters(), c.toolOverrides(), AuthMode.IAM, true, 0, null)),
                Arguments.of("prefix", (UnaryOperator<TargetConfig>) c -> new TargetConfig(c.name(), c.exportFile(),
                        c.displayFile(), c.toolFilters(), c.toolOverrides(), c.auth(), false, 0, null)),
                Arguments.of("cap", (UnaryOperator<TargetConfig>) c -> new TargetConfig(c.name(), c.exportFile(),
                        c.displayFile(), c.toolFilters(), c.toolOverrides(), c.auth(), true, 80, null)),
                Arguments.of("package", (UnaryOperator<TargetConfig>) c -> new TargetConfig(c.name(), c.exportFile(),
                        c.displayFile(), c.toolFilters(), c.toolOverrides(), c.auth(), true, 0, "com.x")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void anyConfigurationChangeChangesIt(String what, UnaryOperator<TargetConfig> change) {
        assertThat(of(change.apply(base()), EXPORT, "1.0")).isNotEqualTo(of(base(), EXPORT, "1.0"));
    }

    @Test
    void exportBytesAndPluginVersionChangeIt() {
        byte[] other = "{\"openapi\":\"3.0.2\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(of(base(), other, "1.0")).isNotEqualTo(of(base(), EXPORT, "1.0"));
        assertThat(of(base(), EXPORT, "1.1")).isNotEqualTo(of(base(), EXPORT, "1.0"));
    }
}
