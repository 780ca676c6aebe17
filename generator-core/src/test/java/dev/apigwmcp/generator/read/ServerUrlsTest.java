package dev.apigwmcp.generator.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigwmcp.generator.Problem;
import dev.apigwmcp.generator.TestSpecs;
import dev.apigwmcp.generator.model.ApiModel.SpecFormat;
import dev.apigwmcp.generator.problem.ProblemCollector;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The base URL shapes real exports have, each with the warning (or none) that goes with it. */
class ServerUrlsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProblemCollector problems = new ProblemCollector("api", "api.json");

    private String openApi(String servers) throws IOException {
        return ServerUrls.read(
                JSON.readTree("{\"openapi\":\"3.0.1\"" + servers + "}"), SpecFormat.OPENAPI_3_0, problems);
    }

    private String swagger2(String members) throws IOException {
        return ServerUrls.read(JSON.readTree("{\"swagger\":\"2.0\"" + members + "}"), SpecFormat.SWAGGER_2_0, problems);
    }

    @Test
    void getExportStageVariableWithALeadingSlashJoinsWithOneSlash() throws IOException {
        assertThat(openApi("""
                ,"servers":[{"url":"https://abc.execute-api.us-east-1.amazonaws.com/{basePath}",
                  "variables":{"basePath":{"default":"/v1"}}}]""")).isEqualTo("https://abc.execute-api.us-east-1.amazonaws.com/v1");
        assertThat(problems.warnings()).isEmpty();
    }

    @Test
    void theDeveloperGuidesBinaryExportGetsOneSlash() throws IOException {
        JsonNode root = JSON.readTree(
                TestSpecs.real("awsdocs-binary-image-lambda.oas30.json").toFile());
        assertThat(ServerUrls.read(root, SpecFormat.OPENAPI_3_0, problems))
                .isEqualTo("https://abcdefghi.execute-api.us-east-1.amazonaws.com/v1");
    }

    @Test
    void aStageVariableWithoutASlashJoinsWithOne() throws IOException {
        assertThat(openApi("""
                ,"servers":[{"url":"https://abc.execute-api.eu-west-1.amazonaws.com/{basePath}",
                  "variables":{"basePath":{"default":"prod"}}}]""")).isEqualTo("https://abc.execute-api.eu-west-1.amazonaws.com/prod");
    }

    @Test
    void variablesInTheHostAreFilledWithoutSlashes() throws IOException {
        assertThat(openApi("""
                ,"servers":[{"url":"https://{api}.execute-api.{region}.amazonaws.com/{stage}/",
                  "variables":{"api":{"default":"abc"},"region":{"default":"us-west-2"},
                    "stage":{"default":"/test/"}}}]""")).isEqualTo("https://abc.execute-api.us-west-2.amazonaws.com/test");
    }

    @Test
    void aTrailingSlashIsDropped() throws IOException {
        assertThat(openApi(",\"servers\":[{\"url\":\"https://api.example.com/v2/\"}]"))
                .isEqualTo("https://api.example.com/v2");
        assertThat(openApi(",\"servers\":[{\"url\":\"https://api.example.com/\"}]"))
                .isEqualTo("https://api.example.com");
    }

    @Test
    void swagger2HostAndBasePathJoinWithOneSlash() throws IOException {
        assertThat(swagger2(",\"host\":\"abc.execute-api.us-east-1.amazonaws.com\",\"basePath\":\"/test\","
                        + "\"schemes\":[\"https\"]"))
                .isEqualTo("https://abc.execute-api.us-east-1.amazonaws.com/test");
        assertThat(problems.warnings()).isEmpty();
    }

    @Test
    void swagger2RootBasePathLeavesNoTrailingSlash() throws IOException {
        assertThat(swagger2(",\"host\":\"h.example\",\"basePath\":\"/\",\"schemes\":[\"https\"]"))
                .isEqualTo("https://h.example");
    }

    @Test
    void swagger2WithoutBasePathIsTheHost() throws IOException {
        assertThat(swagger2(",\"host\":\"h.example\"")).isEqualTo("https://h.example");
    }

    @Test
    void swagger2PrefersHttpsAmongSeveralSchemes() throws IOException {
        assertThat(swagger2(",\"host\":\"h.example\",\"schemes\":[\"http\",\"https\"]"))
                .isEqualTo("https://h.example");
    }

    @Test
    void noServersIsNullWithAWarningNamingTheSetting() throws IOException {
        assertThat(openApi("")).isNull();
        assertThat(problems.warnings()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/servers");
            assertThat(p.message()).contains("--target.api.base-url");
        });
    }

    @Test
    void aRelativeServerKeepsItsPathWithAWarning() throws IOException {
        assertThat(openApi(",\"servers\":[{\"url\":\"/v1/\"}]")).isEqualTo("/v1");
        assertThat(problems.warnings()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/servers/0/url");
            assertThat(p.message()).contains("--target.api.base-url").contains("'/v1'");
        });
    }

    @Test
    void aRelativeRootServerIsNull() throws IOException {
        assertThat(openApi(",\"servers\":[{\"url\":\"/\"}]")).isNull();
        assertThat(problems.warnings())
                .extracting(Problem::message)
                .singleElement()
                .asString()
                .contains("--target.api.base-url");
    }

    @Test
    void swagger2WithoutHostKeepsTheBasePathWithAWarningAtHost() throws IOException {
        assertThat(swagger2(",\"basePath\":\"/v1\"")).isEqualTo("/v1");
        assertThat(problems.warnings()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/host");
            assertThat(p.message()).contains("--target.api.base-url").contains("'/v1'");
        });
    }

    @Test
    void swagger2WithNeitherHostNorBasePathIsNull() throws IOException {
        assertThat(swagger2("")).isNull();
        assertThat(problems.warnings())
                .singleElement()
                .satisfies(p -> assertThat(p.pointer()).isEqualTo("/host"));
    }

    @Test
    void aPlaceholderInTheHostKeepsTheBasePath() throws IOException {
        // The developer guide's S3 proxy export: a literal {region} that Swagger 2.0 has no way to fill.
        assertThat(swagger2(",\"host\":\"9gn28ca086.execute-api.{region}.amazonaws.com\",\"basePath\":\"/S3\","
                        + "\"schemes\":[\"https\"]"))
                .isEqualTo("/S3");
        assertThat(problems.warnings()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/host");
            assertThat(p.message()).contains("placeholder").contains("--target.api.base-url");
        });
    }

    @Test
    void aPathVariableWithoutDefaultIsNullWithAWarning() throws IOException {
        assertThat(openApi(",\"servers\":[{\"url\":\"https://h.example/{stage}\"}]"))
                .isNull();
        assertThat(problems.warnings()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/servers/0/url");
            assertThat(p.message()).contains("no default").contains("--target.api.base-url");
        });
    }
}
