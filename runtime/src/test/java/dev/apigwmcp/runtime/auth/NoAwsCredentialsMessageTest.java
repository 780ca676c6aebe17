package dev.apigwmcp.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.auth.DefaultChainCredentialsSource.NoCredentials;
import org.junit.jupiter.api.Test;

/** What is said when the AWS default credentials chain finds nothing: one line with the ways out, never the chain. */
class NoAwsCredentialsMessageTest {

    /** The shape of the SDK's message: every provider of the chain and why it failed, over a kilobyte. */
    private static final String CHAIN = "Unable to load credentials from any of the providers in the chain"
            + " AwsCredentialsProviderChain(credentialsProviders=[SystemPropertyCredentialsProvider(),"
            + " EnvironmentVariableCredentialsProvider(), ProfileCredentialsProvider(profileName=default)]) :"
            + " [SystemPropertyCredentialsProvider(): Unable to load credentials from system settings. Access key"
            + " must be specified either via environment variable (AWS_ACCESS_KEY_ID) or system property"
            + " (aws.accessKeyId)., ProfileCredentialsProvider(profileName=default): Profile file contained no"
            + " credentials for profile 'default': ProfileFile(sections=[])]";

    @Test
    void withoutAProfileItNamesEveryWayToGiveCredentialsAndNotTheChain() {
        String message = NoCredentials.message(null, CHAIN, true);
        assertThat(message)
                .isEqualTo(
                        "no AWS credentials found; name a profile with --aws.profile, set"
                                + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment, or sign in with aws sso login");
    }

    @Test
    void aNamedProfileWithoutCredentialsIsNamedInTheSsoCommandToo() {
        assertThat(NoCredentials.message("dev", CHAIN, true))
                .startsWith("no AWS credentials found for profile 'dev';")
                .contains("leave --aws.profile out to sign with AWS_ACCESS_KEY_ID")
                .endsWith("or sign in with aws sso login --profile dev")
                .doesNotContain("ProviderChain");
    }

    @Test
    void aNamedProfileThatDoesNotExistIsSaidSo() {
        assertThat(NoCredentials.message("dve", CHAIN, false))
                .isEqualTo("no AWS credentials: profile 'dve'"
                        + " (--aws.profile) is not in the AWS config or credentials file; name an existing profile with"
                        + " --aws.profile, or leave it out to sign with AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY from"
                        + " the environment");
    }

    @Test
    void anExpiredSsoSessionSaysToSignInAgain() {
        String sdk =
                "Unable to load credentials from any of the providers in the chain ...: [ProfileCredentialsProvider"
                        + "(profileName=dev): The SSO session associated with this profile has expired or is otherwise"
                        + " invalid. To refresh this SSO session run aws sso login with the corresponding profile.]";
        assertThat(NoCredentials.message("dev", sdk, true))
                .isEqualTo("no AWS credentials: the SSO session of"
                        + " profile 'dev' has expired or is invalid; sign in again with aws sso login --profile dev");
    }

    @Test
    void everyMessageIsOneLine() {
        assertThat(NoCredentials.message(null, CHAIN + "\n" + CHAIN, true)).doesNotContain("\n", "\r");
        assertThat(NoCredentials.message(null, null, true)).doesNotContain("\n").startsWith("no AWS credentials");
    }
}
