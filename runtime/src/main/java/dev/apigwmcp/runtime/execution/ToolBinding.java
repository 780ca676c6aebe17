package dev.apigwmcp.runtime.execution;

import dev.apigwmcp.runtime.auth.AuthKind;
import java.util.List;

/** How one tool maps to an HTTP operation ({@code bindings.json} {@code tools[]}). */
public record ToolBinding(String name, String operationId, String method, String path, List<AuthKind> auth,
        List<ArgumentBinding> arguments, BodyBinding body, OutputBinding output, Long timeoutMs) {

    public ToolBinding {
        auth = List.copyOf(auth);
        arguments = List.copyOf(arguments);
    }
}
