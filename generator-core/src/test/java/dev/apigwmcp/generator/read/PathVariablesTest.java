package dev.apigwmcp.generator.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.generator.model.ApiModel;
import dev.apigwmcp.generator.model.ApiOperation;
import dev.apigwmcp.generator.model.ApiParameter;
import dev.apigwmcp.generator.model.ParameterLocation;
import dev.apigwmcp.generator.problem.ProblemCollector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every variable of a path template is a required string parameter, declared or not (API Gateway's meaning). */
class PathVariablesTest {

    @TempDir
    Path dir;

    private final ProblemCollector problems = new ProblemCollector("api", "api.json");

    private ApiOperation only(String paths) throws IOException {
        Path file = dir.resolve("api.json");
        Files.writeString(
                file,
                "{\"openapi\":\"3.0.1\",\"info\":{\"title\":\"t\",\"version\":\"1\"},"
                        + "\"servers\":[{\"url\":\"https://h.example\"}],\"paths\":"
                        + paths + "}");
        ApiModel model = new ExportReader().read(file, problems).orElseThrow();
        assertThat(model.operations()).hasSize(1);
        return model.operations().get(0);
    }

    @Test
    void anUndeclaredVariableIsARequiredStringPathParameter() throws IOException {
        ApiOperation operation = only("""
                {"/echo/{data}":{"x-amazon-apigateway-any-method":{"responses":{"200":{"description":"ok"}}}}}""");

        assertThat(operation.parameters()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("data");
            assertThat(p.in()).isEqualTo(ParameterLocation.PATH);
            assertThat(p.required()).isTrue();
            assertThat(p.schema().getType()).isEqualTo("string");
        });
    }

    @Test
    void anUndeclaredVariableIsAWarningAtThePathItem() throws IOException {
        only("""
                {"/echo/{data}":{"get":{"responses":{"200":{"description":"ok"}}}}}""");

        assertThat(problems.warnings())
                .filteredOn(p -> p.message().contains("not declared"))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.pointer()).isEqualTo("/paths/~1echo~1{data}");
                    assertThat(p.message())
                            .contains("GET /echo/{data}")
                            .contains("{data}")
                            .contains("'data'");
                });
    }

    @Test
    void anUndeclaredGreedyVariableIsNamedWithoutThePlus() throws IOException {
        ApiOperation operation = only("""
                {"/files/{proxy+}":{"get":{"responses":{"200":{"description":"ok"}}}}}""");

        assertThat(operation.parameters()).extracting(ApiParameter::name).containsExactly("proxy");
    }

    @Test
    void aDeclaredGreedyParameterWithThePlusIsNamedWithoutIt() throws IOException {
        ApiOperation operation = only("""
                {"/files/{proxy+}":{"get":{"parameters":[{"name":"proxy+","in":"path","required":true,
                  "description":"the rest","schema":{"type":"string"}}],"responses":{"200":{"description":"ok"}}}}}""");

        assertThat(operation.parameters()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("proxy");
            assertThat(p.description()).isEqualTo("the rest");
        });
        assertThat(problems.warnings()).noneMatch(p -> p.message().contains("not declared"));
    }

    @Test
    void declaredVariablesAreKeptAsDeclaredWithoutAWarning() throws IOException {
        ApiOperation operation = only("""
                {"/pets/{petId}":{"parameters":[{"name":"petId","in":"path","required":true,
                  "schema":{"type":"integer"}}],"get":{"responses":{"200":{"description":"ok"}}}}}""");

        assertThat(operation.parameters())
                .singleElement()
                .satisfies(p -> assertThat(p.schema().getType()).isEqualTo("integer"));
        assertThat(problems.warnings()).isEmpty();
    }

    @Test
    void aQueryParameterOfTheSameNameDoesNotDeclareTheVariable() throws IOException {
        ApiOperation operation = only("""
                {"/items/{id}":{"get":{"parameters":[{"name":"id","in":"query","schema":{"type":"string"}}],
                  "responses":{"200":{"description":"ok"}}}}}""");

        assertThat(operation.parameters())
                .extracting(ApiParameter::in)
                .containsExactly(ParameterLocation.QUERY, ParameterLocation.PATH);
    }
}
