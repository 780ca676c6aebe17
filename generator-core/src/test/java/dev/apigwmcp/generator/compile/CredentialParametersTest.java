package dev.apigwmcp.generator.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.generator.model.ApiParameter;
import dev.apigwmcp.generator.model.ParameterLocation;
import org.junit.jupiter.api.Test;

class CredentialParametersTest {

    private static final CredentialParameters NO_KEY = new CredentialParameters(null, null);

    private static ApiParameter parameter(ParameterLocation in, String name) {
        return new ApiParameter(name, in, false, null, null, null, null, "/paths/~1a/get/parameters/0");
    }

    @Test
    void theHeaderATokenGoesInIsACredentialInAnyCase() {
        TokenLocation token = new TokenLocation("header", "Custom-Authorization", "");

        assertThat(NO_KEY.isCredential(parameter(ParameterLocation.HEADER, "custom-authorization"), token))
                .isTrue();
    }

    @Test
    void theQueryParameterATokenGoesInIsACredential() {
        TokenLocation token = new TokenLocation("query", "auth", "");

        assertThat(NO_KEY.isCredential(parameter(ParameterLocation.QUERY, "auth"), token))
                .isTrue();
    }

    @Test
    void aParameterOfTheSameNameElsewhereIsNoCredential() {
        TokenLocation token = new TokenLocation("query", "auth", "");

        assertThat(NO_KEY.isCredential(parameter(ParameterLocation.HEADER, "auth"), token))
                .isFalse();
    }

    @Test
    void withoutATokenOnlyTheUsualCredentialsAreCredentials() {
        assertThat(NO_KEY.isCredential(parameter(ParameterLocation.HEADER, "Custom-Authorization"), null))
                .isFalse();
        assertThat(NO_KEY.isCredential(parameter(ParameterLocation.HEADER, "Authorization"), null))
                .isTrue();
    }
}
