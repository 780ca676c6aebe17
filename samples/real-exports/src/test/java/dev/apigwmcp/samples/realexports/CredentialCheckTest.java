package dev.apigwmcp.samples.realexports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.samples.realexports.ExpectedCredential.ApiKey;
import dev.apigwmcp.samples.realexports.ExpectedCredential.SigV4;
import dev.apigwmcp.samples.realexports.ExpectedCredential.Token;
import dev.apigwmcp.samples.realexports.ExpectedCredential.TokenForm;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialCheckTest {

    private static final TargetCredentials MINE = TargetCredentials.of("mine");
    private static final TargetCredentials OTHER = TargetCredentials.of("other");
    private final CredentialCheck check = new CredentialCheck(MINE, List.of(OTHER), "eu-west-1");

    @Test
    void anIamMethodCalledUnsignedIsAProblem() {
        assertThat(check.problems(request(Map.of(), null, null), List.of(new SigV4())))
                .containsExactly("not SigV4-signed, but the export asks for IAM authorization");
    }

    @Test
    void aSignatureScopedToAnotherRegionIsAProblem() {
        assertThat(check.problems(
                        request(Map.of(), null, new UpstreamExchange.SignatureCheck("us-east-1", null)),
                        List.of(new SigV4())))
                .containsExactly("SigV4 signature scoped to Region us-east-1, expected eu-west-1");
    }

    @Test
    void aBearerPrefixFailsATokenAuthorizersValidationExpression() {
        Token token = Token.header("Authorization", TokenForm.RAW, "^x-[a-z]+");
        assertThat(check.problems(
                        request(Map.of("authorization", "Bearer " + MINE.token()), null, null), List.of(token)))
                .hasSize(2)
                .allSatisfy(problem -> assertThat(problem).contains("'Bearer <token>'"));
    }

    @Test
    void theTokenInAnotherHeaderThanTheAuthorizerReadsIsAProblem() {
        Token token = Token.header("TestHeaderAuth", TokenForm.RAW_OR_BEARER);
        assertThat(check.problems(
                        request(Map.of("authorization", "Bearer " + MINE.token()), null, null), List.of(token)))
                .containsExactly(
                        "no token in header TestHeaderAuth (expected " + token + ")",
                        "this target's token is sent in header authorization, not (only) where the authorizer reads it"
                                + " (" + token + ")");
    }

    @Test
    void aKeyTheExportDoesNotRequireIsAProblem() {
        assertThat(check.problems(request(Map.of("x-api-key", MINE.apiKey()), null, null), List.of()))
                .containsExactly("this target's API key is sent in header x-api-key, but the export requires no key");
    }

    @Test
    void anotherTargetsTokenIsAProblemWherever() {
        assertThat(check.problems(request(Map.of(), "auth=" + OTHER.token(), null), List.of()))
                .containsExactly("target 'other''s token is sent in query auth");
    }

    @Test
    void exactlyTheCredentialsTheExportAsksForPass() {
        Token token = Token.header("Custom-Authorization", TokenForm.RAW_OR_BEARER);
        assertThat(check.problems(
                        request(Map.of("x-api-key", MINE.apiKey(), "custom-authorization", MINE.token()), null, null),
                        List.of(new ApiKey(), token)))
                .isEmpty();
    }

    private static UpstreamExchange request(
            Map<String, String> headers, String query, UpstreamExchange.SignatureCheck signature) {
        Map<String, List<String>> values = new java.util.TreeMap<>();
        headers.forEach((name, value) -> values.put(name, List.of(value)));
        return new UpstreamExchange(1, AnswerShape.JSON_OBJECT, "GET", "/x", query, values, new byte[0], signature);
    }
}
