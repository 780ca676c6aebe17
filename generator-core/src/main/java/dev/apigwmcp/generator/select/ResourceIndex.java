package dev.apigwmcp.generator.select;

import dev.apigwmcp.generator.model.ApiModel;
import dev.apigwmcp.generator.model.ApiOperation;
import dev.apigwmcp.generator.model.HttpMethod;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The export's resources and their methods, to explain a path the configuration names that is not there: the same
 * resource spelled with other placeholder names ({@code /streams/{stream-name}} for {@code /streams/{streamName}}:
 * API Gateway matches by position, so it is the same resource), else the nearest paths by edit distance, and the
 * methods a resource does have.
 */
final class ResourceIndex {

    /** At most this many suggestions in one message. */
    private static final int MAX_SUGGESTIONS = 3;

    private final Map<String, List<HttpMethod>> methods = new LinkedHashMap<>();

    ResourceIndex(ApiModel model) {
        for (ApiOperation operation : model.operations()) {
            methods.computeIfAbsent(operation.path(), p -> new ArrayList<>()).add(operation.method());
        }
    }

    /** Why {@code method} {@code path} is no operation of the export, and what is there instead. */
    String explainOperation(String path, HttpMethod method) {
        List<HttpMethod> here = methods(path);
        if (!here.isEmpty()) {
            return path + " has no " + method + " method (its methods: " + list(here) + ")";
        }
        Optional<String> same = sameResource(path);
        if (same.isPresent()) {
            List<HttpMethod> there = methods(same.get());
            boolean hasMethod = there.contains(method) || there.contains(HttpMethod.ANY);
            return "there is no resource " + path + "; the export spells it " + same.get()
                    + " (path parameters must be named as in the export)"
                    + (hasMethod ? "" : ", and it has no " + method + " method (its methods: " + list(there) + ")");
        }
        return "there is no resource " + path + suggestions(nearest(path));
    }

    /** Why an explicit {@code filterPath} selects nothing for {@code wanted}. */
    String explainExplicitFilter(String path, List<HttpMethod> wanted) {
        List<HttpMethod> here = methods(path);
        if (!here.isEmpty()) {
            return path + " has none of " + list(wanted) + " (its methods: " + list(here) + ")";
        }
        Optional<String> same = sameResource(path);
        if (same.isPresent()) {
            return "there is no resource " + path + "; the export spells it " + same.get()
                    + " (path parameters must be named as in the export)";
        }
        return "there is no resource " + path + suggestions(nearest(path));
    }

    /** Why a {@code prefix/*} filter selects nothing for {@code wanted}; {@code prefix} ends in '/'. */
    String explainWildcardFilter(String prefix, List<HttpMethod> wanted) {
        Set<HttpMethod> below = methodsBelow(prefix);
        if (!below.isEmpty()) {
            return "the resources below " + prefix + " have none of " + list(wanted) + " (their methods: " + list(below)
                    + ")";
        }
        String bare = prefix.length() > 1 ? prefix.substring(0, prefix.length() - 1) : prefix;
        if (!methods(bare).isEmpty()) {
            return "no resource lies below " + prefix + "; " + bare + "/* never selects " + bare
                    + " itself: use filterPath " + bare;
        }
        return "no resource lies below " + prefix + suggestions(nearestPrefixes(prefix));
    }

    private static String suggestions(List<String> near) {
        if (near.isEmpty()) {
            return ", nor one with a similar path";
        }
        return "; did you mean " + String.join(" or ", near) + "?";
    }

    private static String list(Collection<HttpMethod> methods) {
        List<String> names = new ArrayList<>();
        for (HttpMethod method : methods) {
            names.add(method == HttpMethod.ANY ? "ANY (every method but OPTIONS)" : method.name());
        }
        return String.join(", ", names);
    }

    /** The methods of {@code path} as the export spells it, in export order; empty when there is no such resource. */
    List<HttpMethod> methods(String path) {
        return methods.getOrDefault(path, List.of());
    }

    /** The export's spelling of {@code path} when only placeholder names (or a trailing slash) differ. */
    Optional<String> sameResource(String path) {
        String key = normalise(path);
        return methods.keySet().stream()
                .filter(p -> !p.equals(path) && normalise(p).equals(key))
                .findFirst();
    }

    /** Up to three resources whose paths are close to {@code path}, nearest first. */
    List<String> nearest(String path) {
        return closest(path, methods.keySet());
    }

    /**
     * For a {@code prefix/*} filter that selects nothing: up to three existing prefixes close to {@code prefix}
     * (each written {@code prefix/*}), nearest first.
     */
    List<String> nearestPrefixes(String prefix) {
        Set<String> parents = new LinkedHashSet<>();
        for (String path : methods.keySet()) {
            for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
                parents.add(path.substring(0, slash));
            }
        }
        String bare = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return closest(bare, parents).stream().map(p -> p + "/*").toList();
    }

    /** The methods of every resource strictly below {@code prefix} (which ends in '/'), in enum order. */
    Set<HttpMethod> methodsBelow(String prefix) {
        Set<HttpMethod> below = new TreeSet<>();
        methods.forEach((path, list) -> {
            if (path.startsWith(prefix) && path.length() > prefix.length()) {
                below.addAll(list);
            }
        });
        return below;
    }

    private static List<String> closest(String path, Iterable<String> candidates) {
        String key = normalise(path).toLowerCase(Locale.ROOT);
        // A path that differs in more than about a third of its characters is no longer "the one you meant".
        int limit = Math.max(2, key.length() / 3);
        List<Candidate> near = new ArrayList<>();
        int order = 0;
        for (String candidate : candidates) {
            int distance = distance(key, normalise(candidate).toLowerCase(Locale.ROOT));
            if (distance <= limit && !candidate.equals(path)) {
                near.add(new Candidate(candidate, distance, order));
            }
            order++;
        }
        near.sort(Comparator.comparingInt(Candidate::distance).thenComparingInt(Candidate::order));
        return near.stream().limit(MAX_SUGGESTIONS).map(Candidate::path).toList();
    }

    /** Placeholders become {@code {}} (a greedy one {@code {+}}); a trailing slash goes. */
    static String normalise(String path) {
        StringBuilder out = new StringBuilder(path.length());
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            int close = c == '{' ? path.indexOf('}', i) : -1;
            if (close > i) {
                out.append(path.charAt(close - 1) == '+' ? "{+}" : "{}");
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        if (out.length() > 1 && out.charAt(out.length() - 1) == '/') {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private record Candidate(String path, int distance, int order) {}
}
