package dev.apigwmcp.maven.config;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code <target>} of the plugin configuration, as Maven injects it. Mirrors AgentCore's
 * {@code apiGatewayToolConfiguration}: an export (a file, or a REST API stage to fetch it from) plus filters and
 * overrides. Validated and converted by {@link TargetConfigMapper}.
 */
public class TargetParameters {

    private String name;
    private File exportFile;
    private String restApiId;
    private String stage;
    private String region;
    private String profile;
    private String endpoint;
    private List<ToolFilterParameters> toolFilters = new ArrayList<>();
    private List<ToolOverrideParameters> toolOverrides = new ArrayList<>();
    private String auth;
    private Boolean namePrefix;
    private Integer descriptionMaxLength;
    private Integer outputSchemaMaxBytes;
    private String javaPackage;
    private String outputSchemas;
    private Boolean allowNoTools;
    private boolean skip;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public File getExportFile() {
        return exportFile;
    }

    public void setExportFile(File exportFile) {
        this.exportFile = exportFile;
    }

    public String getRestApiId() {
        return restApiId;
    }

    public void setRestApiId(String restApiId) {
        this.restApiId = restApiId;
    }

    public String getStage() {
        return stage;
    }

    public void setStage(String stage) {
        this.stage = stage;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getProfile() {
        return profile;
    }

    public void setProfile(String profile) {
        this.profile = profile;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public List<ToolFilterParameters> getToolFilters() {
        return toolFilters;
    }

    public void setToolFilters(List<ToolFilterParameters> toolFilters) {
        this.toolFilters = toolFilters;
    }

    public List<ToolOverrideParameters> getToolOverrides() {
        return toolOverrides;
    }

    public void setToolOverrides(List<ToolOverrideParameters> toolOverrides) {
        this.toolOverrides = toolOverrides;
    }

    public String getAuth() {
        return auth;
    }

    public void setAuth(String auth) {
        this.auth = auth;
    }

    public Boolean getNamePrefix() {
        return namePrefix;
    }

    public void setNamePrefix(Boolean namePrefix) {
        this.namePrefix = namePrefix;
    }

    public Integer getOutputSchemaMaxBytes() {
        return outputSchemaMaxBytes;
    }

    public void setOutputSchemaMaxBytes(Integer outputSchemaMaxBytes) {
        this.outputSchemaMaxBytes = outputSchemaMaxBytes;
    }

    public Integer getDescriptionMaxLength() {
        return descriptionMaxLength;
    }

    public void setDescriptionMaxLength(Integer descriptionMaxLength) {
        this.descriptionMaxLength = descriptionMaxLength;
    }

    public String getJavaPackage() {
        return javaPackage;
    }

    public void setJavaPackage(String javaPackage) {
        this.javaPackage = javaPackage;
    }

    public String getOutputSchemas() {
        return outputSchemas;
    }

    public void setOutputSchemas(String outputSchemas) {
        this.outputSchemas = outputSchemas;
    }

    public Boolean getAllowNoTools() {
        return allowNoTools;
    }

    public void setAllowNoTools(Boolean allowNoTools) {
        this.allowNoTools = allowNoTools;
    }

    public boolean isSkip() {
        return skip;
    }

    public void setSkip(boolean skip) {
        this.skip = skip;
    }
}
