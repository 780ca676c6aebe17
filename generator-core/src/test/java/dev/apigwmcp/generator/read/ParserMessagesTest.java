package dev.apigwmcp.generator.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.generator.Problem;
import dev.apigwmcp.generator.problem.ProblemCollector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which swagger-parser messages reach the user, and where they are located. */
class ParserMessagesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "attribute paths.'/protected-by-iam'(get).responses is missing",
                "attribute paths.'/just_do_it'(get).responses.responses is missing",
                "attribute paths.'/validation'(get).responses.200.description is missing",
                "attribute info is missing",
                "attribute info.title is missing",
                "attribute info.version is missing",
                "attribute paths.'/{proxy+}'. Declared path parameter proxy+ needs to be defined as a path parameter in"
                        + " path or operation level",
                "attribute paths.'/orders'(get).operationId is repeated"
            })
    void messagesAboutWhatNoToolNeedsAreLeftOut(String message) {
        assertThat(ParserMessages.reported(message)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "attribute paths.'/a'(post).unknownKey is unexpected",
                "attribute paths.'/a'(get).[q].type is missing",
                "attribute paths is missing",
                "attribute definitions.Pet.type is not of type `string`"
            })
    void otherMessagesAreKept(String message) {
        assertThat(ParserMessages.reported(message)).isTrue();
    }

    @Test
    void aMessageIsLocatedAtTheOperationItNames() {
        assertThat(ParserMessages.pointer("attribute paths.'/a/{b}'(post).[q].type is missing"))
                .isEqualTo("/paths/~1a~1{b}/post");
        assertThat(ParserMessages.pointer("attribute paths.'/a'. Something")).isEqualTo("/paths/~1a");
        assertThat(ParserMessages.pointer("attribute definitions.Pet.type is not of type `string`"))
                .isEmpty();
    }

    @Test
    void aSwagger2ExportAsApiGatewayWritesItRaisesNoParserWarning() throws IOException {
        // A greedy resource whose variable is declared as 'proxy', operations without responses or with responses
        // without descriptions, a parameter without type: all usual in API Gateway exports.
        ProblemCollector problems = read("""
                {"swagger": "2.0", "info": {"title": "t", "version": "1"},
                 "paths": {
                  "/{proxy+}": {
                    "get": {"parameters": [{"name": "proxy", "in": "path", "required": true, "type": "string"}]},
                    "x-amazon-apigateway-any-method": {
                      "parameters": [{"name": "proxy", "in": "path", "required": true, "type": "string"}],
                      "responses": {"200": {"schema": {"type": "object"}}}}},
                  "/q": {"get": {"parameters": [{"name": "q", "in": "query"}], "responses": {}}}}}
                """);

        assertThat(problems.warnings())
                .filteredOn(p -> p.message().startsWith("swagger-parser"))
                .isEmpty();
        assertThat(problems.errors()).isEmpty();
    }

    @Test
    void aMessageWorthReadingIsKeptAndLocatedInTheFile() throws IOException {
        ProblemCollector problems = read("""
                {"swagger": "2.0", "info": {"title": "t", "version": "1"},
                 "paths": {"/a": {"post": {"responses": {"200": {"description": "ok"}}, "unknownKey": 1}}}}
                """);

        assertThat(problems.warnings())
                .filteredOn(p -> p.message().startsWith("swagger-parser"))
                .singleElement()
                .extracting(Problem::pointer, Problem::message)
                .containsExactly(
                        "/paths/~1a/post", "swagger-parser: attribute paths.'/a'(post).unknownKey is" + " unexpected");
    }

    @Test
    void aParserMessageAboutAnAnyMethodNamesTheExtensionNotItsSlot() throws IOException {
        ProblemCollector problems = read("""
                {"swagger": "2.0", "info": {"title": "t", "version": "1"},
                 "paths": {"/a": {"x-amazon-apigateway-any-method": {"unknownKey": 1,
                   "responses": {"200": {"description": "ok"}}}}}}
                """);

        assertThat(problems.warnings())
                .filteredOn(p -> p.message().startsWith("swagger-parser"))
                .singleElement()
                .extracting(Problem::pointer, Problem::message)
                .containsExactly(
                        "/paths/~1a/x-amazon-apigateway-any-method",
                        "swagger-parser: attribute"
                                + " paths.'/a'(x-amazon-apigateway-any-method).unknownKey is unexpected");
    }

    private ProblemCollector read(String json) throws IOException {
        Path file = dir.resolve("api.json");
        Files.writeString(file, json);
        ProblemCollector problems = new ProblemCollector("t", "api.json");
        new ExportReader().read(file, problems);
        return problems;
    }
}
