package dev.apigwmcp.generator.select;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.generator.TargetConfig;
import dev.apigwmcp.generator.TestSpecs;
import dev.apigwmcp.generator.ToolFilter;
import dev.apigwmcp.generator.model.ApiModel;
import dev.apigwmcp.generator.model.HttpMethod;
import dev.apigwmcp.generator.problem.ProblemCollector;
import dev.apigwmcp.generator.read.ExportReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** AgentCore's filter semantics, checked on the real PetStore export. */
class ToolSelectorTest {

    private static final ApiModel PETSTORE = new ExportReader()
            .read(TestSpecs.petstore(), new ProblemCollector("petstore", "petstore.json"))
            .orElseThrow();

    private static List<String> select(ToolFilter... filters) {
        ProblemCollector problems = new ProblemCollector("petstore", "petstore.json");
        Selection selection = new ToolSelector()
                .select(
                        TargetConfig.of("petstore", TestSpecs.petstore()).withFilters(List.of(filters)),
                        PETSTORE,
                        problems);
        return selection.selected().stream().map(s -> s.operation().label()).toList();
    }

    @Test
    void wildcardSelectsEveryResourceStrictlyBelowThePrefixButNotThePrefix() {
        assertThat(select(new ToolFilter("/pets/*", List.of("GET"))))
                .containsExactly("GET /pets/{petId}", "GET /pets/{petId}/photos");
    }

    @Test
    void explicitPathSelectsThatResourceOnly() {
        assertThat(select(new ToolFilter("/pets/{petId}", List.of("GET", "DELETE"))))
                .containsExactly("GET /pets/{petId}", "DELETE /pets/{petId}");
    }

    @Test
    void rootWildcardSelectsEverythingButTheRootResource(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path export = dir.resolve("rooted.json");
        java.nio.file.Files.writeString(export, """
                {"openapi":"3.0.1","info":{"title":"t","version":"1"},"paths":{
                 "/":{"get":{"responses":{"200":{"description":"ok"}}}},
                 "/a":{"get":{"responses":{"200":{"description":"ok"}}}},
                 "/a/{id}":{"get":{"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],
                   "responses":{"200":{"description":"ok"}}}}}}
                """);
        ProblemCollector problems = new ProblemCollector("t", "rooted.json");
        ApiModel model = new ExportReader().read(export, problems).orElseThrow();
        Selection selection = new ToolSelector()
                .select(
                        TargetConfig.of("t", export).withFilters(List.of(new ToolFilter("/*", List.of("GET")))),
                        model,
                        problems);

        assertThat(model.operations()).extracting(o -> o.label()).contains("GET /");
        assertThat(selection.selected())
                .extracting(s -> s.operation().label())
                .containsExactly("GET /a", "GET /a/{id}");
    }

    @Test
    void rootWildcardSelectsEverythingButRootAndOptionsStayOutUnlessNamed() {
        assertThat(select(new ToolFilter("/*", List.of("GET"))))
                .containsExactly(
                        "GET /pets",
                        "GET /pets/{petId}",
                        "GET /pets/{petId}/photos",
                        "GET /store/inventory",
                        "ANY /admin/{proxy+}",
                        "GET /health");
        assertThat(select(new ToolFilter("/pets", List.of("OPTIONS")))).containsExactly("OPTIONS /pets");
    }

    @Test
    void developerGuideExampleExplicitPlusRootWildcard() {
        // "/pets/{petId}" GET plus "/*" GET gives GET /pets/{petId} and GET /pets, never GET /.
        assertThat(select(new ToolFilter("/pets/{petId}", List.of("GET")), new ToolFilter("/*", List.of("GET"))))
                .contains("GET /pets/{petId}", "GET /pets")
                .doesNotContain("GET /");
    }

    @Test
    void overlappingFiltersSelectEachOperationOnce() {
        assertThat(select(new ToolFilter("/pets/*", List.of("GET")), new ToolFilter("/pets/{petId}", List.of("GET"))))
                .containsExactly("GET /pets/{petId}", "GET /pets/{petId}/photos");
    }

    @Test
    void anyMethodToolGetsTheMethodsTheFiltersName() {
        ProblemCollector problems = new ProblemCollector("petstore", "petstore.json");
        Selection selection = new ToolSelector()
                .select(
                        TargetConfig.of("petstore", TestSpecs.petstore())
                                .withFilters(List.of(new ToolFilter("/admin/*", List.of("GET", "DELETE", "OPTIONS")))),
                        PETSTORE,
                        problems);
        assertThat(selection.selected())
                .singleElement()
                .satisfies(s -> assertThat(s.anyMethods()).containsExactly(HttpMethod.GET, HttpMethod.DELETE));
    }

    @Test
    void noFiltersExposeEverythingButCorsOptionsAndSaySoInANoteNotAWarning() {
        ProblemCollector problems = new ProblemCollector("petstore", "petstore.json");
        Selection selection =
                new ToolSelector().select(TargetConfig.of("petstore", TestSpecs.petstore()), PETSTORE, problems);
        assertThat(selection.selected()).hasSize(8);
        assertThat(selection.filteredOut()).isEqualTo(1);
        assertThat(problems.warnings()).isEmpty();
        assertThat(problems.notes())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("every operation except CORS OPTIONS"));
    }

    @ParameterizedTest
    @CsvSource({"/pets/*, GET, 2", "/pets, GET, 1", "/pets/{petId}/*, GET, 1", "/store/*, GET, 1", "/*, POST, 2"})
    void filterCounts(String path, String method, int expected) {
        assertThat(select(new ToolFilter(path, List.of(method)))).hasSize(expected);
    }
}
