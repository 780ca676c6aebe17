package dev.apigwmcp.generator.compile;

import dev.apigwmcp.generator.model.AuthKind;
import java.util.List;

/**
 * The credentials a tool's call needs ({@link AuthResolver}).
 *
 * @param kinds every credential, all applied together, in {@link AuthKind} order
 * @param token where the bearer token goes when {@code kinds} has {@link AuthKind#BEARER}, else {@code null}
 */
public record ToolAuth(List<AuthKind> kinds, TokenLocation token) {

    public ToolAuth {
        kinds = List.copyOf(kinds);
        if (kinds.contains(AuthKind.BEARER) != (token != null)) {
            throw new IllegalArgumentException("a token location goes with BEARER, and only with it: " + kinds);
        }
    }

    static ToolAuth of(AuthKind... kinds) {
        return new ToolAuth(List.of(kinds), null);
    }
}
