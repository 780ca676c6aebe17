package dev.apigwmcp.generator;

import dev.apigwmcp.generator.compile.CompiledTarget;
import dev.apigwmcp.generator.compile.CompiledTool;
import dev.apigwmcp.generator.compile.ToolCompiler;
import dev.apigwmcp.generator.config.CodeDialect;
import dev.apigwmcp.generator.config.ConfigValidator;
import dev.apigwmcp.generator.emit.BindingsEmitter;
import dev.apigwmcp.generator.emit.CatalogMarkdownEmitter;
import dev.apigwmcp.generator.emit.ResourcePaths;
import dev.apigwmcp.generator.emit.ToolDefinitions;
import dev.apigwmcp.generator.emit.ToolJson;
import dev.apigwmcp.generator.emit.ToolLines;
import dev.apigwmcp.generator.emit.java.JavaEmitter;
import dev.apigwmcp.generator.emit.search.SearchDocumentEmitter;
import dev.apigwmcp.generator.emit.search.SearchVectorEmitter;
import dev.apigwmcp.generator.emit.search.TextEmbedder;
import dev.apigwmcp.generator.model.ApiModel;
import dev.apigwmcp.generator.problem.ProblemCollector;
import dev.apigwmcp.generator.read.ExportReader;
import dev.apigwmcp.generator.select.Selection;
import dev.apigwmcp.generator.select.ToolSelector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The one door into the generator: {@code Generator.generate(config)} reads every target's export, applies its
 * filters and overrides, compiles the tools and emits schemas, {@code tools.json}, bindings, typed Java and the
 * catalog (and each target's search documents). The Maven plugin, the command line and the tests all call this.
 */
public final class Generator {

    private Generator() {}

    public static GenerationResult generate(GeneratorConfig config) {
        List<Problem> errors = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        List<Problem> notes = new ArrayList<>();
        List<CompiledTarget> compiled = new ArrayList<>();
        List<TargetSummary> summaries = new ArrayList<>();
        if (config.targets().isEmpty()) {
            errors.add(new Problem(null, null, "targets", "no targets configured"));
        }
        // Front ends have checked the configuration already; one built in code is checked here, the same way.
        errors.addAll(new ConfigValidator(new CodeDialect()).check(config.targets()));
        if (!errors.isEmpty()) {
            return new GenerationResult(List.of(), List.of(), List.of(), warnings, errors);
        }
        for (TargetConfig target : config.targets()) {
            ProblemCollector problems = new ProblemCollector(target.name(), target.displayFile());
            Optional<ApiModel> model = new ExportReader().read(target.exportFile(), problems);
            if (model.isPresent()) {
                Selection selection = new ToolSelector().select(target, model.get(), problems);
                CompiledTarget result = new ToolCompiler().compile(target, model.get(), selection, problems);
                if (result.tools().isEmpty() && !target.allowNoTools() && !problems.hasErrors()) {
                    int operations = model.get().operations().size();
                    problems.error(
                            "",
                            "no tool comes out of this export (" + operations + " operations: "
                                    + selection.filteredOut() + " not selected (by toolFilters, or CORS OPTIONS), "
                                    + (operations - selection.filteredOut())
                                    + " left out as the warnings say); a gateway"
                                    + " without tools is almost certainly a mistake: check the filters and the warnings,"
                                    + " or set allowNoTools to accept it");
                }
                compiled.add(result);
                summaries.add(new TargetSummary(
                        target.name(),
                        model.get().operations().size(),
                        result.tools().size(),
                        selection.filteredOut()));
            } else {
                summaries.add(new TargetSummary(target.name(), 0, 0, 0));
            }
            errors.addAll(problems.errors());
            warnings.addAll(problems.warnings());
            notes.addAll(problems.notes());
        }
        checkAcrossTargets(compiled, errors);
        List<ToolSummary> tools = new ArrayList<>();
        for (CompiledTarget target : compiled) {
            for (CompiledTool tool : target.tools()) {
                tools.add(new ToolSummary(
                        target.name(),
                        tool.name(),
                        tool.method(),
                        tool.operation().path()));
            }
        }
        tools.sort(Comparator.comparing(ToolSummary::name));
        if (!errors.isEmpty()) {
            return new GenerationResult(List.of(), tools, summaries, warnings, errors, notes);
        }
        return new GenerationResult(emit(compiled, warnings), tools, summaries, warnings, errors, notes);
    }

    /**
     * Emits every file. The parts are independent, so they run together: the sequential ones (bindings, TOOLS.md)
     * overlap the per-tool work (each part is parallel over tools inside) instead of following it. Each part
     * keeps its own order and the files are sorted by path at the end, so thread timing never shows.
     */
    private static List<GeneratedFile> emit(List<CompiledTarget> targets, List<Problem> warnings) {
        JavaEmitter java = new JavaEmitter();
        List<Supplier<Emitted>> parts = new ArrayList<>();
        TextEmbedder embedder = embedder();
        List<Problem> embedderProblems = Collections.synchronizedList(new ArrayList<>());
        for (CompiledTarget target : targets) {
            parts.add(() -> Emitted.of(java.emit(target)));
            parts.add(() -> json(target));
            parts.add(() -> Emitted.of(List.of(new BindingsEmitter().emit(target))));
            parts.add(() -> Emitted.of(List.of(new SearchDocumentEmitter().emit(target))));
            if (embedder != null) {
                parts.add(() -> vectors(embedder, target, embedderProblems));
            }
        }
        parts.add(() -> Emitted.of(List.of(new CatalogMarkdownEmitter().emit(targets))));
        List<Emitted> emitted = parts.parallelStream().map(Supplier::get).toList();

        List<GeneratedFile> files = new ArrayList<>();
        Map<String, byte[]> entries = new TreeMap<>(); // the catalog lists every target's tools by name
        for (Emitted part : emitted) {
            files.addAll(part.files());
            entries.putAll(part.entries());
        }
        files.add(new GeneratedFile(
                GeneratedFile.Kind.RESOURCE,
                ResourcePaths.CATALOG + "tools.json",
                ToolDefinitions.prettyListResultUtf8(List.copyOf(entries.values()))));
        files.add(
                java.servicesFile(targets.stream().map(java::registryClassName).toList()));
        files.sort(Comparator.comparing(GeneratedFile::kind).thenComparing(GeneratedFile::relativePath));
        warnings.addAll(embedderProblems);
        return files;
    }

    /**
     * The embedding model the generator finds on the context class path ({@link TextEmbedder}), which makes it
     * write search vectors; empty without one. Incremental builds count it as part of what generated the output.
     */
    public static Optional<String> searchEmbeddingModel() {
        TextEmbedder embedder = embedder();
        return embedder == null ? Optional.empty() : Optional.of(embedder.model());
    }

    /** The embedding model on the class path ({@link TextEmbedder}), or {@code null}: then no vectors. */
    private static TextEmbedder embedder() {
        return ServiceLoader.load(TextEmbedder.class, Thread.currentThread().getContextClassLoader())
                .findFirst()
                .orElse(null);
    }

    /**
     * A target's search vectors. A model that fails (its native library does not load on this platform) costs
     * the vectors, not the build: the search is then lexical, and a warning says why.
     */
    private static Emitted vectors(TextEmbedder embedder, CompiledTarget target, List<Problem> problems) {
        try {
            return Emitted.of(List.of(new SearchVectorEmitter(embedder).emit(target)));
        } catch (RuntimeException | LinkageError e) {
            problems.add(new Problem(
                    target.name(),
                    null,
                    SearchVectorEmitter.FILE,
                    "the embedding model "
                            + embedder.getClass().getName() + " failed (" + e
                            + "); no search vectors are written and the"
                            + " tool search is lexical only"));
            return Emitted.of(List.of());
        }
    }

    /**
     * A target's schema files and {@code tools.json}, and its tools' entries for the catalog's list. Each entry is
     * made as UTF-8 once (in parallel); the target's list and the catalog are assembled from those bytes.
     */
    private static Emitted json(CompiledTarget target) {
        List<EncodedTool> tools = target.tools().parallelStream()
                .map(tool -> EncodedTool.of(tool.name(), ToolJson.of(tool)))
                .toList();
        List<GeneratedFile> files = new ArrayList<>();
        Map<String, byte[]> entries = new HashMap<>();
        List<byte[]> lines = new ArrayList<>(tools.size());
        for (EncodedTool tool : tools) {
            files.addAll(tool.json().schemaFiles());
            entries.put(tool.name(), tool.json().entry());
            lines.add(tool.line());
        }
        // The runtime reads the target's list at start: one compact tool per line, found without a parser. The
        // reviewed catalog keeps the pretty entries.
        files.add(new GeneratedFile(
                GeneratedFile.Kind.RESOURCE,
                ResourcePaths.targetFolder(target.name()) + "tools.json",
                ToolLines.listResult(lines)));
        return new Emitted(files, entries);
    }

    /** A tool's JSON, with its catalog entry (pretty) and its line in the target's list (compact) as UTF-8. */
    private record EncodedTool(String name, ToolJson json, byte[] line) {
        static EncodedTool of(String name, ToolJson json) {
            return new EncodedTool(name, json, ToolLines.line(json.entry()));
        }
    }

    /** What one part of the emission produced: files, and tools.json entries by tool name (JSON parts only). */
    private record Emitted(List<GeneratedFile> files, Map<String, byte[]> entries) {
        static Emitted of(List<GeneratedFile> files) {
            return new Emitted(files, Map.of());
        }
    }

    /** Tool names and Java packages must be unique across the targets of one gateway. */
    private static void checkAcrossTargets(List<CompiledTarget> targets, List<Problem> errors) {
        Map<String, String> toolOwner = new HashMap<>();
        Map<String, String> packageOwner = new HashMap<>();
        for (CompiledTarget target : targets) {
            String other = packageOwner.putIfAbsent(target.javaPackage(), target.name());
            if (other != null) {
                errors.add(new Problem(
                        target.name(),
                        null,
                        "javaPackage",
                        "Java package " + target.javaPackage() + " is also used by target " + other
                                + "; set a distinct javaPackage"));
            }
            for (CompiledTool tool : target.tools()) {
                String owner = toolOwner.putIfAbsent(tool.name(), target.name());
                if (owner != null) {
                    errors.add(new Problem(
                            target.name(),
                            target.config().displayFile(),
                            tool.operation().pointer(),
                            "tool name '" + tool.name() + "' is also generated by target " + owner
                                    + "; keep the name prefix on or override one of the names"));
                }
            }
        }
    }
}
