package dev.apigwmcp.generator.compile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwmcp.generator.model.ApiParameter;
import dev.apigwmcp.generator.model.ParameterLocation;

/** How a parameter argument is serialised into the request. */
final class ArgumentBindings {

    private ArgumentBindings() {}

    static ArgumentBinding of(String argument, ApiParameter parameter, boolean greedy, ObjectNode schema) {
        String in = parameter.in().key();
        String style = null;
        Boolean explode = null;
        if (parameter.in() == ParameterLocation.QUERY
                && (PropertySchemas.isArraySchema(schema) || PropertySchemas.isObjectValued(schema))) {
            // OpenAPI's defaults for the query: style form, explode true for form and deepObject.
            style = parameter.style() == null ? "form" : parameter.style();
            explode = parameter.explode() == null
                    ? style.equals("form") || style.equals("deepObject")
                    : parameter.explode();
        }
        return new ArgumentBinding(argument, in, parameter.name(), parameter.required(), greedy, style, explode);
    }
}
