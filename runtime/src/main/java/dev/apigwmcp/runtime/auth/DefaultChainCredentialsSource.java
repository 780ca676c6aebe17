package dev.apigwmcp.runtime.auth;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The AWS SDK v2 default credentials chain (environment, system properties, web identity, profile incl. SSO,
 * container, instance metadata), optionally for a named profile. Only loaded when a target needs SigV4.
 */
final class DefaultChainCredentialsSource implements AwsCredentialsSource {

    private final DefaultCredentialsProvider provider;

    DefaultChainCredentialsSource(String profile) {
        // Refresh temporary credentials in the background, so signing never waits for STS, SSO or IMDS after
        // the first resolution (calls are prepared on the caller's thread).
        DefaultCredentialsProvider.Builder builder = DefaultCredentialsProvider.builder()
                .asyncCredentialUpdateEnabled(true);
        if (profile != null && !profile.isBlank()) {
            builder.profileName(profile);
        }
        this.provider = builder.build();
    }

    @Override
    public AwsKeys resolve() {
        AwsCredentials credentials;
        try {
            credentials = provider.resolveCredentials();
        } catch (SdkException e) {
            // The SDK's message lists the providers it tried and why each failed; it holds no secret.
            throw new AuthException("No AWS credentials for SigV4 signing: " + e.getMessage());
        }
        String token = credentials instanceof AwsSessionCredentials session ? session.sessionToken() : null;
        return new AwsKeys(credentials.accessKeyId(), credentials.secretAccessKey(), token);
    }
}
