package dev.apigwmcp.generator.compile;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwmcp.generator.model.ApiOperation;
import dev.apigwmcp.generator.model.HttpMethod;
import dev.apigwmcp.generator.model.ParameterLocation;
import java.util.EnumSet;
import java.util.Set;

/**
 * Free-form arguments for a greedy proxy resource ({@code /{proxy+}}): API Gateway passes such a method's whole
 * request through to the backend (serverless-express and similar catch-all APIs), so the export declares no query
 * parameters and no body although the backend reads them. Without these arguments such a tool could never send
 * either.
 */
final class ProxyArguments {

    /** Methods that carry a body; ANY covers them. */
    private static final Set<HttpMethod> WITH_BODY =
            EnumSet.of(HttpMethod.ANY, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ProxyArguments() {}

    static boolean isProxy(ApiOperation operation) {
        return operation.path().contains("+}");
    }

    /** Adds a free-form {@code query} object when the operation declares no query parameter. */
    static void addQuery(ApiOperation operation, InputSchemaBuilder.Draft draft) {
        if (!isProxy(operation) || operation.parameters().stream().anyMatch(p -> p.in() == ParameterLocation.QUERY)) {
            return;
        }
        ArgumentNames.Claimed claimed = draft.names.claim("query", "query");
        String argument = claimed.renamed()
                ? draft.names.claim("queryParameters", "query").name()
                : claimed.name();
        ObjectNode schema = JSON.objectNode();
        schema.put("type", "object");
        schema.put(
                "description",
                "Query parameters to send, as names and values (the resource passes the whole"
                        + " request to its backend).");
        ObjectNode values = schema.putObject("additionalProperties");
        values.putArray("type").add("string").add("number").add("boolean");
        draft.properties.set(argument, schema);
        draft.arguments.add(new ArgumentBinding(argument, "query", argument, false, false, "form", true));
    }

    /** A free-form JSON body binding when the method may carry one and the operation declares none. */
    static BodyBinding addBody(ApiOperation operation, InputSchemaBuilder.Draft draft) {
        if (!isProxy(operation) || !WITH_BODY.contains(operation.method())) {
            return null;
        }
        String argument = BodyArgument.claimName(draft);
        ObjectNode schema = JSON.objectNode();
        schema.put(
                "description",
                "JSON body to send"
                        + (operation.method() == HttpMethod.ANY ? " (with POST, PUT or PATCH)" : "")
                        + "; any JSON value (the resource passes the whole request to its backend).");
        draft.properties.set(argument, schema);
        return new BodyBinding(argument, "application/json", false, true);
    }
}
