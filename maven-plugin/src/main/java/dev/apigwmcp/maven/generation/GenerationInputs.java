package dev.apigwmcp.maven.generation;

import dev.apigwmcp.generator.TargetConfig;
import dev.apigwmcp.generator.ToolFilter;
import dev.apigwmcp.generator.ToolOverride;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything that decides the generated output: the plugin version and each target's configuration, as one
 * stable text, and each target's export file. Equal configuration text and byte-identical exports mean the
 * previous output is still right.
 *
 * @param configuration the plugin version and the normalized configuration of every target, in POM order
 * @param exports       each target's export file, in the same order
 */
public record GenerationInputs(String configuration, List<Path> exports) {

    public GenerationInputs {
        Objects.requireNonNull(configuration, "configuration");
        exports = List.copyOf(exports);
    }

    /**
     * @param pluginVersion the plugin's version (a new plugin may generate differently)
     * @param targets       the targets in configuration order
     */
    public static GenerationInputs of(String pluginVersion, List<TargetConfig> targets) {
        // Plain loops and StringBuilder: this runs on every build, in a class loader where each first use of a
        // lambda or stream costs milliseconds (see BENCHMARKS.md, "Plugin, no-change rebuild").
        StringBuilder text = new StringBuilder("apigw-mcp generation inputs v2\n");
        line(text, "plugin", pluginVersion);
        List<Path> exports = new ArrayList<>(targets.size());
        for (TargetConfig target : targets) {
            appendNormalized(text, target);
            exports.add(target.exportFile());
        }
        return new GenerationInputs(text.toString(), exports);
    }

    /**
     * The target's configuration as stable text, one {@code key=value} per line. The export is named by its display
     * path (relative to the project), not its absolute path, so moving the checkout does not force a rebuild.
     */
    private static void appendNormalized(StringBuilder out, TargetConfig target) {
        line(out, "target", target.name());
        line(out, "file", target.displayFile());
        line(out, "auth", target.auth().name());
        line(out, "namePrefix", String.valueOf(target.namePrefix()));
        line(out, "descriptionMaxLength", String.valueOf(target.descriptionMaxLength()));
        line(out, "outputSchemaMaxBytes", String.valueOf(target.outputSchemaMaxBytes()));
        line(out, "outputSchemas", target.outputSchemas().name());
        line(out, "allowNoTools", String.valueOf(target.allowNoTools()));
        if (target.javaPackage() != null) {
            line(out, "javaPackage", target.javaPackage());
        }
        for (ToolFilter filter : target.toolFilters()) {
            line(out, "filter", filter.filterPath());
            for (String method : filter.methods()) {
                line(out, "method", method);
            }
        }
        for (ToolOverride override : target.toolOverrides()) {
            line(out, "override", override.path());
            line(out, "method", override.method());
            line(out, "name", override.name());
            if (override.description() != null) {
                line(out, "description", override.description());
            }
        }
    }

    /** One value on its own line, escaped so that no two configurations render to the same text. */
    private static void line(StringBuilder out, String key, String value) {
        out.append(key)
                .append('=')
                .append(value.replace("\\", "\\\\").replace("\n", "\\n"))
                .append('\n');
    }
}
