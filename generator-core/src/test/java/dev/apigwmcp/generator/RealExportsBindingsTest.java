package dev.apigwmcp.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bindings generated for real API Gateway definitions (read in place from {@code ../shared/specs/real/}) carry
 * the server URL, the credentials and the place of the bearer token that each export describes.
 */
class RealExportsBindingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static GenerationResult generate(String name) {
        return Generator.generate(new GeneratorConfig(List.of(TargetConfig.of("t", TestSpecs.real(name)))));
    }

    private static JsonNode bindings(GenerationResult result) throws IOException {
        assertThat(result.errors()).isEmpty();
        return JSON.readTree(result.files().stream()
                .filter(f -> f.relativePath().endsWith("/bindings.json"))
                .findFirst()
                .orElseThrow()
                .text());
    }

    private static JsonNode tool(JsonNode bindings, String name) {
        for (JsonNode tool : bindings.path("tools")) {
            if (tool.path("name").asText().equals(name)) {
                return tool;
            }
        }
        throw new AssertionError("no tool " + name + " in " + bindings.path("tools"));
    }

    @Test
    void theGetExportStageVariableGivesOneSlash() throws IOException {
        JsonNode bindings = bindings(generate("awsdocs-binary-image-lambda.oas30.json"));

        assertThat(bindings.path("server").path("url").asText())
                .isEqualTo("https://abcdefghi.execute-api.us-east-1.amazonaws.com/v1");
    }

    @Test
    void theDeveloperGuidesAuthExtensionExampleIsSignedWithSigV4() throws IOException {
        JsonNode bindings = bindings(generate("awsdocs-auth-extension-example.json"));

        JsonNode tool = tool(bindings, "t___get_protected-by-iam");
        assertThat(tool.path("auth").toString()).isEqualTo("[\"SIGV4\"]");
        assertThat(tool.has("token")).isFalse();
    }

    @Test
    void anExportWithoutServerHasNoServerUrlAndAWarningNamingTheSetting() throws IOException {
        GenerationResult result = generate("awsdocs-auth-extension-example.json");

        assertThat(bindings(result).path("server").path("url").isNull()).isTrue();
        assertThat(result.warnings()).anySatisfy(p -> {
            assertThat(p.pointer()).isEqualTo("/servers");
            assertThat(p.message()).contains("--target.t.base-url");
        });
    }

    @Test
    void cognitoToolsSendTheRawTokenInTheSchemesHeader() throws IOException {
        JsonNode bindings = bindings(generate("ls-cognito-auth.openapi.json"));

        assertThat(bindings.path("tools")).hasSize(4).allSatisfy(tool -> {
            assertThat(tool.path("auth").toString()).isEqualTo("[\"BEARER\"]");
            assertThat(tool.path("token").toString())
                    .isEqualTo("{\"in\":\"header\",\"name\":\"TestHeaderAuth\",\"prefix\":\"\"}");
        });
    }

    @Test
    void aRequestAuthorizerGetsTheTokenInItsIdentitySourceHeader() throws IOException {
        JsonNode bindings = bindings(generate("ls-global-auth.openapi.json"));

        assertThat(bindings.path("tools")).hasSize(2).allSatisfy(tool -> {
            // x-amazon-apigateway-api-key-source AUTHORIZER: the authorizer supplies the key, the client sends none.
            assertThat(tool.path("auth").toString()).isEqualTo("[\"BEARER\"]");
            assertThat(tool.path("token").toString())
                    .isEqualTo("{\"in\":\"header\",\"name\":\"Custom-Authorization\",\"prefix\":\"\"}");
        });
        assertThat(tool(bindings, "t___any_echo_data").path("arguments").toString())
                .contains("{\"name\":\"data\",\"in\":\"path\",\"parameter\":\"data\",\"required\":true}");
    }

    @Test
    void aTokenAuthorizerWhoseExpressionNoJwtMatchesGetsItsCustomTokenRawWithAWarning() throws IOException {
        GenerationResult result = generate("ls-petstore-authorizer.swagger.json");
        JsonNode bindings = bindings(result);

        assertThat(bindings.path("tools"))
                .extracting(t -> t.path("name").asText())
                .containsExactlyInAnyOrder("t___CreatePet", "t___GetPet", "t___get_root", "t___get_pets");
        assertThat(tool(bindings, "t___get_pets").path("token").toString())
                .isEqualTo("{\"in\":\"header\",\"name\":\"Authorization\",\"prefix\":\"\"}");
        assertThat(result.warnings())
                .filteredOn(p -> p.message().contains("must issue tokens that match it"))
                .hasSize(2)
                .allSatisfy(p -> assertThat(p.pointer())
                        .isEqualTo("/securityDefinitions/test-authorizer"
                                + "/x-amazon-apigateway-authorizer/identityValidationExpression"));
    }

    @Test
    void aTokenAuthorizerWithoutExpressionSendsBearerInAuthorizationBesideTheKey() throws IOException {
        JsonNode tool = tool(bindings(generate("ls-pulumi.swagger.json")), "t___get_just_do_it");

        assertThat(tool.path("auth").toString()).isEqualTo("[\"API_KEY\",\"BEARER\"]");
        assertThat(tool.path("token").toString())
                .isEqualTo("{\"in\":\"header\",\"name\":\"Authorization\",\"prefix\":\"Bearer \"}");
    }

    @Test
    void anHttpApiJwtAuthorizerSendsBearerInAuthorization() throws IOException {
        JsonNode bindings = bindings(generate("tf-tdr-keycloak-users-httpapi.oas30.json"));

        assertThat(bindings.path("tools"))
                .isNotEmpty()
                .allSatisfy(tool -> assertThat(tool.path("token").toString())
                        .isEqualTo("{\"in\":\"header\",\"name\":\"Authorization\",\"prefix\":\"Bearer \"}"));
    }

    @Test
    void toolsWithoutBearerHaveNoTokenMember() throws IOException {
        JsonNode bindings = bindings(generate("smithy-apikey-inherited-auth.json"));

        assertThat(bindings.path("tools"))
                .isNotEmpty()
                .allSatisfy(tool -> assertThat(tool.has("token")).isFalse());
    }
}
