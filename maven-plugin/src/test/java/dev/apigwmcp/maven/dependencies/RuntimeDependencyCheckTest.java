package dev.apigwmcp.maven.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuntimeDependencyCheckTest {

    private final RuntimeDependencyCheck check = new RuntimeDependencyCheck("1.2.0");

    @Test
    void aMissingRuntimeFailsInOneLineNamingTheDependencyToAdd() {
        RuntimeDependencyCheck.Finding finding =
                check.check(List.of(new RuntimeDependencyCheck.Dependency("com.example", "other", "1.0", "compile")));

        assertThat(finding.failure())
                .hasValueSatisfying(line -> assertThat(line)
                        .contains("add the dependency dev.apigwmcp:apigw-mcp-runtime:1.2.0")
                        .doesNotContain("\n"));
    }

    @Test
    void aCompileScopeRuntimeOfThePluginsVersionPassesSilently() {
        RuntimeDependencyCheck.Finding finding = check.check(List.of(
                new RuntimeDependencyCheck.Dependency("dev.apigwmcp", "apigw-mcp-runtime", "1.2.0", "compile")));

        assertThat(finding.failure()).isEmpty();
        assertThat(finding.warning()).isEmpty();
    }

    @Test
    void aProvidedRuntimeIsOnTheCompileClasspathToo() {
        RuntimeDependencyCheck.Finding finding = check.check(List.of(
                new RuntimeDependencyCheck.Dependency("dev.apigwmcp", "apigw-mcp-runtime", "1.2.0", "provided")));

        assertThat(finding.failure()).isEmpty();
    }

    @Test
    void aTestScopeRuntimeFailsNamingItsScope() {
        RuntimeDependencyCheck.Finding finding = check.check(
                List.of(new RuntimeDependencyCheck.Dependency("dev.apigwmcp", "apigw-mcp-runtime", "1.2.0", "test")));

        assertThat(finding.failure())
                .hasValueSatisfying(line ->
                        assertThat(line).contains("in scope test").contains("make it a compile-scope dependency"));
    }

    @Test
    void aRuntimeOfAnotherVersionIsAWarning() {
        RuntimeDependencyCheck.Finding finding = check.check(List.of(
                new RuntimeDependencyCheck.Dependency("dev.apigwmcp", "apigw-mcp-runtime", "1.1.0", "compile")));

        assertThat(finding.failure()).isEmpty();
        assertThat(finding.warning())
                .hasValueSatisfying(line ->
                        assertThat(line).contains("apigw-mcp-runtime:1.1.0").contains("the plugin is 1.2.0"));
    }
}
