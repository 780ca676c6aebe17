package dev.apigwmcp.generator.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** HTTP methods an operation can have; {@link #ANY} stands for {@code x-amazon-apigateway-any-method}. */
public enum HttpMethod {
    GET,
    PUT,
    POST,
    DELETE,
    OPTIONS,
    HEAD,
    PATCH,
    TRACE,
    ANY;

    /** The methods an {@code ANY} operation expands to when no filter narrows it (OPTIONS and TRACE left out). */
    public static final List<HttpMethod> ANY_DEFAULTS = List.of(GET, POST, PUT, PATCH, DELETE, HEAD);

    /** Parses a method name case-insensitively. */
    public static Optional<HttpMethod> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Lower-case name as used for OpenAPI path item keys. */
    public String key() {
        return this == ANY ? "x-amazon-apigateway-any-method" : name().toLowerCase(Locale.ROOT);
    }

    public boolean readOnly() {
        return this == GET || this == HEAD;
    }
}
