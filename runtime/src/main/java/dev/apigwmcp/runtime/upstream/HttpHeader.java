package dev.apigwmcp.runtime.upstream;

import java.util.Objects;

/** One request header line. The value may be a credential, so {@link #toString()} never shows it. */
public record HttpHeader(String name, String value) {
    public HttpHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return name + ": <" + value.length() + " chars>";
    }
}
