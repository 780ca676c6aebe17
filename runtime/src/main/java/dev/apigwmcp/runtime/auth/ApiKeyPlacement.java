package dev.apigwmcp.runtime.auth;

import java.util.Objects;

/**
 * Where an API key goes: a header or a query parameter, its name, and a prefix placed before the key (empty for API
 * Gateway's {@code x-api-key}).
 */
public record ApiKeyPlacement(CredentialLocation in, String name, String prefix) {

    /** API Gateway's default: header {@code x-api-key}, no prefix. */
    public static final ApiKeyPlacement API_GATEWAY = new ApiKeyPlacement(CredentialLocation.HEADER, "x-api-key", "");

    public ApiKeyPlacement {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        prefix = prefix == null ? "" : prefix;
    }
}
