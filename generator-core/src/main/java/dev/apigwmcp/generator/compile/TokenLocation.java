package dev.apigwmcp.generator.compile;

import java.util.Objects;

/**
 * Where the runtime puts a tool's OAuth2 bearer token: {@code bindings.json} {@code tools[].token}.
 *
 * @param in     {@code header} or {@code query}
 * @param name   the header or query parameter name
 * @param prefix what goes before the token: {@code "Bearer "}, or {@code ""} for the raw token
 */
public record TokenLocation(String in, String name, String prefix) {

    public static final String BEARER = "Bearer ";

    public TokenLocation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(prefix, "prefix");
        if (!in.equals("header") && !in.equals("query")) {
            throw new IllegalArgumentException("in must be header or query, got " + in);
        }
    }

    static TokenLocation header(String name, String prefix) {
        return new TokenLocation("header", name, prefix);
    }

    static TokenLocation query(String name) {
        return new TokenLocation("query", name, "");
    }

    /** Whether {@code other} sends the same text to the same place (header names compare without case). */
    boolean sameAs(TokenLocation other) {
        return is(other.in, other.name) && prefix.equals(other.prefix);
    }

    /** Whether the token travels in the {@code in} parameter {@code parameter} (header names without case). */
    boolean is(String otherIn, String parameter) {
        return in.equals(otherIn) && (in.equals("header") ? name.equalsIgnoreCase(parameter) : name.equals(parameter));
    }

    /** {@code header `Authorization: Bearer <token>`}: how problems and the catalog say where the token goes. */
    public String describe() {
        return in.equals("header")
                ? "header `" + name + ": " + prefix + "<token>`"
                : "query `" + name + "=" + prefix + "<token>`";
    }
}
