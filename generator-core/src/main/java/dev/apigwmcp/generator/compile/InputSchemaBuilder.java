package dev.apigwmcp.generator.compile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwmcp.generator.model.ApiOperation;
import dev.apigwmcp.generator.model.ApiParameter;
import dev.apigwmcp.generator.model.HttpMethod;
import dev.apigwmcp.generator.model.ParameterLocation;
import dev.apigwmcp.generator.problem.ProblemCollector;
import dev.apigwmcp.generator.schema.Direction;
import dev.apigwmcp.generator.schema.ParameterKeywords;
import dev.apigwmcp.generator.schema.SchemaConverter;
import dev.apigwmcp.generator.schema.SchemaDocument;
import dev.apigwmcp.generator.select.Descriptions;
import dev.apigwmcp.generator.select.SelectedOperation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Compile step: a tool's arguments. Parameters in the order path, query, header, cookie (credentials the runtime
 * owns are never arguments), the {@code method} argument of an ANY tool, free-form {@code query} and {@code body}
 * on a greedy proxy resource ({@link ProxyArguments}), then the request body; each with its JSON Schema and its
 * binding to the HTTP request.
 */
final class InputSchemaBuilder {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final SchemaConverter converter;
    private final CredentialParameters credentials;

    InputSchemaBuilder(SchemaConverter converter, CredentialParameters credentials) {
        this.converter = converter;
        this.credentials = credentials;
    }

    /**
     * The arguments, or empty when the operation cannot be a tool (a warning says why). {@code token}: where the
     * runtime puts the tool's bearer token, a parameter that is then no argument either; or {@code null}.
     */
    Optional<ToolInput> build(SelectedOperation selected, TokenLocation token, ProblemCollector problems) {
        ApiOperation operation = selected.operation();
        Draft draft = new Draft(converter.newDocument(Direction.INPUT));
        String methodArgument = null;
        if (operation.method() == HttpMethod.ANY) {
            methodArgument =
                    operation.parameters().stream().anyMatch(p -> p.name().equals("method")) ? "httpMethod" : "method";
            draft.names.reserve(methodArgument);
        }
        List<ApiParameter> parameters = new ArrayList<>(operation.parameters());
        parameters.sort(Comparator.comparing(ApiParameter::in));
        for (ApiParameter parameter : parameters) {
            if (!credentials.isCredential(parameter, token)) {
                addParameter(draft, operation, parameter, problems);
            }
        }
        if (methodArgument != null) {
            addMethod(draft, selected, methodArgument);
        }
        ProxyArguments.addQuery(operation, draft);
        Optional<BodyArgument.Result> body = BodyArgument.add(operation, draft, problems);
        if (body.isEmpty()) {
            return Optional.empty();
        }
        BodyBinding bodyBinding = body.get().binding() != null || operation.requestBody() != null
                ? body.get().binding()
                : ProxyArguments.addBody(operation, draft);
        if (bodyBinding == null && operation.requestBody() == null) {
            bodyBinding = BinaryBody.addPassThrough(operation, draft);
        }
        ObjectNode schema = JSON.objectNode();
        schema.put("type", "object");
        schema.set("properties", draft.properties);
        if (!draft.required.isEmpty()) {
            ArrayNode list = schema.putArray("required");
            draft.required.forEach(list::add);
        }
        schema.put("additionalProperties", false);
        SchemaParts.attachDefs(schema, draft.document);
        SchemaParts.report(draft.document.issues(), problems);
        return Optional.of(new ToolInput(schema, draft.arguments, bodyBinding));
    }

    private static void addParameter(
            Draft draft, ApiOperation operation, ApiParameter parameter, ProblemCollector problems) {
        ArgumentNames.Claimed claimed =
                draft.names.claim(parameter.name(), parameter.in().key());
        String argument = claimed.name();
        if (claimed.renamed()) {
            problems.warning(
                    parameter.pointer(),
                    parameter.in().key() + " parameter '" + parameter.name()
                            + "' of " + operation.label() + " clashes with another argument and is named '" + argument
                            + "'");
        }
        boolean greedy =
                parameter.in() == ParameterLocation.PATH && operation.path().contains("{" + parameter.name() + "+}");
        ObjectNode schema = parameter.schema() == null
                ? JSON.objectNode()
                : draft.document.convert(parameter.schema(), parameter.pointer() + "/schema");
        schema = ParameterKeywords.apply(schema, parameter.examples(), parameter.deprecated());
        String description = greedy ? greedyDescription(parameter, operation) : parameter.description();
        schema = PropertySchemas.describe(
                schema, claimed.renamed() ? renamedDescription(description, parameter) : description);
        draft.properties.set(argument, schema);
        if (parameter.required()) {
            draft.required.add(argument);
        }
        draft.arguments.add(ArgumentBindings.of(argument, parameter, greedy, schema));
    }

    private static void addMethod(Draft draft, SelectedOperation selected, String argument) {
        ArrayNode values = JSON.arrayNode();
        selected.anyMethods().forEach(m -> values.add(m.name()));
        ObjectNode schema = JSON.objectNode();
        schema.put("type", "string");
        schema.put(
                "description", "HTTP method to call on " + selected.operation().path() + ".");
        schema.set("enum", values);
        draft.properties.set(argument, schema);
        draft.required.add(argument);
        draft.arguments.add(new ArgumentBinding(argument, "method", "method", true, false, null, null));
    }

    /** A renamed argument says what it is sent as: {@code id} and {@code id_query} alone do not tell a model. */
    private static String renamedDescription(String description, ApiParameter parameter) {
        String own = description == null ? "" : Descriptions.normalize(description);
        return own + (own.isEmpty() ? "" : " ") + "Sent as the "
                + parameter.in().key() + " parameter '" + parameter.name() + "'.";
    }

    private static String greedyDescription(ApiParameter parameter, ApiOperation operation) {
        String own = parameter.description() == null ? "" : Descriptions.normalize(parameter.description()) + " ";
        String prefix = operation.path().substring(0, operation.path().indexOf("{" + parameter.name() + "+}"));
        return own + "Path below " + prefix + " (may contain '/'; '.' and '..' segments are rejected).";
    }

    /** The input schema of one tool while its arguments are added. */
    static final class Draft {
        final SchemaDocument document;
        final ObjectNode properties = JSON.objectNode();
        final List<String> required = new ArrayList<>();
        final List<ArgumentBinding> arguments = new ArrayList<>();
        final ArgumentNames names = new ArgumentNames();

        Draft(SchemaDocument document) {
            this.document = document;
        }
    }
}
