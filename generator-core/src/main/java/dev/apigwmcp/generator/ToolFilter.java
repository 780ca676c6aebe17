package dev.apigwmcp.generator;

import java.util.List;
import java.util.Objects;

/**
 * Selects operations, with AgentCore's {@code ApiGatewayToolFilter} semantics: an explicit {@code filterPath}
 * selects that resource; one ending in {@code /*} selects every resource strictly below the prefix.
 *
 * @param filterPath an explicit resource path or a prefix ending in {@code /*}
 * @param methods    HTTP methods (upper case); empty means none
 * @param location   where the filter is written in the user's configuration, for messages; {@code null} if unknown
 */
public record ToolFilter(String filterPath, List<String> methods, String location) {
    public ToolFilter {
        Objects.requireNonNull(filterPath, "filterPath");
        methods = methods == null ? List.of() : List.copyOf(methods);
    }

    public ToolFilter(String filterPath, List<String> methods) {
        this(filterPath, methods, null);
    }
}
