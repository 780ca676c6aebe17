package dev.apigwmcp.runtime.auth;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The AWS SDK v2 default credentials chain (environment, system properties, web identity, profile incl. SSO,
 * container, instance metadata), or a named profile alone. Only loaded when a target needs SigV4.
 *
 * <p>A profile named with {@code --aws.profile} is used alone, as the AWS CLI's {@code --profile}: in the default
 * chain, keys in the environment ({@code AWS_ACCESS_KEY_ID}) come before the profile and would silently sign with
 * another identity than the one the operator named.
 */
final class DefaultChainCredentialsSource implements AwsCredentialsSource {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultChainCredentialsSource.class);

    private final AwsCredentialsProvider provider;
    private final String profile;

    DefaultChainCredentialsSource(String profile) {
        this.profile = profile == null || profile.isBlank() ? null : profile.trim();
        // Refresh temporary credentials in the background, so signing never waits for STS, SSO or IMDS after
        // the first resolution (calls are prepared on the caller's thread); a profile's SSO and role providers
        // refresh ahead of expiry themselves.
        this.provider = this.profile == null
                ? DefaultCredentialsProvider.builder()
                        .asyncCredentialUpdateEnabled(true)
                        .build()
                : ProfileCredentialsProvider.builder().profileName(this.profile).build();
    }

    @Override
    public AwsKeys resolve() {
        AwsCredentials credentials;
        try {
            credentials = provider.resolveCredentials();
        } catch (SdkException e) {
            // The SDK's message lists every provider of the chain and why each failed (over a kilobyte): useful
            // when digging, too long for a start-up line or a tool's error text.
            LOG.debug("the AWS default credentials chain found no credentials: {}", e.getMessage());
            throw new AuthException(NoCredentials.message(profile, e.getMessage(), profileExists()));
        }
        String token = credentials instanceof AwsSessionCredentials session ? session.sessionToken() : null;
        return new AwsKeys(credentials.accessKeyId(), credentials.secretAccessKey(), token);
    }

    /** Whether the named profile is in the AWS config or credentials file; true when no profile is named. */
    private boolean profileExists() {
        if (profile == null) {
            return true;
        }
        try {
            return ProfileFile.defaultProfileFile().profile(profile).isPresent();
        } catch (RuntimeException e) {
            return true; // an unreadable file: say nothing about the profile rather than guess
        }
    }

    /** The one line said when the chain finds nothing; never the SDK's provider-by-provider account. */
    static final class NoCredentials {

        private NoCredentials() {}

        static String message(String profile, String sdkMessage, boolean profileExists) {
            String lower = sdkMessage == null ? "" : sdkMessage.toLowerCase(Locale.ROOT);
            String login = "aws sso login" + (profile == null ? "" : " --profile " + profile);
            if (profile != null && !profileExists) {
                return "no AWS credentials: profile '" + profile + "' (--aws.profile) is not in the AWS config or"
                        + " credentials file; name an existing profile with --aws.profile, or leave it out to sign"
                        + " with AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY from the environment";
            }
            if (lower.contains("sso session") || lower.contains("sso login")) {
                return "no AWS credentials: the SSO session" + (profile == null ? "" : " of profile '" + profile + "'")
                        + " has expired or is invalid; sign in again with " + login;
            }
            if (profile != null) {
                // A named profile is used alone: keys in the environment count only without it.
                return "no AWS credentials found for profile '" + profile + "'; add keys or a role to the profile,"
                        + " leave --aws.profile out to sign with AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY from the"
                        + " environment, or sign in with " + login;
            }
            return "no AWS credentials found; name a profile with --aws.profile, set AWS_ACCESS_KEY_ID and"
                    + " AWS_SECRET_ACCESS_KEY in the environment, or sign in with " + login;
        }
    }
}
