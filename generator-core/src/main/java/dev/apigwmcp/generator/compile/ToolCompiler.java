package dev.apigwmcp.generator.compile;

import dev.apigwmcp.generator.TargetConfig;
import dev.apigwmcp.generator.model.ApiModel;
import dev.apigwmcp.generator.model.ApiOperation;
import dev.apigwmcp.generator.problem.ProblemCollector;
import dev.apigwmcp.generator.schema.SchemaConverter;
import dev.apigwmcp.generator.select.SelectedOperation;
import dev.apigwmcp.generator.select.Selection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the selected operations of one target into {@link CompiledTool}s. Each decision about a tool has its own
 * step, run in this order: name ({@link ToolNaming}), credentials ({@link AuthResolver}), description
 * ({@link ToolDescriber}), arguments ({@link InputSchemaBuilder}), result ({@link OutputSchemaBuilder}) and
 * annotations ({@link ToolAnnotations}); then {@link NameCollisions} makes the names unique.
 */
public final class ToolCompiler {

    private static final Pattern EXECUTE_API_HOST =
            Pattern.compile("^https?://[a-z0-9]+\\.execute-api\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?(?:[:/]|$)");
    /** Below this many operations per run, splitting costs more than it saves. */
    private static final int MIN_CHUNK = 64;

    public CompiledTarget compile(TargetConfig config, ApiModel model, Selection selection, ProblemCollector problems) {
        CredentialParameters credentials = CredentialParameters.of(model);
        Steps steps = new Steps(config, model, converter(model), credentials);

        // Operations compile independently, so runs of them compile in parallel. They share one schema converter
        // (each component is converted once, whichever run needs it first; its problems are replayed into every
        // schema that uses it) and each has its own problems, merged back in selection order: tools, names and
        // messages come out exactly as if compiled one after the other.
        List<ChunkResult> chunks = chunks(selection.selected()).parallelStream()
                .map(chunk -> {
                    ProblemCollector found = new ProblemCollector(problems.target(), problems.file());
                    List<CompiledTool> tools = new ArrayList<>();
                    for (SelectedOperation selected : chunk) {
                        steps.compile(selected, found).ifPresent(tools::add);
                    }
                    return new ChunkResult(tools, found);
                })
                .toList();
        List<CompiledTool> compiled = new ArrayList<>();
        for (ChunkResult chunk : chunks) {
            problems.addAll(chunk.problems());
            compiled.addAll(chunk.tools());
        }
        List<CompiledTool> tools = NameCollisions.resolve(compiled, steps.naming, problems);
        String serverUrl = model.serverUrl();
        return new CompiledTarget(
                config,
                tools,
                serverUrl,
                region(serverUrl),
                credentials.apiKeyIn(),
                credentials.apiKeyName(),
                javaPackage(config));
    }

    private static SchemaConverter converter(ApiModel model) {
        return new SchemaConverter(
                model.componentSchemas(),
                model.pathSchemas(),
                model.format() == ApiModel.SpecFormat.OPENAPI_3_1,
                model.format() == ApiModel.SpecFormat.SWAGGER_2_0
                        ? SchemaConverter.SWAGGER2_DEFINITIONS
                        : SchemaConverter.OPENAPI_COMPONENTS);
    }

    /** One run per available core, in selection order. */
    private static List<List<SelectedOperation>> chunks(List<SelectedOperation> selected) {
        int count = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), selected.size() / MIN_CHUNK));
        List<List<SelectedOperation>> chunks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            chunks.add(selected.subList(i * selected.size() / count, (i + 1) * selected.size() / count));
        }
        return chunks;
    }

    private static String region(String serverUrl) {
        if (serverUrl == null) {
            return null;
        }
        Matcher matcher = EXECUTE_API_HOST.matcher(serverUrl.toLowerCase(Locale.ROOT));
        return matcher.find() ? matcher.group(1) : null;
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

    /** The steps of one target, shared by the parallel runs (each step is stateless per tool). */
    private static final class Steps {
        final TargetConfig config;
        final ToolNaming naming;
        final AuthResolver auth;
        final ToolDescriber describer;
        final InputSchemaBuilder input;
        final OutputSchemaBuilder output;

        Steps(TargetConfig config, ApiModel model, SchemaConverter converter, CredentialParameters credentials) {
            this.config = config;
            this.naming = new ToolNaming(config);
            this.auth = new AuthResolver(model, config);
            this.describer = new ToolDescriber(config);
            this.input = new InputSchemaBuilder(converter, credentials);
            this.output = new OutputSchemaBuilder(converter, config);
        }

        /** One tool, or empty when a step leaves the operation out (its problem says why). */
        Optional<CompiledTool> compile(SelectedOperation selected, ProblemCollector problems) {
            ApiOperation operation = selected.operation();
            ToolName name = naming.name(selected, problems);
            Optional<ToolAuth> credentials = auth.resolve(operation, problems);
            if (credentials.isEmpty()) {
                return Optional.empty();
            }
            ToolText text = describer.describe(selected, name.name(), problems);
            Optional<ToolInput> arguments =
                    input.build(selected, credentials.get().token(), problems);
            if (arguments.isEmpty()) {
                return Optional.empty();
            }
            ToolOutput result = output.build(operation, name.name(), problems);
            return Optional.of(new CompiledTool(
                    config.name(),
                    name,
                    text,
                    operation,
                    selected.anyMethods(),
                    arguments.get(),
                    result,
                    ToolAnnotations.of(operation.method(), text.title()),
                    credentials.get()));
        }
    }

    /** The tools and problems of one run of operations. */
    private record ChunkResult(List<CompiledTool> tools, ProblemCollector problems) {}
}
