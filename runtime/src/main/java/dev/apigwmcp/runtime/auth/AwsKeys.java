package dev.apigwmcp.runtime.auth;

import java.util.Objects;

/**
 * AWS credentials for one signature, independent of the AWS SDK's types so that nothing AWS is loaded unless a
 * tool signs. {@link #toString()} never shows the secret or the token.
 *
 * @param accessKeyId     access key id
 * @param secretAccessKey secret access key
 * @param sessionToken    session token of temporary credentials, or {@code null}
 */
public record AwsKeys(String accessKeyId, String secretAccessKey, String sessionToken) {

    public AwsKeys {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    @Override
    public String toString() {
        return "AwsKeys[accessKeyId=" + accessKeyId + (sessionToken == null ? "" : ", with session token") + "]";
    }
}
