package dev.apigwmcp.runtime.execution;

import dev.apigwmcp.runtime.auth.AuthKind;
import dev.apigwmcp.runtime.auth.TokenPlacement;
import java.util.List;

/**
 * How one tool maps to an HTTP operation ({@code bindings.json} {@code tools[]}); {@code token} is where its bearer
 * token goes, {@code null} for the {@code Authorization} header.
 */
record ToolBinding(
        String name,
        String operationId,
        String method,
        String path,
        List<AuthKind> auth,
        List<ArgumentBinding> arguments,
        BodyBinding body,
        OutputBinding output,
        TokenPlacement token,
        Long timeoutMs) {

    public ToolBinding {
        auth = List.copyOf(auth);
        arguments = List.copyOf(arguments);
    }
}
