package dev.apigwmcp.runtime.execution;

import dev.apigwmcp.runtime.auth.ApiKeyPlacement;
import java.util.List;

/**
 * A target's {@code bindings.json}.
 *
 * @param target       the target name
 * @param serverUrl    the export's server URL, or {@code null}
 * @param serverRegion the Region of an {@code execute-api} server, or {@code null}
 * @param apiKey       the export's API key scheme, or {@code null}
 * @param tools        the tool bindings
 */
record TargetBindings(
        String target, String serverUrl, String serverRegion, ApiKeyPlacement apiKey, List<ToolBinding> tools) {

    public TargetBindings {
        tools = List.copyOf(tools);
    }
}
