package dev.apigwmcp.runtime.auth;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where authentication gets what settings do not hold: environment variables, AWS credentials and the clock.
 * Tests replace these; production uses {@link #system()}.
 *
 * @param environment    environment variable lookup ({@code null} when unset)
 * @param awsCredentials AWS credentials source for a profile name ({@code null} for the default profile)
 * @param clock          clock for token expiry
 */
public record AuthEnvironment(Function<String, String> environment,
        Function<String, AwsCredentialsSource> awsCredentials, Clock clock) {

    public AuthEnvironment {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(awsCredentials, "awsCredentials");
        Objects.requireNonNull(clock, "clock");
    }

    /** The process environment and the AWS SDK default credentials chain (created only when asked for). */
    public static AuthEnvironment system() {
        // A lambda, not a constructor reference, so the AWS SDK classes load only when a source is really created.
        return new AuthEnvironment(System::getenv, profile -> new DefaultChainCredentialsSource(profile),
                Clock.systemUTC());
    }
}
