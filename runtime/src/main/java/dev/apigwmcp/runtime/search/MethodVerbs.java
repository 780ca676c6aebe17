package dev.apigwmcp.runtime.search;

import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The words people use for what an HTTP method does ("show", "remove", "rename"), so a task phrased in them finds
 * tools whose names and descriptions use others.
 */
final class MethodVerbs {

    private static final Map<String, String> VERBS = Map.of(
            "GET", "get list show read view fetch find retrieve",
            "HEAD", "check exists",
            "POST", "create add make new send start run",
            "PUT", "update set replace add",
            "PATCH", "update edit change modify rename",
            "DELETE", "delete remove");

    private MethodVerbs() {}

    /** The verbs of each method in {@code methods} (space-separated, as in {@code search.json}). */
    static String of(String methods) {
        StringJoiner verbs = new StringJoiner(" ");
        for (String method : methods.trim().split("\\s+")) {
            String words = VERBS.get(method.toUpperCase(Locale.ROOT));
            if (words != null) {
                verbs.add(words);
            }
        }
        return verbs.toString();
    }
}
