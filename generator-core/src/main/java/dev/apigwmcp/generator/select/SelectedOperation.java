package dev.apigwmcp.generator.select;

import dev.apigwmcp.generator.ToolOverride;
import dev.apigwmcp.generator.model.ApiOperation;
import dev.apigwmcp.generator.model.HttpMethod;
import java.util.List;

/**
 * An operation the filters let through.
 *
 * @param operation  the operation
 * @param anyMethods for an {@code ANY} operation, the concrete methods its tool may call (sorted); else empty
 * @param override   the override that names it, or {@code null}
 */
public record SelectedOperation(ApiOperation operation, List<HttpMethod> anyMethods, ToolOverride override) {
    public SelectedOperation {
        anyMethods = List.copyOf(anyMethods);
    }
}
