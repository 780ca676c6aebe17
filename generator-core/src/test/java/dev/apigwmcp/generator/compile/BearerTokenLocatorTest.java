package dev.apigwmcp.generator.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.generator.model.AuthKind;
import dev.apigwmcp.generator.model.Authorizer;
import dev.apigwmcp.generator.model.SecurityScheme;
import java.util.List;
import org.junit.jupiter.api.Test;

class BearerTokenLocatorTest {

    private static final String POINTER = "/components/securitySchemes/auth";

    private final BearerTokenLocator locator = new BearerTokenLocator();

    private static SecurityScheme scheme(String in, String name, String authType, Authorizer authorizer) {
        return new SecurityScheme("auth", AuthKind.BEARER, in, name, authType, authorizer, POINTER);
    }

    private static SecurityScheme token(String header, String expression) {
        return scheme("header", header, "custom", new Authorizer("token", null, expression));
    }

    private static SecurityScheme request(String identitySource) {
        return scheme("header", "Unused", "custom", new Authorizer("request", identitySource, null));
    }

    private TokenLocation located(SecurityScheme scheme) {
        BearerTokenLocator.Located located = locator.locate(scheme);
        assertThat(located.reason()).isNull();
        return located.location();
    }

    private BearerTokenLocator.Located notLocated(SecurityScheme scheme) {
        BearerTokenLocator.Located located = locator.locate(scheme);
        assertThat(located.found()).isFalse();
        return located;
    }

    @Test
    void plainOAuth2GoesInTheAuthorizationHeaderAfterBearer() {
        assertThat(located(scheme(null, null, null, null)))
                .isEqualTo(new TokenLocation("header", "Authorization", "Bearer "));
    }

    @Test
    void aCognitoAuthorizerGetsTheRawTokenInTheHeaderTheSchemeNames() {
        SecurityScheme cognito = scheme(
                "header", "TestHeaderAuth", "cognito_user_pools", new Authorizer("cognito_user_pools", null, null));

        assertThat(located(cognito)).isEqualTo(new TokenLocation("header", "TestHeaderAuth", ""));
    }

    @Test
    void aCognitoAuthorizerInTheAuthorizationHeaderStillGetsTheRawToken() {
        SecurityScheme cognito = scheme("header", "Authorization", "cognito_user_pools", null);

        assertThat(located(cognito)).isEqualTo(new TokenLocation("header", "Authorization", ""));
    }

    @Test
    void aTokenAuthorizerWithoutExpressionGetsBearerInTheAuthorizationHeader() {
        assertThat(located(token("Authorization", null)))
                .isEqualTo(new TokenLocation("header", "Authorization", "Bearer "));
    }

    @Test
    void aTokenAuthorizerWithoutExpressionGetsTheRawTokenInAnotherHeader() {
        assertThat(located(token("X-Auth", null))).isEqualTo(new TokenLocation("header", "X-Auth", ""));
    }

    @Test
    void aTokenAuthorizerWhoseSchemeHasNoNameReadsItsHeaderSource() {
        SecurityScheme unnamed =
                scheme(null, null, "custom", new Authorizer("token", "method.request.header.X-Token", null));

        assertThat(located(unnamed)).isEqualTo(new TokenLocation("header", "X-Token", ""));
    }

    @Test
    void anAuthorizerWithoutTypeIsATokenAuthorizer() {
        SecurityScheme oauth2 = scheme("header", "Authorization", "oauth2", null);

        assertThat(located(oauth2)).isEqualTo(new TokenLocation("header", "Authorization", "Bearer "));
    }

    @Test
    void anExpressionThatMatchesBearerTokensGivesTheBearerPrefix() {
        assertThat(located(token("X-Auth", "^Bearer [-0-9a-zA-z\\.]*$")).prefix())
                .isEqualTo("Bearer ");
    }

    @Test
    void anExpressionThatMatchesOnlyRawTokensGivesTheRawToken() {
        assertThat(located(token("Authorization", "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$"))
                        .prefix())
                .isEmpty();
    }

    @Test
    void anExpressionThatMatchesBothFormsKeepsTheHeadersUsualForm() {
        assertThat(located(token("Authorization", ".+")).prefix()).isEqualTo("Bearer ");
        assertThat(located(token("X-Auth", ".+")).prefix()).isEmpty();
    }

    @Test
    void anExpressionNoJwtCanMatchMeansCustomTokensSentInTheFormItStartsWith() {
        BearerTokenLocator.Located raw = locator.locate(token("Authorization", "^x-[a-z]+"));
        BearerTokenLocator.Located bearer = locator.locate(token("X-Auth", "^Bearer x-[a-z]+$"));

        assertThat(raw.location()).isEqualTo(new TokenLocation("header", "Authorization", ""));
        assertThat(raw.pointer()).isEqualTo(POINTER + "/x-amazon-apigateway-authorizer/identityValidationExpression");
        assertThat(raw.reason())
                .contains("'^x-[a-z]+'")
                .contains("sent raw in header Authorization")
                .contains("must issue tokens that match it");
        assertThat(bearer.location()).isEqualTo(new TokenLocation("header", "X-Auth", "Bearer "));
        assertThat(bearer.reason()).contains("as 'Bearer <token>'");
    }

    @Test
    void aTokenAuthorizerWhoseExpressionRequiresBasicInTheAuthorizationHeaderChecksBasicCredentials() {
        assertThat(List.of(
                        "^Basic [A-Za-z0-9+/=]+$",
                        "^Basic [A-Za-z0-9+/]+={0,2}$",
                        "^[Bb]asic [A-Za-z0-9+/=]+$",
                        "(?i)^basic\\s+\\S+$",
                        "^Basic [A-Za-z0-9+/]+==$"))
                .allSatisfy(expression -> assertThat(locator.checksBasicCredentials(token("Authorization", expression)))
                        .as(expression)
                        .isTrue());
    }

    @Test
    void aTokenAuthorizerThatAcceptsABearerOrRawTokenDoesNotCheckBasicCredentials() {
        assertThat(List.of("^Bearer [-0-9a-zA-Z\\._]*$", ".+", "^(Basic|Bearer) .+$", "^x-[a-z]+"))
                .noneSatisfy(
                        expression -> assertThat(locator.checksBasicCredentials(token("Authorization", expression)))
                                .isTrue());
        assertThat(locator.checksBasicCredentials(token("Authorization", null))).isFalse();
        assertThat(locator.checksBasicCredentials(token("Authorization", "^Basic (")))
                .isFalse();
    }

    @Test
    void onlyATokenAuthorizerChecksBasicCredentials() {
        SecurityScheme requestAuthorizer = scheme(
                "header",
                "Authorization",
                "custom",
                new Authorizer("request", "method.request.header.Authorization", "^Basic [A-Za-z0-9+/=]+$"));

        assertThat(locator.checksBasicCredentials(requestAuthorizer)).isFalse();
    }

    @Test
    void aBasicExpressionOnAnotherHeaderStaysATokenWithAWarningSayingWhy() {
        SecurityScheme xAuth = token("X-Auth", "^Basic [A-Za-z0-9+/=]+$");

        assertThat(locator.checksBasicCredentials(xAuth)).isFalse();
        assertThat(locator.locate(xAuth).reason())
                .contains("matches HTTP basic credentials ('Basic <base64>'), but in header X-Auth");
    }

    @Test
    void aBasicExpressionThatRejectsTheSpellingBasicStaysATokenWithAWarningSayingWhy() {
        SecurityScheme lowerCase = token("Authorization", "^basic [A-Za-z0-9+/=]+$");

        assertThat(locator.checksBasicCredentials(lowerCase)).isFalse();
        assertThat(locator.locate(lowerCase).reason())
                .contains("only spelled 'basic <base64>'", "sends 'Basic <base64>'");
        assertThat(locator.locate(token("Authorization", "^x-[a-z]+")).reason()).doesNotContain("basic");
    }

    @Test
    void anInvalidExpressionCannotBeSatisfied() {
        assertThat(notLocated(token("Authorization", "Bearer (")).reason()).contains("not a valid regular expression");
    }

    @Test
    void aTokenAuthorizerDeclaredInTheQueryCannotBeSatisfied() {
        SecurityScheme query = scheme("query", "token", "custom", new Authorizer("token", null, null));

        assertThat(notLocated(query).pointer()).isEqualTo(POINTER + "/in");
    }

    @Test
    void aRequestAuthorizerReadsItsHeaderIdentitySource() {
        assertThat(located(request("method.request.header.Custom-Authorization")))
                .isEqualTo(new TokenLocation("header", "Custom-Authorization", ""));
    }

    @Test
    void aRequestAuthorizerReadsItsQueryIdentitySource() {
        assertThat(located(request("method.request.querystring.auth")))
                .isEqualTo(new TokenLocation("query", "auth", ""));
    }

    @Test
    void aRequestAuthorizerReadingAuthorizationGetsTheBearerPrefix() {
        assertThat(located(request("method.request.header.Authorization")).prefix())
                .isEqualTo("Bearer ");
    }

    @Test
    void theSameSourceTwiceIsOneSource() {
        assertThat(located(request("method.request.header.X-Token, method.request.header.x-token")))
                .isEqualTo(new TokenLocation("header", "X-Token", ""));
    }

    @Test
    void severalSourcesCannotBeSatisfiedWithOneToken() {
        BearerTokenLocator.Located located =
                notLocated(request("method.request.header.Authorization, method.request.querystring.tenant"));

        assertThat(located.pointer()).isEqualTo(POINTER + "/x-amazon-apigateway-authorizer/identitySource");
        assertThat(located.reason()).contains("header `Authorization`").contains("query `tenant`");
    }

    @Test
    void contextAndStageVariablesBesideAHeaderAreLeftToApiGateway() {
        assertThat(located(request("method.request.header.X-Token,context.identity.sourceIp,stageVariables.tenant")))
                .isEqualTo(new TokenLocation("header", "X-Token", ""));
    }

    @Test
    void onlyValuesApiGatewayFillsInCannotBeSatisfied() {
        assertThat(notLocated(request("context.identity.sourceIp, stageVariables.tenant"))
                        .reason())
                .contains("context.identity.sourceIp")
                .contains("stageVariables.tenant");
    }

    @Test
    void aSourceThatIsNoHeaderOrQueryCannotBeSatisfied() {
        assertThat(notLocated(request("method.request.path.id")).reason()).contains("method.request.path.id");
    }

    @Test
    void aRequestAuthorizerWithoutSourceReadsTheSchemeParameter() {
        SecurityScheme scheme = scheme("query", "access_token", "custom", new Authorizer("request", null, null));

        assertThat(located(scheme)).isEqualTo(new TokenLocation("query", "access_token", ""));
    }

    @Test
    void anHttpApiJwtAuthorizerReadsItsRequestHeaderSource() {
        SecurityScheme jwt = scheme(null, null, null, new Authorizer("jwt", "$request.header.Authorization", null));

        assertThat(located(jwt)).isEqualTo(new TokenLocation("header", "Authorization", "Bearer "));
    }

    @Test
    void anUnknownAuthorizerTypeCannotBeSatisfied() {
        BearerTokenLocator.Located located =
                notLocated(scheme("header", "Authorization", "custom", new Authorizer("mystery", null, null)));

        assertThat(located.pointer()).isEqualTo(POINTER + "/x-amazon-apigateway-authorizer/type");
    }
}
