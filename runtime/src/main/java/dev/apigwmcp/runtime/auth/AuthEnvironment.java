package dev.apigwmcp.runtime.auth;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Where authentication gets what settings do not hold: environment variables, AWS credentials and the clock.
 * Tests replace these; the gateway uses {@link #of} with its environment.
 *
 * @param environment    environment variable lookup ({@code null} when unset)
 * @param awsCredentials AWS credentials source for a profile name ({@code null} for the default profile)
 * @param clock          clock for token expiry
 */
public record AuthEnvironment(
        Function<String, String> environment, Function<String, AwsCredentialsSource> awsCredentials, Clock clock) {

    public AuthEnvironment {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(awsCredentials, "awsCredentials");
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * Environment variables from {@code environment} (the gateway's, which a launcher may extend: a process cannot
     * add to its own environment) and the AWS SDK default credentials chain (created only when asked for).
     */
    public static AuthEnvironment of(Map<String, String> environment) {
        Map<String, String> variables = Map.copyOf(environment);
        // A lambda, not a constructor reference, so the AWS SDK classes load only when a source is really created.
        return new AuthEnvironment(
                variables::get, profile -> new DefaultChainCredentialsSource(profile), Clock.systemUTC());
    }

    /**
     * This environment with one AWS credentials source per profile, made on first use and then shared by every
     * target: the chain is resolved (and its temporary credentials refreshed) once for the process, not per target.
     */
    public AuthEnvironment sharingAwsCredentials() {
        Map<Optional<String>, AwsCredentialsSource> sources = new ConcurrentHashMap<>();
        return new AuthEnvironment(
                environment,
                profile -> sources.computeIfAbsent(Optional.ofNullable(profile), p -> awsCredentials.apply(profile)),
                clock);
    }
}
