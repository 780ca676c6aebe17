package dev.apigwmcp.generator.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigwmcp.generator.model.ApiEncoding;
import dev.apigwmcp.generator.model.ApiModel;
import dev.apigwmcp.generator.model.ApiModel.SpecFormat;
import dev.apigwmcp.generator.model.ApiOperation;
import dev.apigwmcp.generator.model.ApiParameter;
import dev.apigwmcp.generator.model.ApiRequestBody;
import dev.apigwmcp.generator.model.ApiResponse;
import dev.apigwmcp.generator.model.HttpMethod;
import dev.apigwmcp.generator.model.JsonPointer;
import dev.apigwmcp.generator.model.MediaTypes;
import dev.apigwmcp.generator.model.ParameterLocation;
import dev.apigwmcp.generator.model.SecurityRequirement;
import dev.apigwmcp.generator.model.SecurityScheme;
import dev.apigwmcp.generator.problem.ProblemCollector;
import dev.apigwmcp.generator.schema.PathSchemaPointer;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.parser.util.OpenAPIDeserializer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces one export, parsed by swagger-parser, to an {@link ApiModel}: operations with their parameters, request
 * body and success response (references to parameters, request bodies and responses resolved), servers, security
 * schemes and the schemas that {@code $ref}s point to. Problems go to the target's {@link ProblemCollector}.
 */
final class ModelBuilder {

    private static final String ANY_METHOD = "x-amazon-apigateway-any-method";
    /** The catch-all route of an HTTP API (API Gateway v2) export. */
    private static final String DEFAULT_ROUTE = "/$default";

    private static final String APIGW_PREFIX = "x-amazon-apigateway-";
    /** A path template variable, {@code {name}} or greedy {@code {name+}}; group 1 is the name without the plus. */
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^{}]+?)\\+?}");

    private final OpenAPI api;
    private final JsonNode root;
    private final SpecFormat format;
    private final ProblemCollector problems;
    private final Components components;
    private final boolean mentionsPathRefs;
    private final Map<String, String> anyMethodPaths;
    private final ApiKeyRequiredFlag apiKeyFlag = new ApiKeyRequiredFlag();
    private boolean apiGateway;
    private java.util.Set<String> binaryTypes = java.util.Set.of();

    /**
     * @param anyMethodPaths Swagger 2.0: the synthetic path items that hold an ANY method as their {@code post},
     *                       each to the path it belongs to (see {@link Swagger2Reader})
     */
    ModelBuilder(
            OpenAPI api,
            JsonNode root,
            SpecFormat format,
            ProblemCollector problems,
            boolean mentionsPathRefs,
            Map<String, String> anyMethodPaths) {
        this.api = api;
        this.root = root;
        this.format = format;
        this.problems = problems;
        this.components = api.getComponents() == null ? new Components() : api.getComponents();
        this.mentionsPathRefs = mentionsPathRefs;
        this.anyMethodPaths = anyMethodPaths;
    }

    ApiModel build() {
        apiGateway = hasApiGatewayKeys(root);
        binaryTypes = BinaryMediaTypes.read(root, problems);
        List<ApiOperation> operations = new ArrayList<>();
        if (api.getPaths() != null) {
            for (Map.Entry<String, PathItem> entry : api.getPaths().entrySet()) {
                String anyMethodOf = anyMethodPaths.get(entry.getKey());
                if (anyMethodOf != null) {
                    readConvertedAnyMethod(anyMethodOf, entry.getValue(), operations);
                } else {
                    readPath(entry.getKey(), entry.getValue(), operations);
                }
            }
        }
        SecuritySchemes schemes = SecuritySchemes.read(
                components.getSecuritySchemes(),
                format == SpecFormat.SWAGGER_2_0 ? "/securityDefinitions" : "/components/securitySchemes");
        apiGateway |= schemes.anyApiGatewayExtension();
        // A plain OpenAPI document's undefined scheme is a mistake; in an API Gateway export it is the key flag.
        Map<String, SecurityScheme> securitySchemes = format == SpecFormat.SWAGGER_2_0 || apiGateway
                ? apiKeyFlag.apply(schemes.byName(), format == SpecFormat.SWAGGER_2_0, problems)
                : schemes.byName();
        Object keySource =
                api.getExtensions() == null ? null : api.getExtensions().get("x-amazon-apigateway-api-key-source");
        return new ApiModel(
                problems.file(),
                format,
                apiGateway,
                ServerUrls.read(root, format, problems),
                securitySchemes,
                components.getSchemas(),
                pathSchemas(),
                operations,
                keySource == null ? null : keySource.toString());
    }

    /**
     * The schemas under {@code #/paths} that some {@code $ref} points into, each read from the document by its
     * pointer (the parsed operations are not indexed by pointer). Only when the export mentions such a
     * reference at all; never for Swagger 2.0, whose pointers do not match the converted model.
     */
    @SuppressWarnings("rawtypes")
    private Map<String, Schema> pathSchemas() {
        if (!mentionsPathRefs || format == SpecFormat.SWAGGER_2_0) {
            return Map.of();
        }
        Map<String, Schema> schemas = new java.util.TreeMap<>();
        java.util.Deque<JsonNode> work = new java.util.ArrayDeque<>(List.of(root));
        while (!work.isEmpty()) {
            JsonNode node = work.pop();
            JsonNode ref = node.get("$ref");
            String pointer = ref != null && ref.isTextual() ? PathSchemaPointer.rootOfRef(ref.textValue()) : null;
            if (pointer != null
                    && !schemas.containsKey(pointer)
                    && root.at(pointer) instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
                OpenAPIDeserializer.ParseResult result = new OpenAPIDeserializer.ParseResult();
                result.openapi31(format == SpecFormat.OPENAPI_3_1);
                Schema<?> schema = new OpenAPIDeserializer().getSchema(object, pointer, result);
                if (schema != null) {
                    schemas.put(pointer, schema);
                }
            }
            for (JsonNode child : node) {
                if (child.isContainerNode()) {
                    work.push(child);
                }
            }
        }
        return schemas;
    }

    private static boolean hasApiGatewayKeys(JsonNode root) {
        var names = root.fieldNames();
        while (names.hasNext()) {
            if (names.next().startsWith(APIGW_PREFIX)) {
                return true;
            }
        }
        return false;
    }

    private void readPath(String key, PathItem item, List<ApiOperation> out) {
        String pathPointer = JsonPointer.append("/paths", key);
        if (item == null) {
            return;
        }
        if (item.get$ref() != null) {
            problems.warning(pathPointer, "path item $ref is not supported; its operations are skipped");
            return;
        }
        String resourceDescription = firstText(item.getSummary(), item.getDescription());
        List<Parameter> shared = item.getParameters() == null ? List.of() : item.getParameters();
        String path = key;
        if (key.equals(DEFAULT_ROUTE)) {
            // An HTTP API's catch-all route: it serves every path that no other route matches.
            path = "/{proxy+}";
            shared = new ArrayList<>(shared);
            shared.add(new PathParameter()
                    .name("proxy")
                    .required(true)
                    .schema(new StringSchema())
                    .description("The path to call: this route serves every path no other route matches."));
            problems.warning(
                    pathPointer,
                    "'" + DEFAULT_ROUTE + "' is an HTTP API's catch-all route: its tool"
                            + " calls the path given as the argument 'proxy' (the route is read as /{proxy+})");
        }
        for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                item.readOperationsMap().entrySet()) {
            HttpMethod method = HttpMethod.valueOf(entry.getKey().name());
            out.add(readOperation(
                    path,
                    method,
                    JsonPointer.append(pathPointer, method.key()),
                    entry.getValue(),
                    shared,
                    resourceDescription));
        }
        Object any = item.getExtensions() == null ? null : item.getExtensions().get(ANY_METHOD);
        if (any != null) {
            apiGateway = true;
            String pointer = JsonPointer.append(pathPointer, ANY_METHOD);
            if (!(any instanceof Map<?, ?>)) {
                problems.error(pointer, ANY_METHOD + " must be an operation object, like get or post");
                return;
            }
            Operation operation;
            try {
                operation = Json.mapper().convertValue(any, Operation.class);
            } catch (IllegalArgumentException e) {
                problems.error(pointer, "cannot read the ANY method: " + e.getMessage());
                return;
            }
            out.add(readOperation(path, HttpMethod.ANY, pointer, operation, shared, resourceDescription));
        }
    }

    /** A Swagger 2.0 ANY method, converted as the {@code post} of a path item of its own. */
    private void readConvertedAnyMethod(String path, PathItem slot, List<ApiOperation> out) {
        if (slot == null || slot.getPost() == null) {
            return;
        }
        apiGateway = true;
        List<Parameter> shared = slot.getParameters() == null ? List.of() : slot.getParameters();
        out.add(readOperation(
                path,
                HttpMethod.ANY,
                JsonPointer.append(JsonPointer.append("/paths", path), ANY_METHOD),
                slot.getPost(),
                shared,
                null));
    }

    private ApiOperation readOperation(
            String path,
            HttpMethod method,
            String pointer,
            Operation operation,
            List<Parameter> shared,
            String resourceDescription) {
        Map<String, Object> extensions = operation.getExtensions() == null ? Map.of() : operation.getExtensions();
        Integer timeout = null;
        for (String key : extensions.keySet()) {
            if (key.startsWith(APIGW_PREFIX)) {
                apiGateway = true;
            }
        }
        if (extensions.get("x-amazon-apigateway-integration") instanceof Map<?, ?> integration
                && integration.get("timeoutInMillis") instanceof Number millis) {
            timeout = millis.intValue();
        }
        List<SecurityRequirement> security = security(operation, pointer);
        return new ApiOperation(
                path,
                method,
                pointer,
                blankToNull(operation.getOperationId()),
                blankToNull(operation.getSummary()),
                blankToNull(operation.getDescription()),
                resourceDescription,
                withPathVariables(path, method, pointer, parameters(pointer, operation.getParameters(), shared)),
                requestBody(pointer, operation.getRequestBody()),
                successResponse(pointer, operation.getResponses()),
                security,
                authorizationType(extensions.get("x-amazon-apigateway-auth")),
                timeout,
                Boolean.TRUE.equals(operation.getDeprecated()),
                tags(operation.getTags()));
    }

    /** The operation's tags without blanks and nulls (a search field; nothing else reads them). */
    private static List<String> tags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        return tags.stream()
                .filter(tag -> tag != null && !tag.isBlank())
                .map(String::strip)
                .toList();
    }

    /** {@code x-amazon-apigateway-auth}'s {@code type}; empty when the extension is there but names none. */
    private static String authorizationType(Object extension) {
        if (extension == null) {
            return null;
        }
        Object type = extension instanceof Map<?, ?> auth ? auth.get("type") : null;
        return type == null ? "" : type.toString();
    }

    private List<SecurityRequirement> security(Operation operation, String operationPointer) {
        List<io.swagger.v3.oas.models.security.SecurityRequirement> declared =
                operation.getSecurity() != null ? operation.getSecurity() : api.getSecurity();
        String pointer = operation.getSecurity() != null ? operationPointer + "/security" : "/security";
        List<SecurityRequirement> out = new ArrayList<>();
        if (declared != null) {
            for (var requirement : declared) {
                List<String> schemes = requirement == null ? List.of() : new ArrayList<>(requirement.keySet());
                apiKeyFlag.requirement(schemes, JsonPointer.append(pointer, out.size()));
                out.add(new SecurityRequirement(schemes));
            }
        }
        return out;
    }

    /** Operation parameters override path-level ones with the same name and location. */
    private List<ApiParameter> parameters(String operationPointer, List<Parameter> own, List<Parameter> shared) {
        Map<String, ApiParameter> merged = new LinkedHashMap<>();
        String pathItemPointer = operationPointer.substring(0, operationPointer.lastIndexOf('/'));
        for (int i = 0; i < shared.size(); i++) {
            add(merged, shared.get(i), JsonPointer.append(pathItemPointer + "/parameters", i));
        }
        if (own != null) {
            for (int i = 0; i < own.size(); i++) {
                add(merged, own.get(i), JsonPointer.append(operationPointer + "/parameters", i));
            }
        }
        return List.copyOf(merged.values());
    }

    /**
     * The declared parameters plus every variable of the path template that none declares, as a required string:
     * API Gateway passes each {@code {name}} and {@code {name+}} whether or not the method declares it, and exports
     * leave the declaration out when a method maps nothing from it. A greedy variable's parameter is named without
     * the {@code +} (as API Gateway's own exports declare it), so a declared {@code proxy+} is read as {@code proxy}.
     */
    private List<ApiParameter> withPathVariables(
            String path, HttpMethod method, String operationPointer, List<ApiParameter> declared) {
        List<ApiParameter> out = new ArrayList<>(declared);
        String pathItemPointer = operationPointer.substring(0, operationPointer.lastIndexOf('/'));
        Matcher variable = PATH_VARIABLE.matcher(path);
        while (variable.find()) {
            String name = variable.group(1);
            int at = indexOfPathParameter(out, name);
            if (at < 0 && variable.group().endsWith("+}")) {
                at = indexOfPathParameter(out, name + "+");
                if (at >= 0) {
                    ApiParameter p = out.get(at);
                    out.set(
                            at,
                            new ApiParameter(
                                    name,
                                    p.in(),
                                    p.required(),
                                    p.schema(),
                                    p.description(),
                                    p.style(),
                                    p.explode(),
                                    p.pointer(),
                                    p.examples(),
                                    p.deprecated()));
                }
            }
            if (at < 0) {
                problems.warning(
                        pathItemPointer,
                        method.name() + " " + path + ": path variable " + variable.group()
                                + " is not declared as a parameter; it is added as the required string argument '"
                                + name
                                + "' (API Gateway passes every path variable)");
                out.add(new ApiParameter(
                        name, ParameterLocation.PATH, true, new StringSchema(), null, null, null, pathItemPointer));
            }
        }
        return out;
    }

    private static int indexOfPathParameter(List<ApiParameter> parameters, String name) {
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).in() == ParameterLocation.PATH
                    && parameters.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private void add(Map<String, ApiParameter> merged, Parameter parameter, String pointer) {
        Parameter resolved = resolve(parameter, pointer);
        if (resolved == null) {
            return;
        }
        if (resolved.getName() == null || resolved.getIn() == null) {
            problems.error(pointer, "parameter without 'name' or 'in'");
            return;
        }
        ParameterLocation in;
        try {
            in = ParameterLocation.valueOf(resolved.getIn().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.error(pointer + "/in", "unknown parameter location '" + resolved.getIn() + "'");
            return;
        }
        Schema<?> schema = resolved.getSchema();
        if (schema == null
                && resolved.getContent() != null
                && !resolved.getContent().isEmpty()) {
            MediaType first = resolved.getContent().values().iterator().next();
            schema = first == null ? null : first.getSchema();
        }
        merged.put(
                in + ":" + resolved.getName(),
                new ApiParameter(
                        resolved.getName(),
                        in,
                        in == ParameterLocation.PATH || Boolean.TRUE.equals(resolved.getRequired()),
                        schema,
                        blankToNull(resolved.getDescription()),
                        resolved.getStyle() == null ? null : resolved.getStyle().toString(),
                        resolved.getExplode(),
                        pointer,
                        examples(resolved),
                        Boolean.TRUE.equals(resolved.getDeprecated())));
    }

    /**
     * A parameter's own {@code example}, else the values of its inline {@code examples} (those that refer to
     * {@code components.examples} are not read, see {@link UnreadMembers}).
     */
    private static List<Object> examples(Parameter parameter) {
        if (parameter.getExample() != null) {
            return List.of(parameter.getExample());
        }
        List<Object> values = new ArrayList<>();
        if (parameter.getExamples() != null) {
            parameter.getExamples().values().stream()
                    .filter(e -> e != null && e.getValue() != null)
                    .forEach(e -> values.add(e.getValue()));
        }
        return values;
    }

    private Parameter resolve(Parameter parameter, String pointer) {
        if (parameter == null) {
            problems.error(pointer, "empty parameter");
            return null;
        }
        String ref = parameter.get$ref();
        if (ref == null) {
            return parameter;
        }
        Parameter target = resolveRef(
                ref,
                "parameters",
                components.getParameters(),
                (node, at) -> new OpenAPIDeserializer().getParameter(node, at, new OpenAPIDeserializer.ParseResult()),
                Parameter::get$ref);
        if (target == null) {
            problems.error(pointer + "/$ref", "unresolvable parameter reference '" + ref + "'");
        }
        return target;
    }

    private ApiRequestBody requestBody(String operationPointer, RequestBody body) {
        if (body == null) {
            return null;
        }
        String pointer = operationPointer + "/requestBody";
        if (body.get$ref() != null) {
            RequestBody target = resolveRef(
                    body.get$ref(),
                    "requestBodies",
                    components.getRequestBodies(),
                    (node, at) ->
                            new OpenAPIDeserializer().getRequestBody(node, at, new OpenAPIDeserializer.ParseResult()),
                    RequestBody::get$ref);
            if (target == null) {
                problems.error(pointer + "/$ref", "unresolvable request body reference '" + body.get$ref() + "'");
                return null;
            }
            body = target;
        }
        Map<String, Schema<?>> content = new LinkedHashMap<>();
        Map<String, Map<String, ApiEncoding>> encodings = new LinkedHashMap<>();
        if (body.getContent() != null) {
            for (Map.Entry<String, MediaType> media : body.getContent().entrySet()) {
                Schema<?> schema =
                        media.getValue() == null ? null : media.getValue().getSchema();
                String mediaType = swagger2Json(media.getKey(), schema);
                content.put(mediaType, schema);
                Map<String, ApiEncoding> encoding = encoding(media.getValue());
                if (!encoding.isEmpty()) {
                    encodings.put(mediaType, encoding);
                }
            }
        }
        return new ApiRequestBody(
                Boolean.TRUE.equals(body.getRequired()),
                blankToNull(body.getDescription()),
                content,
                pointer,
                encodings,
                binaryTypes);
    }

    /** A media type's {@code encoding} object, property by property (declared order); empty when absent. */
    private static Map<String, ApiEncoding> encoding(MediaType media) {
        if (media == null || media.getEncoding() == null) {
            return Map.of();
        }
        Map<String, ApiEncoding> encoding = new LinkedHashMap<>();
        media.getEncoding().forEach((property, declared) -> {
            if (declared != null) {
                encoding.put(
                        property,
                        new ApiEncoding(
                                declared.getStyle() == null
                                        ? null
                                        : declared.getStyle().toString(),
                                declared.getExplode(),
                                blankToNull(declared.getContentType())));
            }
        });
        return encoding;
    }

    private ApiResponse successResponse(
            String operationPointer, io.swagger.v3.oas.models.responses.ApiResponses responses) {
        if (responses == null) {
            return null;
        }
        String best = null;
        for (String code : responses.keySet()) {
            if (isSuccess(code) && (best == null || rank(code) < rank(best))) {
                best = code;
            }
        }
        if (best == null) {
            return null;
        }
        String pointer = JsonPointer.append(operationPointer + "/responses", best);
        io.swagger.v3.oas.models.responses.ApiResponse response = responses.get(best);
        if (response != null && response.get$ref() != null) {
            var target = resolveRef(
                    response.get$ref(),
                    "responses",
                    components.getResponses(),
                    (node, at) ->
                            new OpenAPIDeserializer().getResponse(node, at, new OpenAPIDeserializer.ParseResult()),
                    io.swagger.v3.oas.models.responses.ApiResponse::get$ref);
            if (target == null) {
                problems.error(pointer + "/$ref", "unresolvable response reference '" + response.get$ref() + "'");
                return null;
            }
            response = target;
        }
        Content content = response == null ? null : response.getContent();
        if (content == null || content.isEmpty()) {
            return new ApiResponse(best, null, null, pointer);
        }
        String mediaType = null;
        for (String candidate : content.keySet()) {
            if (MediaTypes.isJson(candidate)) {
                mediaType = candidate;
                break;
            }
        }
        if (mediaType == null) {
            mediaType = content.keySet().iterator().next();
        }
        MediaType media = content.get(mediaType);
        Schema<?> schema = media == null ? null : media.getSchema();
        String chosen = swagger2Json(mediaType, schema);
        List<String> mediaTypes = new ArrayList<>();
        for (String type : content.keySet()) {
            mediaTypes.add(type.equals(mediaType) ? chosen : type);
        }
        return new ApiResponse(best, chosen, schema, pointer, mediaTypes);
    }

    /**
     * A Swagger 2.0 body or response without {@code consumes} / {@code produces} comes out of swagger-parser
     * under {@code *}{@code /*}; its schema describes JSON (as API Gateway reads it), so it is JSON, unless it is
     * {@code format: binary}: then it describes bytes and stays {@code *}{@code /*}.
     */
    private String swagger2Json(String mediaType, Schema<?> schema) {
        return format == SpecFormat.SWAGGER_2_0
                        && schema != null
                        && !"binary".equals(schema.getFormat())
                        && MediaTypes.essence(mediaType).equals("*/*")
                ? "application/json"
                : mediaType;
    }

    private static boolean isSuccess(String code) {
        return code.length() == 3
                && code.charAt(0) == '2'
                && (code.equalsIgnoreCase("2XX")
                        || Character.isDigit(code.charAt(1)) && Character.isDigit(code.charAt(2)));
    }

    private static int rank(String code) {
        return code.equalsIgnoreCase("2XX") ? 300 : Integer.parseInt(code);
    }

    /**
     * Resolves a local reference: {@code #/components/<kind>/<name>} from the parsed components, any other
     * local pointer (legal OpenAPI, e.g. {@code #/paths/~1a/get/parameters/0}) by deserialising the object it
     * points at. Chains of references are not followed. {@code null} when it does not resolve.
     */
    private <T> T resolveRef(
            String ref,
            String kind,
            Map<String, T> parsed,
            java.util.function.BiFunction<com.fasterxml.jackson.databind.node.ObjectNode, String, T> deserialize,
            java.util.function.Function<T, String> refOf) {
        String pointer = JsonPointer.ofLocalRef(ref);
        if (pointer == null) {
            return null;
        }
        String prefix = "/components/" + kind + "/";
        if (pointer.startsWith(prefix) && pointer.indexOf('/', prefix.length()) < 0) {
            String name = pointer.substring(prefix.length()).replace("~1", "/").replace("~0", "~");
            return parsed == null ? null : parsed.get(name);
        }
        if (format == SpecFormat.SWAGGER_2_0) {
            return null; // the converted model's pointers do not match the original document
        }
        JsonNode node = root.at(pointer);
        T target = node instanceof com.fasterxml.jackson.databind.node.ObjectNode object
                ? deserialize.apply(object, ref)
                : null;
        return target == null || refOf.apply(target) != null ? null : target;
    }

    /** {@code #/paths/~1a%7Bb%7D} → {@code /paths/~1a{b}}; {@code null} for non-local or malformed refs. */
    static String firstText(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
