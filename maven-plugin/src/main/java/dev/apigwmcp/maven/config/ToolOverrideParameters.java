package dev.apigwmcp.maven.config;

/** One {@code <toolOverride>}: an explicit {@code path} + {@code method}, the tool's {@code name}, an optional description. */
public class ToolOverrideParameters {

    private String path;
    private String method;
    private String name;
    private String description;

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
