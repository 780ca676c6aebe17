package dev.apigwmcp.runtime.execution;

import dev.apigwmcp.runtime.spi.ToolInfo;
import dev.apigwmcp.runtime.spi.ToolInterceptor;
import dev.apigwmcp.runtime.spi.ToolSelector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * The gateway project's {@link ToolInterceptor}s in chain order (ascending {@link ToolInterceptor#order()}, then
 * class name), and each tool's chain, chosen on the tool's first call. With none registered the call path asks
 * nothing of this class but {@link #isEmpty()}.
 */
final class Interceptors {

    static final Interceptors NONE = new Interceptors(List.of());

    /** An interceptor with what was read of it once, at start. */
    record Registered(ToolInterceptor interceptor, String name, int order, ToolSelector selector) {}

    /** One tool's interceptors, in order, and the tool as they see it. */
    record Chain(ToolInfo tool, List<Registered> interceptors) {}

    private final List<Registered> all;
    private final Map<String, Chain> chains = new ConcurrentHashMap<>();

    private Interceptors(List<Registered> all) {
        this.all = all;
    }

    /**
     * The interceptors {@link ServiceLoader} finds through {@code classLoader}; throws {@link StartupException}
     * naming each one that cannot be created or read.
     */
    static Interceptors load(ClassLoader classLoader) {
        List<ToolInterceptor> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Iterator<ToolInterceptor> providers =
                ServiceLoader.load(ToolInterceptor.class, classLoader).iterator();
        while (true) {
            try {
                if (!providers.hasNext()) {
                    break;
                }
                found.add(providers.next());
            } catch (ServiceConfigurationError e) {
                problems.add(
                        "interceptor: " + e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
            }
        }
        return of(found, problems);
    }

    /** These interceptors, in chain order; throws {@link StartupException} naming one whose order or selector fails. */
    static Interceptors of(List<? extends ToolInterceptor> interceptors) {
        return of(interceptors, new ArrayList<>());
    }

    private static Interceptors of(List<? extends ToolInterceptor> interceptors, List<String> problems) {
        List<Registered> registered = new ArrayList<>();
        for (ToolInterceptor interceptor : interceptors) {
            String name = interceptor.getClass().getName();
            try {
                ToolSelector selector = interceptor.selector();
                if (selector == null) {
                    problems.add("interceptor " + name + ": selector() returned null (use ToolSelector.all())");
                    continue;
                }
                registered.add(new Registered(interceptor, name, interceptor.order(), selector));
            } catch (RuntimeException e) {
                problems.add("interceptor " + name + ": reading its order or selector failed: " + e);
            }
        }
        if (!problems.isEmpty()) {
            throw new StartupException(problems);
        }
        if (registered.isEmpty()) {
            return NONE;
        }
        // Explicit order first; the class name makes ties deterministic whatever the class path's order.
        registered.sort(Comparator.comparingInt(Registered::order).thenComparing(Registered::name));
        return new Interceptors(List.copyOf(registered));
    }

    boolean isEmpty() {
        return all.isEmpty();
    }

    /** Every interceptor, in chain order. */
    List<Registered> all() {
        return all;
    }

    /** The chain of a tool (empty when no interceptor selects it), chosen on its first call and kept. */
    Chain chain(String name, LoadedTool tool) {
        Chain chain = chains.get(name);
        if (chain == null) {
            chain = chains.computeIfAbsent(name, n -> choose(info(n, tool)));
        }
        return chain;
    }

    private Chain choose(ToolInfo tool) {
        List<Registered> selected = new ArrayList<>();
        // Selectors are the runtime's own predicates (ToolSelector is final): choosing cannot run user code.
        for (Registered interceptor : all) {
            if (interceptor.selector().selects(tool)) {
                selected.add(interceptor);
            }
        }
        return new Chain(tool, List.copyOf(selected));
    }

    /** The tool as interceptors see it, its annotations read from its catalog entry. */
    static ToolInfo info(String name, LoadedTool tool) {
        JsonNode annotations = tool.listing().definition().path("annotations");
        Map<String, Boolean> hints = new HashMap<>();
        String title = null;
        for (Map.Entry<String, JsonNode> member : annotations.properties()) {
            if (member.getValue().isBoolean()) {
                hints.put(member.getKey(), member.getValue().booleanValue());
            } else if (member.getKey().equals("title") && member.getValue().isString()) {
                title = member.getValue().stringValue();
            }
        }
        return new ToolInfo(
                name,
                tool.target(),
                tool.request().method(),
                tool.request().path().template(),
                title,
                hints);
    }
}
