package dev.apigwmcp.generator.model;

/** Where an operation parameter travels, in the order used to resolve argument-name clashes. */
public enum ParameterLocation {
    PATH,
    QUERY,
    HEADER,
    COOKIE;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
