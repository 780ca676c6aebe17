package dev.apigwmcp.runtime.auth;

/**
 * Gives current AWS credentials for each signature; the production source is the AWS SDK's default chain, which
 * caches and refreshes temporary credentials before they expire.
 */
@FunctionalInterface
public interface AwsCredentialsSource {

    /** Current credentials; throws {@link AuthException} when none can be found. */
    AwsKeys resolve();
}
