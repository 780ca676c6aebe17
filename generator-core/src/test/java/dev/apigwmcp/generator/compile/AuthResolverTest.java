package dev.apigwmcp.generator.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.generator.AuthMode;
import dev.apigwmcp.generator.TargetConfig;
import dev.apigwmcp.generator.model.ApiModel;
import dev.apigwmcp.generator.model.ApiOperation;
import dev.apigwmcp.generator.model.AuthKind;
import dev.apigwmcp.generator.problem.ProblemCollector;
import dev.apigwmcp.generator.read.ExportReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each export is the smallest that shows one rule: one operation, its security and the schemes it names. */
class AuthResolverTest {

    private static final String IAM_SCHEME = """
            "sigv4":{"type":"apiKey","name":"Authorization","in":"header","x-amazon-apigateway-authtype":"awsSigv4"}""";
    private static final String KEY_SCHEME = """
            "api_key":{"type":"apiKey","name":"x-api-key","in":"header"}""";
    private static final String COGNITO_SCHEME = """
            "pool":{"type":"apiKey","name":"TestHeaderAuth","in":"header",
              "x-amazon-apigateway-authtype":"cognito_user_pools",
              "x-amazon-apigateway-authorizer":{"type":"cognito_user_pools","providerARNs":["arn"]}}""";
    private static final String BASIC_SCHEME = """
            "basic":{"type":"http","scheme":"basic"}""";
    private static final String OAUTH_SCHEME = """
            "oauth":{"type":"oauth2","flows":{"clientCredentials":{"tokenUrl":"https://id.example/token","scopes":{}}}}""";

    @TempDir
    Path dir;

    private final ProblemCollector problems = new ProblemCollector("api", "api.json");

    /** The one operation {@code GET /a} with {@code operation} members, under {@code root} members. */
    private Optional<ToolAuth> resolve(String root, String operation, String schemes) throws IOException {
        return resolve(root, operation, schemes, AuthMode.FROM_EXPORT);
    }

    private Optional<ToolAuth> resolve(String root, String operation, String schemes, AuthMode mode)
            throws IOException {
        Path file = dir.resolve("api.json");
        Files.writeString(
                file,
                "{\"openapi\":\"3.0.1\",\"info\":{\"title\":\"t\",\"version\":\"1\"},"
                        + "\"servers\":[{\"url\":\"https://h.example\"}]," + root
                        + "\"components\":{\"securitySchemes\":{" + schemes + "}},"
                        + "\"paths\":{\"/a\":{\"get\":{" + operation
                        + "\"responses\":{\"200\":{\"description\":\"ok\"}}}}}}");
        ApiModel model = new ExportReader().read(file, problems).orElseThrow();
        ApiOperation only = model.operations().get(0);
        return new AuthResolver(
                        model, TargetConfig.builder("api", file).auth(mode).build())
                .resolve(only, problems);
    }

    @Test
    void theAuthExtensionsAwsIamIsSigV4() throws IOException {
        assertThat(resolve("", "\"x-amazon-apigateway-auth\":{\"type\":\"AWS_IAM\"},", ""))
                .contains(ToolAuth.of(AuthKind.SIGV4));
    }

    @Test
    void theAuthExtensionsTypeIsReadInAnyCase() throws IOException {
        assertThat(resolve("", "\"x-amazon-apigateway-auth\":{\"type\":\"aws_iam\"},", ""))
                .contains(ToolAuth.of(AuthKind.SIGV4));
    }

    @Test
    void awsIamWithTheApiKeyFlagIsSigV4AndTheKey() throws IOException {
        assertThat(resolve("", """
                "x-amazon-apigateway-auth":{"type":"AWS_IAM"},"security":[{"api_key":[]}],""", KEY_SCHEME)).contains(ToolAuth.of(AuthKind.SIGV4, AuthKind.API_KEY));
    }

    @Test
    void noneWithTheApiKeyFlagIsTheKeyAlone() throws IOException {
        assertThat(resolve("", """
                "x-amazon-apigateway-auth":{"type":"none"},"security":[{"api_key":[]}],""", KEY_SCHEME)).contains(ToolAuth.of(AuthKind.API_KEY));
    }

    @Test
    void noneOverridesTheDocumentsAuthorizer() throws IOException {
        assertThat(resolve(
                        "\"security\":[{\"pool\":[]}],",
                        "\"x-amazon-apigateway-auth\":{\"type\":\"NONE\"},",
                        COGNITO_SCHEME))
                .contains(ToolAuth.of());
    }

    @Test
    void anOverriddenAuthorizerIsAWarningNamingIt() throws IOException {
        resolve("\"security\":[{\"pool\":[]}],", "\"x-amazon-apigateway-auth\":{\"type\":\"NONE\"},", COGNITO_SCHEME);

        assertThat(problems.warnings()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/paths/~1a/get/x-amazon-apigateway-auth");
            assertThat(p.message()).contains("'pool'").contains("one authorization type");
        });
    }

    @Test
    void awsIamWithTheSigV4SchemeSaysNothingMore() throws IOException {
        assertThat(resolve("", """
                "x-amazon-apigateway-auth":{"type":"AWS_IAM"},"security":[{"sigv4":[]}],""", IAM_SCHEME)).contains(ToolAuth.of(AuthKind.SIGV4));
        assertThat(problems.warnings()).isEmpty();
    }

    @Test
    void anUnknownAuthExtensionTypeLeavesTheToolOutWithAWarning() throws IOException {
        assertThat(resolve("", "\"x-amazon-apigateway-auth\":{\"type\":\"COGNITO_USER_POOLS\"},", ""))
                .isEmpty();
        assertThat(problems.warnings()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/paths/~1a/get/x-amazon-apigateway-auth");
            assertThat(p.message())
                    .contains("left out")
                    .contains("'COGNITO_USER_POOLS'")
                    .contains("AWS_IAM, NONE");
        });
    }

    @Test
    void anAuthExtensionWithoutTypeLeavesTheToolOut() throws IOException {
        assertThat(resolve("", "\"x-amazon-apigateway-auth\":{},", "")).isEmpty();
        assertThat(problems.warnings())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("no type"));
    }

    @Test
    void theAuthExtensionOfAnAnyMethodIsRead() throws IOException {
        Path file = dir.resolve("any.json");
        Files.writeString(file, """
                {"openapi":"3.0.1","info":{"title":"t","version":"1"},"servers":[{"url":"https://h.example"}],
                 "paths":{"/a":{"x-amazon-apigateway-any-method":{"x-amazon-apigateway-auth":{"type":"AWS_IAM"},
                   "responses":{"200":{"description":"ok"}}}}}}""");
        ApiModel model = new ExportReader().read(file, problems).orElseThrow();

        assertThat(new AuthResolver(model, TargetConfig.of("api", file))
                        .resolve(model.operations().get(0), problems))
                .contains(ToolAuth.of(AuthKind.SIGV4));
    }

    @Test
    void aBearerToolCarriesWhereItsTokenGoes() throws IOException {
        assertThat(resolve("", "\"security\":[{\"pool\":[]}],", COGNITO_SCHEME))
                .contains(new ToolAuth(List.of(AuthKind.BEARER), new TokenLocation("header", "TestHeaderAuth", "")));
    }

    @Test
    void theBearerWarningSaysWhereTheTokenGoes() throws IOException {
        resolve("", "\"security\":[{\"pool\":[]}],", COGNITO_SCHEME);

        assertThat(problems.warnings())
                .singleElement()
                .satisfies(
                        p -> assertThat(p.message()).contains("oauth2").contains("header `TestHeaderAuth: <token>`"));
    }

    @Test
    void aCustomTokenFormatKeepsTheToolWithAWarningAtTheAuthorizer() throws IOException {
        assertThat(resolve("", "\"security\":[{\"lambda\":[]}],", """
                "lambda":{"type":"apiKey","name":"Authorization","in":"header","x-amazon-apigateway-authtype":"custom",
                  "x-amazon-apigateway-authorizer":{"type":"token","identityValidationExpression":"^x-[a-z]+"}}""")).isPresent();
        assertThat(problems.warnings())
                .filteredOn(p -> p.message().contains("identityValidationExpression"))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.pointer())
                            .isEqualTo("/components/securitySchemes/lambda"
                                    + "/x-amazon-apigateway-authorizer/identityValidationExpression");
                    assertThat(p.message()).startsWith("GET /a: its Lambda authorizer 'lambda' accepts only tokens");
                });
    }

    private static String tokenAuthorizer(String expression) {
        return """
                "lambda":{"type":"apiKey","name":"Authorization","in":"header","x-amazon-apigateway-authtype":"custom",
                  "x-amazon-apigateway-authorizer":{"type":"token","identitySource":"method.request.header.Authorization",
                    "identityValidationExpression":"%s"}}""".formatted(expression);
    }

    @Test
    void aTokenAuthorizerRequiringBasicMakesAnHttpBasicToolWithANoteInsteadOfAWarning() throws IOException {
        assertThat(resolve("", "\"security\":[{\"lambda\":[]}],", tokenAuthorizer("^Basic [A-Za-z0-9+/=]+$")))
                .contains(ToolAuth.of(AuthKind.BASIC));

        assertThat(problems.warnings()).isEmpty();
        assertThat(problems.notes()).singleElement().satisfies(note -> {
            assertThat(note.pointer())
                    .isEqualTo("/components/securitySchemes/lambda"
                            + "/x-amazon-apigateway-authorizer/identityValidationExpression");
            assertThat(note.message())
                    .startsWith("Lambda authorizer 'lambda' accepts only HTTP basic credentials")
                    .contains("target.api.basic-username-env", "target.api.basic-password-env");
        });
    }

    @Test
    void aTokenAuthorizerRequiringBearerStaysABearerTool() throws IOException {
        assertThat(resolve("", "\"security\":[{\"lambda\":[]}],", tokenAuthorizer("^Bearer [-0-9a-zA-Z\\\\._]*$")))
                .contains(new ToolAuth(
                        List.of(AuthKind.BEARER), new TokenLocation("header", "Authorization", "Bearer ")));
        assertThat(problems.notes()).isEmpty();
    }

    @Test
    void aBasicCheckingAuthorizerWithTheApiKeyFlagSendsBasicAndTheKey() throws IOException {
        assertThat(resolve(
                        "",
                        "\"security\":[{\"lambda\":[],\"api_key\":[]}],",
                        tokenAuthorizer("^[Bb]asic [A-Za-z0-9+/=]+$") + "," + KEY_SCHEME))
                .hasValueSatisfying(
                        auth -> assertThat(auth.kinds()).containsExactlyInAnyOrder(AuthKind.API_KEY, AuthKind.BASIC));
    }

    @Test
    void twoAuthorizersWantingTokensInDifferentPlacesLeaveTheToolOut() throws IOException {
        assertThat(resolve(
                        "",
                        "\"security\":[{\"pool\":[]},{\"lambda\":[]}],",
                        COGNITO_SCHEME + ","
                                + "\"lambda\":{\"type\":\"apiKey\",\"name\":\"Authorization\",\"in\":\"header\","
                                + "\"x-amazon-apigateway-authtype\":\"custom\"}"))
                .isEmpty();
        assertThat(problems.warnings())
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .contains("two places")
                        .contains("TestHeaderAuth")
                        .contains("Authorization"));
    }

    @Test
    void sigV4AndAnAuthorizerTogetherLeaveTheToolOut() throws IOException {
        assertThat(resolve("", "\"security\":[{\"sigv4\":[]},{\"pool\":[]}],", IAM_SCHEME + "," + COGNITO_SCHEME))
                .isEmpty();
        assertThat(problems.warnings())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("left out").contains("one authorization type"));
    }

    @Test
    void aPlainOpenIdConnectSchemeSendsBearerInAuthorization() throws IOException {
        assertThat(resolve("", "\"security\":[{\"oidc\":[]}],", """
                "oidc":{"type":"openIdConnect","openIdConnectUrl":"https://id.example/.well-known/x"}"""))
                .contains(new ToolAuth(
                        List.of(AuthKind.BEARER), new TokenLocation("header", "Authorization", "Bearer ")));
    }

    @Test
    void anHttpBasicSchemeIsBasic() throws IOException {
        assertThat(resolve("", "\"security\":[{\"basic\":[]}],", BASIC_SCHEME)).contains(ToolAuth.of(AuthKind.BASIC));
        assertThat(problems.warnings()).isEmpty();
    }

    @Test
    void theHttpSchemeNameIsReadInAnyCase() throws IOException {
        assertThat(resolve("", "\"security\":[{\"basic\":[]}],", """
                "basic":{"type":"http","scheme":"Basic"}""")).contains(ToolAuth.of(AuthKind.BASIC));
    }

    @Test
    void basicAndTheApiKeyInOneRequirementAreBothSent() throws IOException {
        assertThat(resolve("", "\"security\":[{\"basic\":[],\"api_key\":[]}],", BASIC_SCHEME + "," + KEY_SCHEME))
                .contains(ToolAuth.of(AuthKind.API_KEY, AuthKind.BASIC));
    }

    @Test
    void anotherSupportedAlternativeWinsOverBasicListedBeforeIt() throws IOException {
        assertThat(resolve("", "\"security\":[{\"basic\":[]},{\"api_key\":[]}],", BASIC_SCHEME + "," + KEY_SCHEME))
                .contains(ToolAuth.of(AuthKind.API_KEY));
    }

    @Test
    void basicWinsWhenNoOtherAlternativeCanBeMet() throws IOException {
        assertThat(resolve("", "\"security\":[{\"digest\":[]},{\"basic\":[]}],", """
                "digest":{"type":"http","scheme":"digest"},""" + BASIC_SCHEME))
                .contains(ToolAuth.of(AuthKind.BASIC));
        assertThat(problems.warnings()).isEmpty();
    }

    @Test
    void anHttpSchemeOtherThanBasicOrBearerLeavesTheToolOutNamingBasicAsSupported() throws IOException {
        assertThat(resolve("", "\"security\":[{\"digest\":[]}],", """
                "digest":{"type":"http","scheme":"digest"}""")).isEmpty();
        assertThat(problems.warnings())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("left out").contains("HTTP basic"));
    }

    @Test
    void basicTogetherWithSigV4LeavesTheToolOut() throws IOException {
        assertThat(resolve("", "\"security\":[{\"sigv4\":[]},{\"basic\":[]}],", IAM_SCHEME + "," + BASIC_SCHEME))
                .isEmpty();
        assertThat(problems.warnings()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/paths/~1a/get/security");
            assertThat(p.message()).contains("left out", "HTTP basic together with SigV4", "Authorization header");
        });
    }

    @Test
    void basicTogetherWithABearerTokenInTheAuthorizationHeaderLeavesTheToolOut() throws IOException {
        assertThat(resolve("", "\"security\":[{\"basic\":[],\"oauth\":[]}],", BASIC_SCHEME + "," + OAUTH_SCHEME))
                .isEmpty();
        assertThat(problems.warnings())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("a bearer token in the Authorization header"));
    }

    @Test
    void basicTogetherWithAnApiKeyInTheAuthorizationHeaderLeavesTheToolOut() throws IOException {
        assertThat(resolve(
                        "",
                        "\"security\":[{\"basic\":[],\"token\":[]}],",
                        BASIC_SCHEME + ","
                                + "\"token\":{\"type\":\"apiKey\",\"name\":\"Authorization\",\"in\":\"header\"}"))
                .isEmpty();
        assertThat(problems.warnings())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("API key 'token' in the Authorization header"));
    }

    @Test
    void theBasicAuthModeSendsBasicToEveryOperationWhateverItsSecurity() throws IOException {
        assertThat(resolve("", "\"security\":[{\"api_key\":[]}],", KEY_SCHEME, AuthMode.BASIC))
                .contains(ToolAuth.of(AuthKind.BASIC));
    }
}
