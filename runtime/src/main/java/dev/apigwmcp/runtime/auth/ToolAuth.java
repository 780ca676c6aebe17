package dev.apigwmcp.runtime.auth;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The credentials one tool's calls need ({@code bindings.json} {@code tools[].auth}) and where its bearer token
 * goes ({@code tools[].token}).
 *
 * @param kinds the kinds of credential, all applied together
 * @param token where the bearer token goes ({@link TokenPlacement#AUTHORIZATION} unless the binding says otherwise)
 */
public record ToolAuth(Set<AuthKind> kinds, TokenPlacement token) {

    public static final ToolAuth NONE = new ToolAuth(Set.of(), TokenPlacement.AUTHORIZATION);

    public ToolAuth {
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        Objects.requireNonNull(token, "token");
    }

    /** From a binding's list of kinds and its token placement ({@code null}: the default). */
    public static ToolAuth of(List<AuthKind> kinds, TokenPlacement token) {
        return new ToolAuth(Set.copyOf(kinds), token == null ? TokenPlacement.AUTHORIZATION : token);
    }

    public boolean needs(AuthKind kind) {
        return kinds.contains(kind);
    }
}
