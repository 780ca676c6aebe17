package dev.apigwmcp.generator.config;

import java.nio.file.Path;
import java.util.List;

/**
 * One target as the user wrote it, before any check: scalars as text ({@code null} when not given), paths already
 * resolved by the front end.
 *
 * @param name                 the target's name
 * @param exportFile           the export, resolved against the configuration's folder, or {@code null}
 * @param displayFile          how messages and generated files name the export (relative, {@code /}-separated)
 * @param toolFilters          the filters, in order
 * @param toolOverrides        the overrides, in order
 * @param auth                 {@code IAM}, {@code API_KEY}, {@code BASIC}, {@code NONE} or {@code FROM_EXPORT}, any
 *                             case
 * @param namePrefix           {@code true} or {@code false}
 * @param descriptionMaxLength a positive integer
 * @param outputSchemaMaxBytes a positive integer, or {@code -1} for no limit
 * @param javaPackage          a Java package name
 * @param outputSchemas        {@code tolerant}, {@code strict} or {@code none}, any case
 * @param allowNoTools         {@code true} or {@code false}
 */
public record TargetInput(
        String name,
        Path exportFile,
        String displayFile,
        List<FilterInput> toolFilters,
        List<OverrideInput> toolOverrides,
        String auth,
        String namePrefix,
        String descriptionMaxLength,
        String outputSchemaMaxBytes,
        String javaPackage,
        String outputSchemas,
        String allowNoTools) {

    public TargetInput {
        toolFilters = toolFilters == null ? List.of() : List.copyOf(toolFilters);
        toolOverrides = toolOverrides == null ? List.of() : List.copyOf(toolOverrides);
    }

    /** One {@code toolFilter} as written; {@code methods} may hold blanks (ignored) and any case. */
    public record FilterInput(String filterPath, List<String> methods) {
        public FilterInput {
            methods = methods == null
                    ? List.of()
                    : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(methods));
        }
    }

    /** One {@code toolOverride} as written. */
    public record OverrideInput(String path, String method, String name, String description) {}
}
