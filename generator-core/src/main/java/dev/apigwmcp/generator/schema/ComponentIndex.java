package dev.apigwmcp.generator.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigwmcp.generator.model.JsonPointer;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything about the export's component schemas that does not depend on direction: resolving {@code $ref}
 * strings to schemas, the reference graph, which targets lie on a reference cycle (those go to {@code $defs}), and
 * their {@code $defs} names.
 *
 * <p>Cycles are found once over all components, direction-independently: a component whose only cycle runs through
 * a property that one direction drops still goes to {@code $defs} there. That costs a {@code $defs} entry, never
 * correctness, and keeps every component's converted form independent of where it is used, which is what makes
 * converting each component once per direction possible.
 */
final class ComponentIndex {
    private static final String COMPONENTS = "/components/schemas/";
    /** Longest chain of references inlined into one another before a link goes to {@code $defs}. */
    static final int MAX_INLINE_HEIGHT = 32;

    /** A schema a {@code $ref} can point to: a component or a subschema inside one. */
    record Target(String key, String pointer, String defBaseName, Schema<?> schema) implements Resolution {}

    /** A {@code $ref} that cannot be followed, with the reason. */
    record Unresolved(String reason) implements Resolution {}

    sealed interface Resolution permits Target, Unresolved {}

    @SuppressWarnings("rawtypes")
    private final Map<String, Schema> components;

    private final String componentsPointer;
    private final boolean openApi31;
    // Shared by the compile runs on every core: both caches are concurrent. A reference resolved by two threads at
    // once is looked up twice and gives equal results, so which one is kept does not matter.
    private final Map<String, Resolution> byRef = new ConcurrentHashMap<>();
    /**
     * Targets by key: the escaped path below {@code #/components/schemas} (segments joined by '/'), or a path
     * schema's pointer. Nested targets are added as references reach them.
     */
    private final Map<String, Target> targets = new ConcurrentHashMap<>();
    /** The components and path schemas, in document order: where the reference graph starts. */
    private final List<Target> roots = new ArrayList<>();
    /** Targets emitted once under {@code $defs} and referred to by {@code $ref}, instead of inlined. */
    private final Set<String> inDefs;

    private final Map<String, String> defNames;

    @SuppressWarnings({"rawtypes", "unchecked"})
    ComponentIndex(
            Map<String, Schema> components,
            Map<String, Schema> pathSchemas,
            boolean openApi31,
            String componentsPointer) {
        this.components = components == null ? Map.of() : components;
        this.openApi31 = openApi31;
        this.componentsPointer = componentsPointer;
        for (Map.Entry<String, Schema> e : this.components.entrySet()) {
            if (e.getValue() != null) {
                String name = e.getKey();
                root(new Target(
                        JsonPointer.escape(name), JsonPointer.append(componentsPointer, name), name, e.getValue()));
            }
        }
        // Schemas under #/paths that some $ref points into, keyed by their pointer: it starts with '/', which a
        // component key (an escaped component name, never empty) cannot. Known before the reference graph is
        // built, so their cycles and $defs names are settled up front like the components'.
        if (pathSchemas != null) {
            for (Map.Entry<String, Schema> e : new java.util.TreeMap<>(pathSchemas).entrySet()) {
                if (e.getValue() != null) {
                    root(new Target(e.getKey(), e.getKey(), pathDefBase(e.getKey()), e.getValue()));
                }
            }
        }
        Map<String, Set<String>> edges = referenceGraph();
        Set<String> defs = new CycleFinder(edges).cyclicNodes();
        defs.addAll(tooDeepToInline(edges, defs));
        this.inDefs = Collections.unmodifiableSet(defs);
        this.defNames = Collections.unmodifiableMap(assignDefNames(inDefs));
    }

    private void root(Target target) {
        targets.put(target.key(), target);
        roots.add(target);
    }

    Resolution resolve(String ref) {
        Resolution known = byRef.get(ref);
        if (known == null) {
            Resolution found = lookUp(ref);
            known = byRef.putIfAbsent(ref, found);
            return known != null ? known : found;
        }
        return known;
    }

    /** The schema a reference points to, or null when it cannot be resolved (the caller reports that). */
    Schema<?> schemaOf(String ref) {
        return resolve(ref) instanceof Target t ? t.schema() : null;
    }

    /** Whether the target goes into {@code $defs} (it is on a reference cycle, or ends a very long chain). */
    boolean inDefs(String key) {
        return inDefs.contains(key);
    }

    /**
     * Inlining a chain of references nests one conversion inside the next, so a pathological chain (A0 refers to A1
     * refers to A2 ... thousands deep) would exhaust the stack. Every target whose chain of inlined references below
     * it would exceed {@link #MAX_INLINE_HEIGHT} goes to {@code $defs} too; that cuts each chain into bounded pieces.
     * Real exports stay far below the limit and are unaffected. Iterative post-order over the acyclic rest of the
     * graph.
     */
    private static Set<String> tooDeepToInline(Map<String, Set<String>> edges, Set<String> cyclic) {
        Map<String, Integer> height = new HashMap<>();
        Set<String> deep = new HashSet<>();
        for (String start : edges.keySet()) {
            if (cyclic.contains(start) || height.containsKey(start)) {
                continue;
            }
            Deque<String> stack = new ArrayDeque<>();
            Set<String> expanded = new HashSet<>();
            stack.push(start);
            while (!stack.isEmpty()) {
                String node = stack.peek();
                if (height.containsKey(node)) {
                    stack.pop();
                    continue;
                }
                Set<String> next = edges.getOrDefault(node, Set.of());
                if (expanded.add(node)) {
                    for (String to : next) {
                        if (!cyclic.contains(to) && !height.containsKey(to)) {
                            stack.push(to);
                        }
                    }
                    continue;
                }
                stack.pop();
                int h = 1;
                for (String to : next) {
                    if (!cyclic.contains(to) && !deep.contains(to)) {
                        h = Math.max(h, 1 + height.getOrDefault(to, 0));
                    }
                }
                if (h > MAX_INLINE_HEIGHT) {
                    deep.add(node);
                    h = 0; // referred to by $ref from now on: adds nothing to the chains above it
                }
                height.put(node, h);
            }
        }
        return deep;
    }

    String defName(String key) {
        return defNames.get(key);
    }

    Target target(String key) {
        return targets.get(key);
    }

    /** Edges from each target to the targets its schema tree refers to, discovering nested targets as it goes. */
    private Map<String, Set<String>> referenceGraph() {
        Map<String, Set<String>> edges = new LinkedHashMap<>();
        Deque<Target> work = new ArrayDeque<>(roots);
        while (!work.isEmpty()) {
            Target from = work.removeFirst();
            if (edges.containsKey(from.key())) {
                continue;
            }
            Set<String> to = new LinkedHashSet<>();
            edges.put(from.key(), to);
            collectRefs(from.schema(), to, work, Collections.newSetFromMap(new IdentityHashMap<>()));
        }
        return edges;
    }

    private void collectRefs(Schema<?> s, Set<String> to, Deque<Target> work, Set<Schema<?>> onPath) {
        if (!onPath.add(s)) {
            return; // an object cycle in the model (only possible with fully resolved input): nothing new below
        }
        if (s.get$ref() != null && resolve(s.get$ref()) instanceof Target t) {
            if (to.add(t.key())) {
                work.addLast(t);
            }
        }
        SchemaTree.forEachChild(s, child -> collectRefs(child, to, work, onPath));
        onPath.remove(s);
    }

    private Resolution lookUp(String ref) {
        if (!ref.startsWith("#")) {
            if (ref.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
                return new Unresolved("remote references are not supported; only #/components/schemas/... inside"
                        + " the export can be inlined");
            }
            return new Unresolved("references to other files are not supported; bundle the export into one file");
        }
        String fragment = JsonPointer.percentDecode(ref.substring(1));
        if (fragment == null) {
            return new Unresolved("the reference has malformed %-escapes");
        }
        if (fragment.startsWith("/paths/")) {
            String root = PathSchemaPointer.root(fragment);
            if (root == null) {
                return new Unresolved("a reference into #/paths must point at (or into) the schema of a"
                        + " parameter, request body or response");
            }
            Target start = targets.get(root);
            if (start == null) {
                return new Unresolved("there is no schema object at " + root + " (references into #/paths are"
                        + " followed in OpenAPI 3 exports)");
            }
            return root.length() == fragment.length()
                    ? start
                    : follow(start, unescaped(fragment.substring(root.length() + 1)), 0);
        }
        if (!fragment.startsWith(COMPONENTS)) {
            return new Unresolved("only references to #/components/schemas/... and to schemas of parameters,"
                    + " request bodies and responses under #/paths can be inlined");
        }
        List<String> names = unescaped(fragment.substring(COMPONENTS.length()));
        String componentKey = JsonPointer.escape(names.get(0));
        Target component = targets.get(componentKey);
        if (component == null) {
            return new Unresolved("there is no schema named '" + names.get(0) + "' in #/components/schemas");
        }
        return follow(component, names, 1);
    }

    private static List<String> unescaped(String pointerTail) {
        String[] segments = pointerTail.split("/", -1);
        List<String> names = new ArrayList<>(segments.length);
        for (String segment : segments) {
            names.add(JsonPointer.unescape(segment));
        }
        return names;
    }

    /** Follows the keywords {@code names[from..]} down from {@code start}. */
    private Resolution follow(Target start, List<String> names, int from) {
        Target current = start;
        for (int i = from; i < names.size(); i++) {
            Resolution step = step(current, names, i);
            if (step instanceof Unresolved) {
                return step;
            }
            current = (Target) step;
            if (namesMapOrList(names.get(i))) {
                i++;
            }
        }
        return current;
    }

    private static boolean namesMapOrList(String keyword) {
        return switch (keyword) {
            case "properties",
                    "patternProperties",
                    "dependentSchemas",
                    "$defs",
                    "definitions",
                    "allOf",
                    "anyOf",
                    "oneOf",
                    "prefixItems" -> true;
            default -> false;
        };
    }

    /** Follows keyword {@code names[i]} (and its member name/index {@code names[i+1]}) below {@code from}. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private Resolution step(Target from, List<String> names, int i) {
        Schema<?> s = from.schema();
        String keyword = names.get(i);
        String member = i + 1 < names.size() ? names.get(i + 1) : null;
        Object child;
        switch (keyword) {
            case "properties" ->
                child = member == null || s.getProperties() == null
                        ? null
                        : s.getProperties().get(member);
            case "patternProperties" ->
                child = member == null || s.getPatternProperties() == null
                        ? null
                        : s.getPatternProperties().get(member);
            case "dependentSchemas" ->
                child = member == null || s.getDependentSchemas() == null
                        ? null
                        : s.getDependentSchemas().get(member);
            case "$defs", "definitions" -> child = member == null ? null : embeddedDefinition(s, keyword, member);
            case "allOf" -> child = indexed(s.getAllOf(), member);
            case "anyOf" -> child = indexed(s.getAnyOf(), member);
            case "oneOf" -> child = indexed(s.getOneOf(), member);
            case "prefixItems" -> child = indexed(s.getPrefixItems(), member);
            case "items" -> child = s.getItems();
            case "additionalProperties" -> child = s.getAdditionalProperties() instanceof Schema a ? a : null;
            case "not" -> child = s.getNot();
            case "if" -> child = s.getIf();
            case "then" -> child = s.getThen();
            case "else" -> child = s.getElse();
            case "contains" -> child = s.getContains();
            case "propertyNames" -> child = s.getPropertyNames();
            case "unevaluatedProperties" -> child = s.getUnevaluatedProperties();
            case "unevaluatedItems" -> child = s.getUnevaluatedItems();
            default -> {
                return new Unresolved("'" + keyword + "' in the reference does not lead to a subschema");
            }
        }
        if (!(child instanceof Schema<?> schema)) {
            String what = member != null && namesMapOrList(keyword) ? keyword + "/" + member : keyword;
            return new Unresolved("'" + what + "' does not exist below " + from.pointer());
        }
        String key = from.key() + "/" + JsonPointer.escape(keyword)
                + (namesMapOrList(keyword) ? "/" + JsonPointer.escape(member) : "");
        Target known = targets.get(key);
        if (known != null) {
            return known;
        }
        String defBase = from.defBaseName() + "_" + keyword + (namesMapOrList(keyword) ? "_" + member : "");
        Target created =
                new Target(key, from.pointer() + key.substring(from.key().length()), defBase, schema);
        Target raced = targets.putIfAbsent(key, created);
        return raced != null ? raced : created;
    }

    @SuppressWarnings("rawtypes")
    private static Schema indexed(List<Schema> list, String member) {
        if (list == null || member == null || !member.matches("0|[1-9][0-9]{0,8}")) {
            return null;
        }
        int index = Integer.parseInt(member);
        return index < list.size() ? list.get(index) : null;
    }

    /**
     * swagger-parser keeps a 3.1 schema's {@code $defs} as plain maps among the extensions; read the one entry a
     * reference needs into a Schema with the same mapper the parser uses for that OpenAPI version.
     */
    private Schema<?> embeddedDefinition(Schema<?> s, String keyword, String member) {
        Map<String, Object> extensions = s.getExtensions();
        if (extensions == null || !(extensions.get(keyword) instanceof Map<?, ?> defs)) {
            return null;
        }
        Object raw = defs.get(member);
        if (raw == null) {
            return null;
        }
        ObjectMapper mapper = openApi31 ? Json31.mapper() : Json.mapper();
        try {
            return raw instanceof Boolean b
                    ? new Schema<>().booleanSchemaValue(b)
                    : mapper.convertValue(raw, Schema.class);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * {@code $defs} names: the component name (plus the path below it for nested targets) with every character
     * outside [A-Za-z0-9._-] replaced by '_', so a name needs no escaping in a JSON pointer or URI fragment; a
     * clash gets "_2", "_3", ... in the sorted order of the targets' keys, which keeps names stable.
     */
    private Map<String, String> assignDefNames(Set<String> keys) {
        Map<String, String> names = new HashMap<>();
        Set<String> used = new HashSet<>();
        for (String key : new TreeSet<>(keys)) {
            String base = sanitise(targets.get(key).defBaseName());
            String name = base;
            for (int n = 2; !used.add(name); n++) {
                name = base + "_" + n;
            }
            names.put(key, name);
        }
        return names;
    }

    /**
     * A readable {@code $defs} base name for a path schema: {@code /paths/~1pets/post/requestBody/content/
     * application~1json/schema} → {@code pets_post_requestBody_application/json} (made a valid name by
     * {@link #sanitise}).
     */
    private static String pathDefBase(String pointer) {
        List<String> words = new ArrayList<>();
        for (String segment : unescaped(pointer.substring("/paths/".length()))) {
            if (!segment.equals("content") && !segment.equals("schema")) {
                words.add(segment);
            }
        }
        return String.join("_", words).replaceAll("^[^A-Za-z0-9]+", "");
    }

    static String sanitise(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == '-';
            out.append(ok ? c : '_');
        }
        return out.length() == 0 ? "schema" : out.toString();
    }
}
