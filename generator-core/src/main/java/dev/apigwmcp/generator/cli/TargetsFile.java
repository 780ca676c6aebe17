package dev.apigwmcp.generator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigwmcp.generator.Problem;
import dev.apigwmcp.generator.TargetConfig;
import dev.apigwmcp.generator.config.ConfigValidator;
import dev.apigwmcp.generator.config.TargetInput;
import dev.apigwmcp.generator.config.TargetInput.FilterInput;
import dev.apigwmcp.generator.config.TargetInput.OverrideInput;
import dev.apigwmcp.generator.config.ValidatedConfig;
import dev.apigwmcp.generator.config.YamlDialect;
import io.swagger.v3.core.util.Yaml;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a {@code targets.yaml} (or JSON) file: the command line's equivalent of the plugin's {@code <targets>},
 * with the same member names. Only the file's syntax is checked here (its shape and unknown keys, so a typo never
 * silently drops a filter); every value is checked by {@link ConfigValidator}. Export paths are relative to the
 * file.
 */
final class TargetsFile {

    private static final Set<String> TARGET_KEYS = Set.of(
            "name",
            "exportFile",
            "toolFilters",
            "toolOverrides",
            "auth",
            "namePrefix",
            "descriptionMaxLength",
            "outputSchemaMaxBytes",
            "javaPackage",
            "outputSchemas",
            "allowNoTools");
    private static final Set<String> FILTER_KEYS = Set.of("filterPath", "methods");
    private static final Set<String> OVERRIDE_KEYS = Set.of("path", "method", "name", "description");

    private final Path file;
    private final String display;
    private final List<Problem> problems = new ArrayList<>();
    /** Each target's position in the file, by name, to place later problems of its configuration. */
    private final Map<String, Integer> targetIndex = new HashMap<>();

    TargetsFile(Path file) {
        this.file = file;
        this.display = file.getFileName().toString();
    }

    /** The targets, or an empty list with the problems. */
    ValidatedConfig read() {
        JsonNode root;
        try {
            root = Yaml.mapper().readTree(file.toFile());
        } catch (IOException e) {
            problems.add(new Problem(null, display, "", "cannot read config: " + firstLine(e.getMessage())));
            return new ValidatedConfig(List.of(), problems);
        }
        if (root == null || !root.isObject() || !root.path("targets").isArray()) {
            problems.add(new Problem(null, display, "/targets", "expected a list 'targets'"));
            return new ValidatedConfig(List.of(), problems);
        }
        unknownKeys(root, Set.of("targets"), "");
        List<TargetInput> inputs = new ArrayList<>();
        JsonNode list = root.get("targets");
        for (int i = 0; i < list.size(); i++) {
            TargetInput input = target(list.get(i), "/targets/" + i);
            inputs.add(input);
            if (input.name() != null) {
                targetIndex.putIfAbsent(input.name().trim(), i);
            }
        }
        ValidatedConfig validated = new ConfigValidator(new YamlDialect(display)).validate(inputs);
        if (problems.isEmpty()) {
            return validated;
        }
        List<Problem> all = new ArrayList<>(problems);
        all.addAll(validated.errors());
        return new ValidatedConfig(List.<TargetConfig>of(), all);
    }

    /**
     * A problem of generation that names a place in the configuration, placed in this file: the filters and
     * overrides carry their pointer already ({@code /targets/0/toolOverrides/1}); a member of a target
     * ({@code toolFilters}) is found under that target.
     */
    Problem locate(Problem problem) {
        if (problem.file() != null || problem.pointer() == null) {
            return problem;
        }
        if (problem.pointer().startsWith("/targets/")) {
            return new Problem(problem.target(), display, problem.pointer(), problem.message());
        }
        Integer index = problem.target() == null ? null : targetIndex.get(problem.target());
        if (index == null) {
            return problem;
        }
        String member = problem.pointer().replaceAll("\\[(\\d+)]", "/$1").replace('.', '/');
        return new Problem(
                problem.target(),
                display,
                "/targets/" + index + (member.isEmpty() ? "" : "/" + member),
                problem.message());
    }

    private TargetInput target(JsonNode node, String pointer) {
        if (!node.isObject()) {
            problems.add(new Problem(null, display, pointer, "a target must be a mapping"));
            return new TargetInput(null, null, null, null, null, null, null, null, null, null, null, null);
        }
        unknownKeys(node, TARGET_KEYS, pointer);
        String export = text(node, "exportFile", pointer);
        Path exportPath = export == null
                ? null
                : file.toAbsolutePath().getParent().resolve(export).normalize();
        List<FilterInput> filters = new ArrayList<>();
        JsonNode filterList = list(node, "toolFilters", pointer);
        for (int i = 0; i < filterList.size(); i++) {
            String at = pointer + "/toolFilters/" + i;
            JsonNode filter = filterList.get(i);
            unknownKeys(filter, FILTER_KEYS, at);
            List<String> methods = new ArrayList<>();
            JsonNode methodList = list(filter, "methods", at);
            for (int m = 0; m < methodList.size(); m++) {
                methods.add(scalar(methodList.get(m), at + "/methods/" + m));
            }
            filters.add(new FilterInput(text(filter, "filterPath", at), methods));
        }
        List<OverrideInput> overrides = new ArrayList<>();
        JsonNode overrideList = list(node, "toolOverrides", pointer);
        for (int i = 0; i < overrideList.size(); i++) {
            String at = pointer + "/toolOverrides/" + i;
            JsonNode override = overrideList.get(i);
            unknownKeys(override, OVERRIDE_KEYS, at);
            overrides.add(new OverrideInput(
                    text(override, "path", at),
                    text(override, "method", at),
                    text(override, "name", at),
                    text(override, "description", at)));
        }
        return new TargetInput(
                text(node, "name", pointer),
                exportPath,
                export,
                filters,
                overrides,
                text(node, "auth", pointer),
                text(node, "namePrefix", pointer),
                text(node, "descriptionMaxLength", pointer),
                text(node, "outputSchemaMaxBytes", pointer),
                text(node, "javaPackage", pointer),
                text(node, "outputSchemas", pointer),
                text(node, "allowNoTools", pointer));
    }

    /** A scalar member as text, or {@code null} when absent; a mapping or list is a problem. */
    private String text(JsonNode node, String key, String pointer) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : scalar(value, pointer + "/" + key);
    }

    private String scalar(JsonNode value, String pointer) {
        if (!value.isValueNode()) {
            problems.add(new Problem(
                    null, display, pointer, "must be a single value, not a " + (value.isArray() ? "list" : "mapping")));
            return null;
        }
        return value.asText();
    }

    private JsonNode list(JsonNode node, String key, String pointer) {
        JsonNode value = node.path(key);
        if (!value.isMissingNode() && !value.isNull() && !value.isArray()) {
            problems.add(new Problem(null, display, pointer + "/" + key, "must be a list"));
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        return value;
    }

    private void unknownKeys(JsonNode node, Set<String> allowed, String pointer) {
        var names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problems.add(new Problem(
                        null,
                        display,
                        pointer + "/" + name,
                        "unknown key '" + name + "' (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")"));
            }
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
