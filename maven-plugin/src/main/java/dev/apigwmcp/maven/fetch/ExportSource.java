package dev.apigwmcp.maven.fetch;

import java.util.Objects;

/**
 * Where to fetch a target's export from: one stage of an API Gateway REST API.
 *
 * @param restApiId the REST API's id
 * @param stage     the stage name
 * @param region    the AWS region, or {@code null} for the SDK's default region chain
 * @param profile   the shared-config profile, or {@code null} for the default credentials chain
 * @param endpoint  an endpoint override (private endpoints, tests), or {@code null}
 */
public record ExportSource(String restApiId, String stage, String region, String profile, String endpoint) {
    public ExportSource {
        Objects.requireNonNull(restApiId, "restApiId");
        Objects.requireNonNull(stage, "stage");
    }

    /** How errors name the source: {@code restApiId a1b2c3, stage prod}. */
    public String describe() {
        return "restApiId " + restApiId + ", stage " + stage;
    }
}
