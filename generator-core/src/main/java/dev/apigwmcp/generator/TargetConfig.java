package dev.apigwmcp.generator;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One target: an export and how to turn it into tools. Built by a front end (the Maven plugin, the command line)
 * after {@link dev.apigwmcp.generator.config.ConfigValidator} checked the user's values, or in code with
 * {@link #builder}. The constructor rejects values the validator would have reported, so an invalid target cannot
 * exist.
 *
 * @param name                 target name (letters and digits with single hyphens, AgentCore's rule); prefixes
 *                             tool names
 * @param exportFile           the API Gateway export (OpenAPI 3.x or Swagger 2.0, JSON or YAML)
 * @param displayFile          how {@code exportFile} is named in messages and generated files (never absolute)
 * @param toolFilters          allow list; empty exposes every operation
 * @param toolOverrides        names and descriptions per path + method
 * @param auth                 default outbound auth
 * @param namePrefix           whether tool names get the {@code <target>___} prefix
 * @param descriptionMaxLength descriptions longer than this are cut (with a warning)
 * @param javaPackage          package of the generated Java; {@code null} for {@code dev.apigwmcp.generated.<target>}
 * @param outputSchemaMaxBytes output schemas larger than this (compact JSON) are left out with a warning, because
 *                             every client copies {@code tools/list} into the model's context;
 *                             {@link Integer#MAX_VALUE} for no limit
 * @param outputSchemas        how results are described
 * @param allowNoTools         whether a target that yields no tools is accepted (else it is an error)
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
        int outputSchemaMaxBytes,
        OutputSchemaMode outputSchemas,
        boolean allowNoTools) {

    public static final int DEFAULT_DESCRIPTION_MAX_LENGTH = 1024;
    public static final int DEFAULT_OUTPUT_SCHEMA_MAX_BYTES = 32768;

    public TargetConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(exportFile, "exportFile");
        displayFile = displayFile == null ? exportFile.getFileName().toString() : displayFile;
        toolFilters = toolFilters == null ? List.of() : List.copyOf(toolFilters);
        toolOverrides = toolOverrides == null ? List.of() : List.copyOf(toolOverrides);
        auth = auth == null ? AuthMode.FROM_EXPORT : auth;
        outputSchemas = outputSchemas == null ? OutputSchemaMode.TOLERANT : outputSchemas;
        if (descriptionMaxLength <= 0) {
            throw new IllegalArgumentException("descriptionMaxLength must be positive: " + descriptionMaxLength);
        }
        if (outputSchemaMaxBytes <= 0) {
            throw new IllegalArgumentException("outputSchemaMaxBytes must be positive: " + outputSchemaMaxBytes);
        }
    }

    /** A target with the defaults: every operation, auth from the export, prefixed names. */
    public static TargetConfig of(String name, Path exportFile) {
        return builder(name, exportFile).build();
    }

    public static Builder builder(String name, Path exportFile) {
        return new Builder(name, exportFile);
    }

    public Builder toBuilder() {
        return new Builder(name, exportFile)
                .displayFile(displayFile)
                .toolFilters(toolFilters)
                .toolOverrides(toolOverrides)
                .auth(auth)
                .namePrefix(namePrefix)
                .descriptionMaxLength(descriptionMaxLength)
                .javaPackage(javaPackage)
                .outputSchemaMaxBytes(outputSchemaMaxBytes)
                .outputSchemas(outputSchemas)
                .allowNoTools(allowNoTools);
    }

    public TargetConfig withFilters(List<ToolFilter> filters) {
        return toBuilder().toolFilters(filters).build();
    }

    public TargetConfig withOverrides(List<ToolOverride> overrides) {
        return toBuilder().toolOverrides(overrides).build();
    }

    /** Builds a {@link TargetConfig}; every value starts at its default. */
    public static final class Builder {
        private final String name;
        private final Path exportFile;
        private String displayFile;
        private List<ToolFilter> toolFilters = List.of();
        private List<ToolOverride> toolOverrides = List.of();
        private AuthMode auth = AuthMode.FROM_EXPORT;
        private boolean namePrefix = true;
        private int descriptionMaxLength = DEFAULT_DESCRIPTION_MAX_LENGTH;
        private String javaPackage;
        private int outputSchemaMaxBytes = DEFAULT_OUTPUT_SCHEMA_MAX_BYTES;
        private OutputSchemaMode outputSchemas = OutputSchemaMode.TOLERANT;
        private boolean allowNoTools;

        private Builder(String name, Path exportFile) {
            this.name = Objects.requireNonNull(name, "name == null");
            this.exportFile = Objects.requireNonNull(exportFile, "exportFile == null");
        }

        public Builder displayFile(String displayFile) {
            this.displayFile = displayFile;
            return this;
        }

        public Builder toolFilters(List<ToolFilter> toolFilters) {
            this.toolFilters = toolFilters;
            return this;
        }

        public Builder toolOverrides(List<ToolOverride> toolOverrides) {
            this.toolOverrides = toolOverrides;
            return this;
        }

        public Builder auth(AuthMode auth) {
            this.auth = auth;
            return this;
        }

        public Builder namePrefix(boolean namePrefix) {
            this.namePrefix = namePrefix;
            return this;
        }

        public Builder descriptionMaxLength(int descriptionMaxLength) {
            this.descriptionMaxLength = descriptionMaxLength;
            return this;
        }

        public Builder javaPackage(String javaPackage) {
            this.javaPackage = javaPackage;
            return this;
        }

        /** Positive; {@link Integer#MAX_VALUE} for no limit. */
        public Builder outputSchemaMaxBytes(int outputSchemaMaxBytes) {
            this.outputSchemaMaxBytes = outputSchemaMaxBytes;
            return this;
        }

        public Builder outputSchemas(OutputSchemaMode outputSchemas) {
            this.outputSchemas = outputSchemas;
            return this;
        }

        public Builder allowNoTools(boolean allowNoTools) {
            this.allowNoTools = allowNoTools;
            return this;
        }

        public TargetConfig build() {
            return new TargetConfig(
                    name,
                    exportFile,
                    displayFile,
                    toolFilters,
                    toolOverrides,
                    auth,
                    namePrefix,
                    descriptionMaxLength,
                    javaPackage,
                    outputSchemaMaxBytes,
                    outputSchemas,
                    allowNoTools);
        }
    }
}
