package dev.apigwmcp.generator.compile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwmcp.generator.TargetConfig;
import dev.apigwmcp.generator.emit.JsonOutput;
import dev.apigwmcp.generator.model.ApiModel;
import dev.apigwmcp.generator.model.ApiOperation;
import dev.apigwmcp.generator.model.ApiParameter;
import dev.apigwmcp.generator.model.ApiRequestBody;
import dev.apigwmcp.generator.model.ApiResponse;
import dev.apigwmcp.generator.model.AuthKind;
import dev.apigwmcp.generator.model.HttpMethod;
import dev.apigwmcp.generator.model.JsonPointer;
import dev.apigwmcp.generator.model.ParameterLocation;
import dev.apigwmcp.generator.model.SecurityScheme;
import dev.apigwmcp.generator.read.MediaTypes;
import dev.apigwmcp.generator.read.ProblemCollector;
import dev.apigwmcp.generator.schema.Direction;
import dev.apigwmcp.generator.schema.SchemaConverter;
import dev.apigwmcp.generator.schema.SchemaDocument;
import dev.apigwmcp.generator.schema.SchemaIssue;
import dev.apigwmcp.generator.select.Descriptions;
import dev.apigwmcp.generator.select.SelectedOperation;
import dev.apigwmcp.generator.select.Selection;
import dev.apigwmcp.generator.select.ToolNamer;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the selected operations of one target into {@link CompiledTool}s: names, descriptions, auth, input and
 * output schemas and the argument bindings. All decisions about a tool are made here.
 */
public final class ToolCompiler {

    /** Headers the runtime owns: never tool arguments (OpenAPI also says to ignore the first three). */
    private static final Set<String> RESERVED_HEADERS = Set.of("accept", "content-type", "authorization",
            "content-length", "host", "connection", "transfer-encoding");
    private static final Pattern EXECUTE_API_HOST = Pattern.compile(
            "^https?://[a-z0-9]+\\.execute-api\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?(?:[:/]|$)");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Below this many operations per run, splitting costs more than it saves. */
    private static final int MIN_CHUNK = 64;

    public CompiledTarget compile(TargetConfig config, ApiModel model, Selection selection,
            ProblemCollector problems) {
        ToolNamer namer = new ToolNamer(config.namePrefix() ? config.name() : null);
        AuthResolver authResolver = new AuthResolver(model, config.auth());
        ApiKeyLocation apiKey = apiKeyLocation(model);

        // Operations compile independently, so runs of them compile in parallel. They share one schema converter
        // (each component is converted once, whichever run needs it first; its problems are replayed into every
        // schema that uses it) and each has its own problems, merged back in selection order: tools, names and
        // messages come out exactly as if compiled one after the other.
        SchemaConverter converter = converter(model);
        List<ChunkResult> chunks = chunks(selection.selected()).parallelStream().map(chunk -> {
            ProblemCollector found = new ProblemCollector(problems.target(), problems.file());
            List<CompiledTool> tools = new ArrayList<>();
            for (SelectedOperation selected : chunk) {
                compileOne(config, model, selected, converter, namer, authResolver, apiKey, found)
                        .ifPresent(tools::add);
            }
            return new ChunkResult(tools, found);
        }).toList();
        Map<String, List<CompiledTool>> byName = new TreeMap<>();
        for (ChunkResult chunk : chunks) {
            problems.addAll(chunk.problems());
            for (CompiledTool tool : chunk.tools()) {
                byName.computeIfAbsent(tool.name(), k -> new ArrayList<>()).add(tool);
            }
        }
        disambiguateDerivedNames(byName, namer, problems);
        List<CompiledTool> tools = new ArrayList<>();
        for (Map.Entry<String, List<CompiledTool>> entry : byName.entrySet()) {
            List<CompiledTool> same = entry.getValue();
            if (same.size() > 1) {
                reportCollision(entry.getKey(), same, problems);
            } else {
                tools.add(same.get(0));
            }
        }
        String serverUrl = model.serverUrl();
        return new CompiledTarget(config, tools, serverUrl, region(serverUrl), apiKey.in(), apiKey.name(),
                javaPackage(config));
    }

    private static SchemaConverter converter(ApiModel model) {
        return new SchemaConverter(model.componentSchemas(), model.pathSchemas(),
                model.format() == ApiModel.SpecFormat.OPENAPI_3_1,
                model.format() == ApiModel.SpecFormat.SWAGGER_2_0 ? SchemaConverter.SWAGGER2_DEFINITIONS
                        : SchemaConverter.OPENAPI_COMPONENTS);
    }

    /** One run per available core, in selection order. */
    private static List<List<SelectedOperation>> chunks(List<SelectedOperation> selected) {
        int count = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(),
                selected.size() / MIN_CHUNK));
        List<List<SelectedOperation>> chunks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            chunks.add(selected.subList(i * selected.size() / count, (i + 1) * selected.size() / count));
        }
        return chunks;
    }

    private Optional<CompiledTool> compileOne(TargetConfig config, ApiModel model, SelectedOperation selected,
            SchemaConverter converter, ToolNamer namer, AuthResolver authResolver, ApiKeyLocation apiKey,
            ProblemCollector problems) {
        ApiOperation operation = selected.operation();
        String overrideName = selected.override() == null ? null : selected.override().name();
        if (overrideName != null && !ToolNamer.PORTABLE_NAME.matcher(overrideName).matches()) {
            problems.configError("toolOverrides", "override name '" + overrideName + "' for " + operation.label()
                    + " must match ^[A-Za-z0-9_-]{1,64}$");
            return Optional.empty();
        }
        Optional<List<AuthKind>> auth = authResolver.resolve(operation, problems);
        if (auth.isEmpty()) {
            return Optional.empty();
        }
        if (auth.get().contains(AuthKind.BEARER)) {
            problems.warning(operation.pointer() + "/security", operation.label() + " is protected by a Cognito,"
                    + " Lambda or OAuth2 authorizer: its tool calls need an OAuth2 client-credentials token at run"
                    + " time (settings target." + config.name() + ".oauth2.*)");
        }
        String baseName = namer.baseName(operation, overrideName);
        String name = namer.finalName(baseName);
        if (!name.equals(config.namePrefix() ? config.name() + "___" + baseName : baseName)) {
            problems.warning(operation.pointer(), "tool name for " + operation.label() + " is longer than "
                    + ToolNamer.MAX_LENGTH + " characters and was shortened to '" + name + "'");
        }
        String description = Descriptions.describe(operation,
                selected.override() == null ? null : selected.override().description());
        if (description.length() > config.descriptionMaxLength()) {
            problems.warning(operation.pointer(), "description of " + name + " has " + description.length()
                    + " characters and was cut to " + config.descriptionMaxLength()
                    + " (raise descriptionMaxLength to keep it)");
            description = Descriptions.cut(description, config.descriptionMaxLength());
        }
        String title = operation.summary() == null ? null : Descriptions.normalize(operation.summary());

        SchemaDocument input = converter.newDocument(Direction.INPUT);
        ObjectNode properties = JSON.objectNode();
        List<String> required = new ArrayList<>();
        List<ArgumentBinding> arguments = new ArrayList<>();
        ArgumentNames names = new ArgumentNames();
        String methodArgument = null;
        if (operation.method() == HttpMethod.ANY) {
            methodArgument = operation.parameters().stream().anyMatch(p -> p.name().equals("method"))
                    ? "httpMethod" : "method";
            names.reserve(methodArgument);
        }
        List<ApiParameter> parameters = new ArrayList<>(operation.parameters());
        parameters.sort(Comparator.comparing(ApiParameter::in));
        for (ApiParameter parameter : parameters) {
            if (isCredential(parameter, apiKey)) {
                continue;
            }
            boolean[] renamed = new boolean[1];
            String argument = names.claim(parameter.name(), parameter.in().key(), renamed);
            if (renamed[0]) {
                problems.warning(parameter.pointer(), parameter.in().key() + " parameter '" + parameter.name()
                        + "' of " + operation.label() + " clashes with another argument and is named '" + argument
                        + "'");
            }
            boolean greedy = parameter.in() == ParameterLocation.PATH
                    && operation.path().contains("{" + parameter.name() + "+}");
            ObjectNode schema = parameter.schema() == null ? JSON.objectNode()
                    : input.convert(parameter.schema(), parameter.pointer() + "/schema");
            schema = describe(schema, greedy ? greedyDescription(parameter, operation) : parameter.description());
            properties.set(argument, schema);
            if (parameter.required()) {
                required.add(argument);
            }
            arguments.add(binding(argument, parameter, greedy, schema));
        }
        if (methodArgument != null) {
            ArrayNode values = JSON.arrayNode();
            selected.anyMethods().forEach(m -> values.add(m.name()));
            ObjectNode schema = JSON.objectNode();
            schema.put("type", "string");
            schema.put("description", "HTTP method to call on " + operation.path() + ".");
            schema.set("enum", values);
            properties.set(methodArgument, schema);
            required.add(methodArgument);
            arguments.add(new ArgumentBinding(methodArgument, "method", "method", true, false, null, null));
        }
        BodyBinding body = null;
        ApiRequestBody requestBody = operation.requestBody();
        if (requestBody != null && !requestBody.content().isEmpty()) {
            Optional<Map.Entry<String, Schema<?>>> media = pickBodyMediaType(requestBody);
            if (media.isEmpty()) {
                String types = String.join(", ", requestBody.content().keySet());
                if (requestBody.required()) {
                    problems.warning(requestBody.pointer(), operation.label() + " is left out: its required request"
                            + " body is not JSON or text (" + types + ")");
                    return Optional.empty();
                }
                problems.warning(requestBody.pointer(), "the optional request body of " + operation.label()
                        + " is not JSON or text (" + types + ") and is not exposed");
            } else {
                String mediaType = media.get().getKey();
                boolean json = MediaTypes.isJson(mediaType);
                boolean[] renamed = new boolean[1];
                String argument = names.claim("body", "body", renamed);
                if (renamed[0]) {
                    argument = names.claim("requestBody", "body", renamed);
                }
                ObjectNode schema;
                if (json) {
                    Schema<?> source = media.get().getValue();
                    schema = source == null ? JSON.objectNode()
                            : input.convert(source, requestBody.pointer() + "/content/"
                            + JsonPointer.escape(mediaType) + "/schema");
                } else {
                    schema = JSON.objectNode();
                    schema.put("type", "string");
                }
                schema = describe(schema, requestBody.description() != null ? requestBody.description()
                        : "Request body (" + MediaTypes.essence(mediaType) + ").");
                properties.set(argument, schema);
                if (requestBody.required()) {
                    required.add(argument);
                }
                body = new BodyBinding(argument, mediaType, requestBody.required(), json);
            }
        }
        ObjectNode inputSchema = JSON.objectNode();
        inputSchema.put("type", "object");
        inputSchema.set("properties", properties);
        if (!required.isEmpty()) {
            ArrayNode list = inputSchema.putArray("required");
            required.forEach(list::add);
        }
        inputSchema.put("additionalProperties", false);
        attachDefs(inputSchema, input);
        report(input.issues(), problems);

        ObjectNode outputSchema = null;
        String wrap = null;
        ApiResponse response = operation.successResponse();
        if (response != null && response.schema() != null && MediaTypes.isJson(response.mediaType())) {
            SchemaDocument output = converter.newDocument(Direction.OUTPUT);
            ObjectNode converted = output.convert(response.schema(), response.pointer() + "/content/"
                    + JsonPointer.escape(response.mediaType()) + "/schema");
            report(output.issues(), problems);
            if (isObjectSchema(converted)) {
                // Shallow copy: converted nodes may be shared with other tools and must not be mutated.
                outputSchema = JSON.objectNode();
                outputSchema.setAll(converted);
            } else {
                wrap = "result";
                outputSchema = JSON.objectNode();
                outputSchema.put("type", "object");
                outputSchema.putObject("properties").set("result", converted);
                outputSchema.putArray("required").add("result");
            }
            attachDefs(outputSchema, output);
            long size = JsonOutput.compactSize(outputSchema, config.outputSchemaMaxBytes());
            if (size > config.outputSchemaMaxBytes()) {
                problems.warning(response.pointer(), "output schema of " + name + " is larger than "
                        + config.outputSchemaMaxBytes() + " bytes and is left out (outputSchemaMaxBytes "
                        + config.outputSchemaMaxBytes()
                        + "); the response is still returned as text");
                outputSchema = null;
                wrap = null;
            }
        }
        return Optional.of(new CompiledTool(
                config.name(),
                name,
                baseName,
                title,
                description,
                operation,
                selected.anyMethods(),
                inputSchema,
                outputSchema,
                wrap,
                response == null ? null : response.mediaType(),
                annotations(operation.method(), title),
                arguments,
                body,
                auth.get(),
                operation.timeoutMs()));
    }

    private static ArgumentBinding binding(String argument, ApiParameter parameter, boolean greedy,
            ObjectNode schema) {
        String in = parameter.in().key();
        String style = null;
        Boolean explode = null;
        if (parameter.in() == ParameterLocation.QUERY && (isArraySchema(schema) || isObjectValued(schema))) {
            // OpenAPI's defaults for the query: style form, explode true for form and deepObject.
            style = parameter.style() == null ? "form" : parameter.style();
            explode = parameter.explode() == null ? style.equals("form") || style.equals("deepObject")
                    : parameter.explode();
        }
        return new ArgumentBinding(argument, in, parameter.name(), parameter.required(), greedy, style, explode);
    }

    private static boolean isObjectValued(JsonNode schema) {
        JsonNode type = schema.get("type");
        return type != null && type.isTextual() ? type.asText().equals("object") : schema.has("properties");
    }

    private static boolean isArraySchema(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return schema.has("items");
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if ("array".equals(t.asText())) {
                    return true;
                }
            }
            return false;
        }
        return "array".equals(type.asText());
    }

    /** A schema that only ever accepts JSON objects (so it can be {@code outputSchema} unwrapped). */
    private static boolean isObjectSchema(ObjectNode schema) {
        JsonNode type = schema.get("type");
        return type != null && type.isTextual() && type.asText().equals("object");
    }

    private static boolean isCredential(ApiParameter parameter, ApiKeyLocation apiKey) {
        String lower = parameter.name().toLowerCase(Locale.ROOT);
        if (parameter.in() == ParameterLocation.HEADER
                && (RESERVED_HEADERS.contains(lower) || lower.startsWith("x-amz-"))) {
            return true;
        }
        return apiKey.name() != null && parameter.in().key().equals(apiKey.in())
                && lower.equals(apiKey.name().toLowerCase(Locale.ROOT));
    }

    private static String greedyDescription(ApiParameter parameter, ApiOperation operation) {
        String own = parameter.description() == null ? "" : Descriptions.normalize(parameter.description()) + " ";
        String prefix = operation.path().substring(0, operation.path().indexOf("{" + parameter.name() + "+}"));
        return own + "Path below " + prefix + " (may contain '/'; '.' and '..' segments are rejected).";
    }

    /** Adds a description to a property schema that has none (copying: converted nodes may be shared). */
    private static ObjectNode describe(ObjectNode schema, String description) {
        if (description == null || description.isBlank() || schema.has("description")) {
            return schema;
        }
        ObjectNode copy = JSON.objectNode();
        boolean placed = false;
        for (Map.Entry<String, JsonNode> field : schema.properties()) {
            if (!placed && !isLeadingKeyword(field.getKey())) {
                copy.put("description", Descriptions.normalize(description));
                placed = true;
            }
            copy.set(field.getKey(), field.getValue());
        }
        if (!placed) {
            copy.put("description", Descriptions.normalize(description));
        }
        return copy;
    }

    private static boolean isLeadingKeyword(String keyword) {
        return keyword.equals("type") || keyword.equals("format") || keyword.equals("title")
                || keyword.equals("$ref");
    }

    private static void attachDefs(ObjectNode root, SchemaDocument document) {
        if (!document.defs().isEmpty()) {
            ObjectNode defs = root.putObject("$defs");
            document.defs().forEach(defs::set);
        }
    }

    private static void report(List<SchemaIssue> issues, ProblemCollector problems) {
        for (SchemaIssue issue : issues) {
            if (issue.error()) {
                problems.error(issue.pointer(), issue.message());
            } else {
                problems.warning(issue.pointer(), issue.message());
            }
        }
    }

    private static Optional<Map.Entry<String, Schema<?>>> pickBodyMediaType(ApiRequestBody body) {
        Map.Entry<String, Schema<?>> text = null;
        for (Map.Entry<String, Schema<?>> entry : body.content().entrySet()) {
            if (MediaTypes.isJson(entry.getKey())) {
                return Optional.of(entry);
            }
            if (text == null && MediaTypes.isText(entry.getKey())) {
                text = entry;
            }
        }
        return Optional.ofNullable(text);
    }

    private static ObjectNode annotations(HttpMethod method, String title) {
        ObjectNode node = JSON.objectNode();
        if (title != null && !title.isEmpty()) {
            node.put("title", title);
        }
        boolean readOnly = method.readOnly();
        node.put("readOnlyHint", readOnly);
        node.put("destructiveHint", method == HttpMethod.DELETE || method == HttpMethod.ANY);
        node.put("idempotentHint", readOnly || method == HttpMethod.PUT || method == HttpMethod.DELETE);
        node.put("openWorldHint", true);
        return node;
    }

    private static String region(String serverUrl) {
        if (serverUrl == null) {
            return null;
        }
        Matcher matcher = EXECUTE_API_HOST.matcher(serverUrl.toLowerCase(Locale.ROOT));
        return matcher.find() ? matcher.group(1) : null;
    }

    /** The API key scheme of the export; API Gateway's is the {@code x-api-key} header. */
    private static ApiKeyLocation apiKeyLocation(ApiModel model) {
        for (SecurityScheme scheme : model.securitySchemes().values()) {
            if (scheme.kind() == AuthKind.API_KEY && scheme.keyName() != null) {
                return new ApiKeyLocation(scheme.in() == null ? "header" : scheme.in(), scheme.keyName());
            }
        }
        return new ApiKeyLocation(null, null);
    }

    private static String javaPackage(TargetConfig config) {
        if (config.javaPackage() != null && !config.javaPackage().isBlank()) {
            return config.javaPackage();
        }
        String segment = config.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        if (segment.isEmpty() || !Character.isJavaIdentifierStart(segment.charAt(0))) {
            segment = "t" + segment;
        }
        return "dev.apigwmcp.generated." + segment;
    }

    /**
     * Names the generator derived itself (no operationId, no override) that collide — {@code GET /users} and
     * {@code GET /users/~} both give {@code get_users} — get a hash of method and path, so they stay unique
     * and stable. Collisions involving an operationId or an override name remain errors: those names are the
     * author's, and only the author can choose.
     */
    private static void disambiguateDerivedNames(Map<String, List<CompiledTool>> byName, ToolNamer namer,
            ProblemCollector problems) {
        List<CompiledTool> renamed = new ArrayList<>();
        for (var iterator = byName.entrySet().iterator(); iterator.hasNext(); ) {
            List<CompiledTool> same = iterator.next().getValue();
            boolean allDerived = same.stream().allMatch(tool -> tool.operation().operationId() == null
                    && tool.baseName().equals(ToolNamer.derivedName(tool.operation())));
            if (same.size() > 1 && allDerived) {
                iterator.remove();
                for (CompiledTool tool : same) {
                    String base = tool.baseName() + "_" + ToolNamer.shortHash(tool.operation().label());
                    CompiledTool copy = new CompiledTool(tool.target(), namer.finalName(base), base, tool.title(),
                            tool.description(), tool.operation(), tool.anyMethods(), tool.inputSchema(),
                            tool.outputSchema(), tool.outputWrap(), tool.outputMediaType(), tool.annotations(),
                            tool.arguments(), tool.body(), tool.auth(), tool.timeoutMs());
                    problems.warning(tool.operation().pointer(), "derived tool name '" + tool.name() + "' of "
                            + tool.operation().label() + " is shared with another operation; named '" + copy.name()
                            + "' (add a toolOverride for a nicer name)");
                    renamed.add(copy);
                }
            }
        }
        for (CompiledTool tool : renamed) {
            byName.computeIfAbsent(tool.name(), k -> new ArrayList<>()).add(tool);
        }
    }

    private static void reportCollision(String name, List<CompiledTool> same, ProblemCollector problems) {
        StringBuilder labels = new StringBuilder();
        for (CompiledTool tool : same) {
            if (labels.length() > 0) {
                labels.append(" and ");
            }
            labels.append(tool.operation().label()).append(" (").append(tool.operation().pointer()).append(')');
        }
        CompiledTool first = same.get(0);
        problems.error(first.operation().pointer(), "tool name '" + name + "' is used by " + labels
                + "; add a toolOverride with a distinct name for one of them, for example <toolOverride><path>"
                + same.get(1).operation().path() + "</path><method>" + same.get(1).operation().method()
                + "</method><name>...</name></toolOverride>");
    }

    /** The tools and problems of one run of operations. */
    private record ChunkResult(List<CompiledTool> tools, ProblemCollector problems) {
    }

    /** Where the export's API key travels. */
    private record ApiKeyLocation(String in, String name) {
    }
}
