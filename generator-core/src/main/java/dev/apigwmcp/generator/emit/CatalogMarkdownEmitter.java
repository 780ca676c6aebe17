package dev.apigwmcp.generator.emit;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import dev.apigwmcp.generator.GeneratedFile;
import dev.apigwmcp.generator.compile.ArgumentBinding;
import dev.apigwmcp.generator.compile.CompiledTarget;
import dev.apigwmcp.generator.compile.CompiledTool;
import dev.apigwmcp.generator.compile.ToolAuth;
import dev.apigwmcp.generator.model.AuthKind;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Writes {@code TOOLS.md}, the human-readable catalog reviewed in pull requests. Every decision (what a type
 * reads as, which hints show) is made here in Java; the Mustache template only lays text out.
 */
public final class CatalogMarkdownEmitter {

    private final Mustache template =
            new DefaultMustacheFactory("dev/apigwmcp/generator/emit").compile("TOOLS.md.mustache");

    public GeneratedFile emit(List<CompiledTarget> targets) {
        List<CompiledTool> tools = new ArrayList<>();
        Set<String> sources = new LinkedHashSet<>();
        for (CompiledTarget target : targets) {
            tools.addAll(target.tools());
            sources.add("`" + target.config().displayFile() + "` (target `" + target.name() + "`)");
        }
        tools.sort(Comparator.comparing(CompiledTool::name));
        List<ToolView> views = new ArrayList<>();
        for (CompiledTool tool : tools) {
            views.add(view(tool));
        }
        CatalogView catalog = new CatalogView(String.join(", ", sources), tools.size(), views);
        StringWriter out = new StringWriter();
        template.execute(out, catalog);
        return GeneratedFile.text(
                GeneratedFile.Kind.RESOURCE,
                ResourcePaths.CATALOG + "TOOLS.md",
                out.toString().replace("\r\n", "\n"));
    }

    private static ToolView view(CompiledTool tool) {
        List<ArgumentView> arguments = new ArrayList<>();
        JsonNode properties = tool.inputSchema().path("properties");
        JsonNode required = tool.inputSchema().path("required");
        Set<String> requiredNames = new LinkedHashSet<>();
        required.forEach(n -> requiredNames.add(n.asText()));
        var names = properties.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode schema = properties.get(name);
            String in = location(tool, name);
            arguments.add(new ArgumentView(
                    name,
                    in,
                    cell(SchemaSummary.type(schema)),
                    requiredNames.contains(name) ? "yes" : "no",
                    cell(schema.path("description").asText(""))));
            if (in.equals("body")) {
                // Reviewers care about the body's members as much as about parameters: list the top level.
                Set<String> bodyRequired = new LinkedHashSet<>();
                schema.path("required").forEach(n -> bodyRequired.add(n.asText()));
                schema.path("properties")
                        .properties()
                        .forEach(member -> arguments.add(new ArgumentView(
                                name + "." + member.getKey(),
                                "body",
                                cell(SchemaSummary.type(member.getValue())),
                                bodyRequired.contains(member.getKey()) ? "yes" : "no",
                                cell(member.getValue().path("description").asText("")))));
            }
        }
        String output;
        if (tool.outputSchema() == null) {
            output = tool.outputMediaType() == null
                    ? "no content described."
                    : "`" + tool.outputMediaType() + "` (returned as content, no output schema).";
        } else if (tool.outputWrap() != null) {
            output = SchemaSummary.type(tool.outputSchema().path("properties").path(tool.outputWrap()))
                    + ", as `structuredContent." + tool.outputWrap() + "`.";
        } else {
            output = SchemaSummary.type(tool.outputSchema()) + " as `structuredContent`.";
        }
        return new ToolView(
                tool.name(),
                anchor(tool.name()),
                tool.method(),
                cell(tool.operation().path()),
                tool.target(),
                auth(tool.auth()),
                hints(tool),
                tool.operation().operationId(),
                tool.description(),
                !arguments.isEmpty(),
                arguments,
                output);
    }

    private static String location(CompiledTool tool, String argument) {
        for (ArgumentBinding binding : tool.arguments()) {
            if (binding.name().equals(argument)) {
                return binding.greedy() ? "path (greedy)" : binding.in();
            }
        }
        return tool.body() != null && tool.body().argument().equals(argument) ? "body" : "?";
    }

    private static String auth(ToolAuth auth) {
        if (auth.kinds().isEmpty()) {
            return "none";
        }
        StringJoiner joiner = new StringJoiner(" + ");
        for (AuthKind kind : auth.kinds()) {
            joiner.add(
                    switch (kind) {
                        case SIGV4 -> "SigV4";
                        case API_KEY -> "API key";
                        case BEARER -> "OAuth2 bearer (" + cell(auth.token().describe()) + ")";
                        case BASIC -> "HTTP basic";
                        case UNSUPPORTED -> "unsupported";
                    });
        }
        return joiner.toString();
    }

    private static String hints(CompiledTool tool) {
        JsonNode annotations = tool.annotations();
        List<String> hints = new ArrayList<>();
        if (annotations.path("readOnlyHint").asBoolean()) {
            hints.add("read-only");
        } else {
            if (annotations.path("destructiveHint").asBoolean()) {
                hints.add("destructive");
            }
            if (annotations.path("idempotentHint").asBoolean()) {
                hints.add("idempotent");
            }
        }
        return hints.isEmpty() ? "" : String.join(", ", hints);
    }

    /** GitHub-style heading anchor of a tool name. */
    private static String anchor(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
    }

    /** Table cells hold one line and no unescaped pipes. */
    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
    }

    record CatalogView(String sources, int toolCount, List<ToolView> tools) {}

    record ToolView(
            String name,
            String anchor,
            String method,
            String path,
            String target,
            String auth,
            String hints,
            String operationId,
            String description,
            boolean hasArguments,
            List<ArgumentView> arguments,
            String output) {}

    record ArgumentView(String name, String in, String type, String required, String description) {}
}
