package dev.apigwmcp.maven.config;

import java.util.ArrayList;
import java.util.List;

/** One {@code <toolFilter>}: a {@code filterPath} (explicit, or a prefix ending in {@code /*}) and its methods. */
public class ToolFilterParameters {

    private String filterPath;
    private List<String> methods = new ArrayList<>();

    public String getFilterPath() {
        return filterPath;
    }

    public void setFilterPath(String filterPath) {
        this.filterPath = filterPath;
    }

    public List<String> getMethods() {
        return methods;
    }

    public void setMethods(List<String> methods) {
        this.methods = methods;
    }
}
