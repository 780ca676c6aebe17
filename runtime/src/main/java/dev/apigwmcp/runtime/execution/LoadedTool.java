package dev.apigwmcp.runtime.execution;

import dev.apigwmcp.runtime.auth.TargetAuth;
import dev.apigwmcp.runtime.auth.ToolAuth;
import dev.apigwmcp.runtime.tools.ToolListing;
import dev.apigwmcp.runtime.upstream.RequestTarget;
import dev.apigwmcp.runtime.upstream.ResponseShape;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One servable tool with everything its calls need, resolved at start.
 *
 * @param target      the target it belongs to
 * @param code        the generated code, created on the first call
 * @param listing     its {@code tools/list} entry (its input schema is read from there on the first call)
 * @param request     what its requests are built against
 * @param shape       how its successful output is mapped
 * @param auth        the credentials its calls need and where its bearer token goes
 * @param targetAuth  the target's authenticators
 * @param parameters  the arguments bound to path, query, header and cookie parameters (coercible to text)
 * @param forwarded   the MCP request's headers its calls send on ({@code target.<t>.forward-headers})
 */
record LoadedTool(
        String target,
        ToolCode code,
        ToolListing listing,
        RequestTarget request,
        ResponseShape shape,
        ToolAuth auth,
        TargetAuth targetAuth,
        Set<String> parameters,
        List<String> forwarded) {

    LoadedTool {
        parameters = Set.copyOf(parameters);
        forwarded = List.copyOf(forwarded);
    }

    /** The input schema, parsed from the listing: called once, when the validator compiles it. */
    JsonNode inputSchema() {
        return listing.definition().get("inputSchema");
    }

    /** The output schema, parsed from the listing: called once, when the output validator compiles it. */
    JsonNode outputSchema() {
        return listing.definition().get("outputSchema");
    }
}
