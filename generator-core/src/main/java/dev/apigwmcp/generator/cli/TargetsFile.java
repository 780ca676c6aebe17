package dev.apigwmcp.generator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigwmcp.generator.AuthMode;
import dev.apigwmcp.generator.Problem;
import dev.apigwmcp.generator.TargetConfig;
import dev.apigwmcp.generator.ToolFilter;
import dev.apigwmcp.generator.ToolOverride;
import io.swagger.v3.core.util.Yaml;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@code targets.yaml} (or JSON) file: the command line's equivalent of the plugin's
 * {@code <targets>}, with the same element names. Export paths are relative to the file. Unknown keys are
 * errors, so a typo never silently drops a filter.
 */
final class TargetsFile {

    private static final Set<String> TARGET_KEYS = Set.of("name", "exportFile", "toolFilters", "toolOverrides",
            "auth", "namePrefix", "descriptionMaxLength", "outputSchemaMaxBytes", "javaPackage");
    private static final Set<String> FILTER_KEYS = Set.of("filterPath", "methods");
    private static final Set<String> OVERRIDE_KEYS = Set.of("path", "method", "name", "description");

    private final Path file;
    private final String display;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Integer> targetIndex = new HashMap<>();

    TargetsFile(Path file) {
        this.file = file;
        this.display = file.getFileName().toString();
    }

    List<Problem> problems() {
        return problems;
    }

    /** The targets, or an empty list with {@link #problems()} filled. */
    List<TargetConfig> read() {
        JsonNode root;
        try {
            root = Yaml.mapper().readTree(file.toFile());
        } catch (IOException e) {
            problems.add(new Problem(null, display, "", "cannot read config: " + firstLine(e.getMessage())));
            return List.of();
        }
        if (root == null || !root.isObject() || !root.path("targets").isArray()) {
            problems.add(new Problem(null, display, "/targets", "expected a list 'targets'"));
            return List.of();
        }
        unknownKeys(root, Set.of("targets"), "");
        List<TargetConfig> targets = new ArrayList<>();
        JsonNode list = root.get("targets");
        for (int i = 0; i < list.size(); i++) {
            TargetConfig target = target(list.get(i), "/targets/" + i);
            if (target != null) {
                targets.add(target);
                targetIndex.putIfAbsent(target.name(), i);
            }
        }
        return problems.isEmpty() ? targets : List.of();
    }

    /**
     * The generator names configuration problems by a location inside the target ({@code toolOverrides[2]},
     * {@code toolFilters[0].filterPath}); in this file that is a pointer under the target's entry.
     */
    Problem locate(Problem problem) {
        Integer index = problem.target() == null ? null : targetIndex.get(problem.target());
        if (problem.file() != null || index == null) {
            return problem;
        }
        String location = problem.pointer() == null ? "" : problem.pointer();
        String pointer = "/targets/" + index + (location.isEmpty() ? ""
                : "/" + location.replaceAll("\\[(\\d+)]", "/$1").replace('.', '/'));
        return new Problem(problem.target(), display, pointer, problem.message());
    }

    private TargetConfig target(JsonNode node, String pointer) {
        if (!node.isObject()) {
            problems.add(new Problem(null, display, pointer, "a target must be a mapping"));
            return null;
        }
        unknownKeys(node, TARGET_KEYS, pointer);
        String name = text(node, "name", pointer, true);
        String export = text(node, "exportFile", pointer, true);
        if (name == null || export == null) {
            return null;
        }
        Path base = file.toAbsolutePath().getParent();
        Path exportPath = base.resolve(export).normalize();
        List<ToolFilter> filters = new ArrayList<>();
        JsonNode filterList = node.path("toolFilters");
        for (int i = 0; i < filterList.size(); i++) {
            JsonNode filter = filterList.get(i);
            String at = pointer + "/toolFilters/" + i;
            unknownKeys(filter, FILTER_KEYS, at);
            List<String> methods = new ArrayList<>();
            filter.path("methods").forEach(m -> methods.add(m.asText()));
            filters.add(new ToolFilter(text(filter, "filterPath", at, true), methods));
        }
        List<ToolOverride> overrides = new ArrayList<>();
        JsonNode overrideList = node.path("toolOverrides");
        for (int i = 0; i < overrideList.size(); i++) {
            JsonNode override = overrideList.get(i);
            String at = pointer + "/toolOverrides/" + i;
            unknownKeys(override, OVERRIDE_KEYS, at);
            String path = text(override, "path", at, true);
            String method = text(override, "method", at, true);
            String toolName = text(override, "name", at, true);
            if (path != null && method != null && toolName != null) {
                overrides.add(new ToolOverride(path, method, toolName, text(override, "description", at, false)));
            }
        }
        AuthMode auth = AuthMode.FROM_EXPORT;
        String authText = text(node, "auth", pointer, false);
        if (authText != null) {
            try {
                auth = AuthMode.valueOf(authText.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(name, display, pointer + "/auth", "unknown auth '" + authText
                        + "' (IAM, API_KEY, NONE or FROM_EXPORT)"));
            }
        }
        boolean prefix = !node.has("namePrefix") || node.get("namePrefix").asBoolean(true);
        int max = node.path("descriptionMaxLength").asInt(0);
        return new TargetConfig(name, exportPath, export, filters, overrides, auth, prefix, max,
                text(node, "javaPackage", pointer, false), node.path("outputSchemaMaxBytes").asInt(0));
    }

    private String text(JsonNode node, String key, String pointer, boolean required) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(new Problem(null, display, pointer, "missing '" + key + "'"));
            }
            return null;
        }
        if (!value.isValueNode()) {
            problems.add(new Problem(null, display, pointer + "/" + key, "'" + key + "' must be a single value"));
            return null;
        }
        return value.asText();
    }

    private void unknownKeys(JsonNode node, Set<String> allowed, String pointer) {
        var names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problems.add(new Problem(null, display, pointer + "/" + name, "unknown key '" + name
                        + "' (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")"));
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
