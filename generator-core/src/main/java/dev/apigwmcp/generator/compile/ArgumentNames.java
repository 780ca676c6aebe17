package dev.apigwmcp.generator.compile;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Chooses argument names. Names are the parameters' own names with characters outside
 * {@code [A-Za-z0-9_.-]} replaced by {@code _} (the property-name rule of the strictest LLM APIs), cut to 64.
 * When two arguments would share a name, the first in the order path, query, header, cookie, body keeps it and
 * the later one gets the suffix {@code _<location>} ({@code id_query}), then a number if still taken.
 */
final class ArgumentNames {

    private static final Pattern INVALID = Pattern.compile("[^A-Za-z0-9_.-]");
    private static final int MAX = 64;

    private final Set<String> taken = new HashSet<>();

    /** Reserves {@code name} as it is (for names the generator itself chooses). */
    boolean reserve(String name) {
        return taken.add(name);
    }

    /** A free name for a parameter, and whether a clash forced a suffix. */
    Claimed claim(String parameter, String location) {
        String base = sanitize(parameter);
        if (taken.add(base)) {
            return new Claimed(base, false);
        }
        String suffixed = cut(base, MAX - location.length() - 1) + "_" + location;
        if (taken.add(suffixed)) {
            return new Claimed(suffixed, true);
        }
        for (int i = 2; ; i++) {
            String numbered = cut(suffixed, MAX - String.valueOf(i).length() - 1) + "_" + i;
            if (taken.add(numbered)) {
                return new Claimed(numbered, true);
            }
        }
    }

    /**
     * A claimed argument name.
     *
     * @param name    the name
     * @param renamed whether it differs from the wanted one because that was taken
     */
    record Claimed(String name, boolean renamed) {}

    static String sanitize(String name) {
        String clean = INVALID.matcher(name).replaceAll("_");
        if (clean.isEmpty()) {
            clean = "_";
        }
        return cut(clean, MAX);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
