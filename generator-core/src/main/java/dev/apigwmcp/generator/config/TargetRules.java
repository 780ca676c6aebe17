package dev.apigwmcp.generator.config;

import dev.apigwmcp.generator.TargetConfig;
import dev.apigwmcp.generator.ToolFilter;
import dev.apigwmcp.generator.ToolOverride;
import dev.apigwmcp.generator.model.HttpMethod;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/** The rules one typed target must follow, whoever built it. */
final class TargetRules {

    /** AgentCore's target-name rule: letters and digits, single hyphens between them, up to 100. */
    private static final Pattern TARGET_NAME = Pattern.compile("^([0-9a-zA-Z]-?){1,100}$");
    /** The tool-name rule of the strictest LLM clients (the target prefix is added to it). */
    private static final Pattern TOOL_NAME = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

    private static final Set<HttpMethod> FILTER_METHODS = EnumSet.of(
            HttpMethod.GET,
            HttpMethod.POST,
            HttpMethod.PUT,
            HttpMethod.PATCH,
            HttpMethod.DELETE,
            HttpMethod.HEAD,
            HttpMethod.OPTIONS);

    private final TargetConfig target;
    private final String at;
    private final ConfigDialect dialect;
    private final ConfigValidator.Problems problems;

    TargetRules(TargetConfig target, String at, ConfigDialect dialect, ConfigValidator.Problems problems) {
        this.target = target;
        this.at = at;
        this.dialect = dialect;
        this.problems = problems;
    }

    void check() {
        String name = target.name();
        if (!TARGET_NAME.matcher(name).matches() || name.endsWith("-")) {
            problem(
                    dialect.member(at, "name"),
                    "must be letters and digits with single hyphens between them"
                            + " (no spaces or underscores), at most 100 characters, was '" + name + "'");
        }
        String javaPackage = target.javaPackage();
        if (javaPackage != null && !SourceVersion.isName(javaPackage)) {
            problem(
                    dialect.member(at, "javaPackage"),
                    "must be a Java package name such as com.example.tools," + " was '" + javaPackage + "'");
        }
        for (int i = 0; i < target.toolFilters().size(); i++) {
            filter(target.toolFilters().get(i), i);
        }
        for (int i = 0; i < target.toolOverrides().size(); i++) {
            override(target.toolOverrides().get(i), i);
        }
    }

    private void filter(ToolFilter filter, int index) {
        String entry = filter.location() != null ? filter.location() : dialect.entry(at, "toolFilters", index);
        String path = filter.filterPath();
        if (!path.startsWith("/")) {
            problem(dialect.member(entry, "filterPath"), "must start with '/', was '" + path + "'");
        }
        String prefix = path.endsWith("/*") ? path.substring(0, path.length() - 1) : path;
        if (prefix.contains("*")) {
            problem(
                    dialect.member(entry, "filterPath"),
                    "may use '*' only as its last segment, as in '/pets/*'," + " was '" + path + "'");
        }
        if (filter.methods().isEmpty()) {
            problem(dialect.member(entry, "methods"), "lists no method; name at least one, for example GET");
        }
        for (String method : filter.methods()) {
            if (HttpMethod.parse(method).filter(FILTER_METHODS::contains).isEmpty()) {
                problem(
                        dialect.member(entry, "methods"),
                        "has the unknown method '" + method
                                + "' (allowed: GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS)");
            }
        }
    }

    private void override(ToolOverride override, int index) {
        String entry = override.location() != null ? override.location() : dialect.entry(at, "toolOverrides", index);
        if (override.path().contains("*")) {
            problem(
                    dialect.member(entry, "path"),
                    "must name one resource, no wildcards, was '" + override.path() + "'");
        } else if (!override.path().startsWith("/")) {
            problem(dialect.member(entry, "path"), "must start with '/', was '" + override.path() + "'");
        }
        if (HttpMethod.parse(override.method()).isEmpty()) {
            problem(dialect.member(entry, "method"), "is not an HTTP method, was '" + override.method() + "'");
        }
        if (!TOOL_NAME.matcher(override.name()).matches()) {
            problem(
                    dialect.member(entry, "name"),
                    "must match ^[A-Za-z0-9_-]{1,64}$ (the tool-name rule of" + " strict MCP clients), was '"
                            + override.name() + "'");
        }
    }

    private void problem(String location, String message) {
        problems.add(target.name(), location, message);
    }
}
