package dev.apigwmcp.generator.select;

import dev.apigwmcp.generator.TargetConfig;
import dev.apigwmcp.generator.ToolFilter;
import dev.apigwmcp.generator.ToolOverride;
import dev.apigwmcp.generator.model.ApiModel;
import dev.apigwmcp.generator.model.ApiOperation;
import dev.apigwmcp.generator.model.HttpMethod;
import dev.apigwmcp.generator.problem.ProblemCollector;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies {@code toolFilters} and {@code toolOverrides} with AgentCore's semantics (see README, "Filters"):
 * an explicit path selects that resource only; a path ending in {@code /*} selects every resource strictly below
 * the prefix, at any depth, never the prefix itself. CORS {@code OPTIONS} methods are left out unless a filter
 * names {@code OPTIONS}. An {@code ANY} operation is selected for the methods the filters name on its resource.
 */
public final class ToolSelector {

    private static final Set<HttpMethod> FILTER_METHODS = EnumSet.of(
            HttpMethod.GET,
            HttpMethod.POST,
            HttpMethod.PUT,
            HttpMethod.PATCH,
            HttpMethod.DELETE,
            HttpMethod.HEAD,
            HttpMethod.OPTIONS);

    public Selection select(TargetConfig config, ApiModel model, ProblemCollector problems) {
        List<ParsedFilter> filters = parseFilters(config.toolFilters());
        if (config.toolFilters().isEmpty()) {
            // The documented default (the archetype's starter relies on it): worth an info line, not a warning on
            // every build.
            problems.configNote("toolFilters", "none given: every operation except CORS OPTIONS is exposed");
        }
        int[] hits = new int[filters.size()];
        // Identity maps in export order: operations are distinct objects, and a record's hashCode would walk
        // every parameter schema.
        Map<ApiOperation, List<HttpMethod>> chosen = new IdentityHashMap<>();
        List<ApiOperation> order = new ArrayList<>();
        int filteredOut = 0;
        for (ApiOperation operation : model.operations()) {
            List<HttpMethod> methods = config.toolFilters().isEmpty()
                    ? unfilteredMethods(operation)
                    : filteredMethods(operation, filters, hits);
            if (methods.isEmpty()) {
                filteredOut++;
            } else {
                chosen.put(operation, methods);
                order.add(operation);
            }
        }
        ResourceIndex resources = new ResourceIndex(model);
        for (int i = 0; i < filters.size(); i++) {
            ParsedFilter filter = filters.get(i);
            if (filter.valid() && hits[i] == 0) {
                String why = filter.wildcard()
                        ? resources.explainWildcardFilter(filter.prefix(), filter.methods())
                        : resources.explainExplicitFilter(filter.path(), filter.methods());
                problems.configError(
                        filter.location(),
                        "filter " + filter.describe() + " matches no operation of the export " + problems.file() + ": "
                                + why);
            }
        }
        Map<ApiOperation, ToolOverride> overrides =
                resolveOverrides(config.toolOverrides(), model, resources, chosen, problems);
        List<SelectedOperation> selected = new ArrayList<>();
        for (ApiOperation operation : order) {
            List<HttpMethod> any = operation.method() == HttpMethod.ANY ? chosen.get(operation) : List.of();
            selected.add(new SelectedOperation(operation, any, overrides.get(operation)));
        }
        return new Selection(selected, filteredOut);
    }

    private static List<HttpMethod> unfilteredMethods(ApiOperation operation) {
        if (operation.method() == HttpMethod.ANY) {
            return HttpMethod.ANY_DEFAULTS;
        }
        if (operation.method() == HttpMethod.OPTIONS || operation.method() == HttpMethod.TRACE) {
            return List.of();
        }
        return List.of(operation.method());
    }

    private static List<HttpMethod> filteredMethods(ApiOperation operation, List<ParsedFilter> filters, int[] hits) {
        EnumSet<HttpMethod> methods = EnumSet.noneOf(HttpMethod.class);
        for (int i = 0; i < filters.size(); i++) {
            ParsedFilter filter = filters.get(i);
            if (!filter.valid() || !filter.matchesPath(operation.path())) {
                continue;
            }
            boolean hit = false;
            for (HttpMethod method : filter.methods()) {
                if (operation.method() == method
                        || operation.method() == HttpMethod.ANY && method != HttpMethod.OPTIONS) {
                    methods.add(method);
                    hit = true;
                }
            }
            if (hit) {
                hits[i]++;
            }
        }
        if (operation.method() != HttpMethod.ANY) {
            return methods.isEmpty() ? List.of() : List.of(operation.method());
        }
        return List.copyOf(methods);
    }

    /** Filters as matchers; their syntax was checked with the rest of the configuration. */
    private static List<ParsedFilter> parseFilters(List<ToolFilter> filters) {
        List<ParsedFilter> out = new ArrayList<>();
        for (int i = 0; i < filters.size(); i++) {
            ToolFilter filter = filters.get(i);
            String location = filter.location() != null ? filter.location() : "toolFilters[" + i + "]";
            String path = filter.filterPath().trim();
            boolean wildcard = path.endsWith("/*");
            String prefix = wildcard ? path.substring(0, path.length() - 1) : path;
            List<HttpMethod> methods = new ArrayList<>();
            for (String name : filter.methods()) {
                HttpMethod.parse(name).filter(FILTER_METHODS::contains).ifPresent(methods::add);
            }
            out.add(new ParsedFilter(location, path, wildcard, prefix, methods, !methods.isEmpty()));
        }
        return out;
    }

    private static Map<ApiOperation, ToolOverride> resolveOverrides(
            List<ToolOverride> overrides,
            ApiModel model,
            ResourceIndex resources,
            Map<ApiOperation, List<HttpMethod>> chosen,
            ProblemCollector problems) {
        Map<String, ApiOperation> byKey = new HashMap<>();
        for (ApiOperation operation : model.operations()) {
            byKey.put(operation.method() + " " + operation.path(), operation);
        }
        Map<ApiOperation, ToolOverride> out = new IdentityHashMap<>();
        Map<ApiOperation, Integer> firstIndex = new IdentityHashMap<>();
        for (int i = 0; i < overrides.size(); i++) {
            ToolOverride override = overrides.get(i);
            String location = override.location() != null ? override.location() : "toolOverrides[" + i + "]";
            String label = override.method() + " " + override.path();
            var method = HttpMethod.parse(override.method());
            if (method.isEmpty()) {
                continue; // reported with the rest of the configuration
            }
            ApiOperation operation = byKey.get(method.get() + " " + override.path());
            if (operation == null) {
                operation = byKey.get(HttpMethod.ANY + " " + override.path());
            }
            if (operation == null) {
                problems.configError(
                        location,
                        "override " + label + " names no operation of the export " + problems.file() + ": "
                                + resources.explainOperation(override.path(), method.get()));
                continue;
            }
            if (!chosen.containsKey(operation)) {
                problems.configError(
                        location,
                        "override " + label
                                + " names an operation that toolFilters do not select; add a filter for it or remove the"
                                + " override");
                continue;
            }
            Integer earlier = firstIndex.putIfAbsent(operation, i);
            if (earlier != null) {
                problems.configError(
                        location,
                        "override " + label + " repeats toolOverrides[" + earlier + "] for the same operation");
                continue;
            }
            out.put(operation, override);
        }
        return out;
    }

    /** A validated filter. */
    private record ParsedFilter(
            String location, String path, boolean wildcard, String prefix, List<HttpMethod> methods, boolean valid) {

        boolean matchesPath(String resource) {
            if (!wildcard) {
                return resource.equals(path);
            }
            // "/pets/*" selects "/pets/{petId}" and deeper, never "/pets" itself; "/*" selects all but "/".
            return resource.startsWith(prefix) && resource.length() > prefix.length();
        }

        String describe() {
            List<String> names = new ArrayList<>();
            methods.forEach(m -> names.add(m.name()));
            return "'" + path + "' " + names;
        }
    }
}
