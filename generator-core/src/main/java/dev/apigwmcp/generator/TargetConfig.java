package dev.apigwmcp.generator;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One target: an export and how to turn it into tools.
 *
 * @param name                 target name ({@code [0-9A-Za-z-]}, AgentCore's rule); prefixes tool names
 * @param exportFile           the API Gateway export (OpenAPI 3.x or Swagger 2.0, JSON or YAML)
 * @param displayFile          how {@code exportFile} is named in messages and generated files (never absolute)
 * @param toolFilters          allow list; empty exposes every operation
 * @param toolOverrides        names and descriptions per path + method
 * @param auth                 default outbound auth
 * @param namePrefix           whether tool names get the {@code <target>___} prefix
 * @param descriptionMaxLength descriptions longer than this are cut (with a warning)
 * @param javaPackage          package of the generated Java; {@code null} for {@code dev.apigwmcp.generated.<target>}
 * @param outputSchemaMaxBytes output schemas larger than this (compact JSON) are left out with a warning, because
 *                             every client copies {@code tools/list} into the model's context; {@code 0} for the
 *                             default ({@value #DEFAULT_OUTPUT_SCHEMA_MAX_BYTES}), {@code -1} for no limit
 */
public record TargetConfig(
        String name,
        Path exportFile,
        String displayFile,
        List<ToolFilter> toolFilters,
        List<ToolOverride> toolOverrides,
        AuthMode auth,
        boolean namePrefix,
        int descriptionMaxLength,
        String javaPackage,
        int outputSchemaMaxBytes) {

    public static final int DEFAULT_DESCRIPTION_MAX_LENGTH = 1024;
    public static final int DEFAULT_OUTPUT_SCHEMA_MAX_BYTES = 32768;

    public TargetConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(exportFile, "exportFile");
        displayFile = displayFile == null ? exportFile.getFileName().toString() : displayFile;
        toolFilters = toolFilters == null ? List.of() : List.copyOf(toolFilters);
        toolOverrides = toolOverrides == null ? List.of() : List.copyOf(toolOverrides);
        auth = auth == null ? AuthMode.FROM_EXPORT : auth;
        if (descriptionMaxLength <= 0) {
            descriptionMaxLength = DEFAULT_DESCRIPTION_MAX_LENGTH;
        }
        if (outputSchemaMaxBytes == 0) {
            outputSchemaMaxBytes = DEFAULT_OUTPUT_SCHEMA_MAX_BYTES;
        } else if (outputSchemaMaxBytes < 0) {
            outputSchemaMaxBytes = Integer.MAX_VALUE;
        }
    }

    /** A target with the default output schema cap. */
    public TargetConfig(String name, Path exportFile, String displayFile, List<ToolFilter> toolFilters,
            List<ToolOverride> toolOverrides, AuthMode auth, boolean namePrefix, int descriptionMaxLength,
            String javaPackage) {
        this(name, exportFile, displayFile, toolFilters, toolOverrides, auth, namePrefix, descriptionMaxLength,
                javaPackage, 0);
    }

    /** A target with the defaults: every operation, auth from the export, prefixed names. */
    public static TargetConfig of(String name, Path exportFile) {
        return new TargetConfig(name, exportFile, null, List.of(), List.of(), AuthMode.FROM_EXPORT, true, 0, null, 0);
    }

    public TargetConfig withFilters(List<ToolFilter> filters) {
        return new TargetConfig(name, exportFile, displayFile, filters, toolOverrides, auth, namePrefix,
                descriptionMaxLength, javaPackage, outputSchemaMaxBytes);
    }

    public TargetConfig withOverrides(List<ToolOverride> overrides) {
        return new TargetConfig(name, exportFile, displayFile, toolFilters, overrides, auth, namePrefix,
                descriptionMaxLength, javaPackage, outputSchemaMaxBytes);
    }
}
