package dev.apigwmcp.generator.emit.java;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Java identifiers from API names: {@code X-Request-Reason} → {@code xRequestReason} / {@code XRequestReason};
 * keywords get a trailing {@code _}; a leading digit gets a leading {@code _}. A {@link Scope} keeps names
 * unique, comparing case-insensitively so that generated files never clash on case-insensitive file systems.
 */
final class JavaNames {

    private JavaNames() {}

    static String pascal(String text) {
        String camel = camelWords(text, true);
        return fix(camel.isEmpty() ? "Unnamed" : camel);
    }

    static String camel(String text) {
        String camel = camelWords(text, false);
        return fix(camel.isEmpty() ? "value" : camel);
    }

    private static String camelWords(String text, boolean upperFirst) {
        StringBuilder out = new StringBuilder();
        boolean upperNext = upperFirst;
        boolean first = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c < 128 && Character.isLetterOrDigit(c))) {
                upperNext = !first;
                continue;
            }
            if (first) {
                out.append(upperFirst ? Character.toUpperCase(c) : Character.toLowerCase(c));
                first = false;
                // Keep the rest of a leading word as written (petId stays petId), but lower an all-caps word.
                upperNext = false;
                continue;
            }
            out.append(upperNext ? Character.toUpperCase(c) : c);
            upperNext = false;
        }
        return out.toString();
    }

    private static String fix(String name) {
        if (Character.isDigit(name.charAt(0))) {
            name = "_" + name;
        }
        if (SourceVersion.isKeyword(name) || name.equals("record") || name.equals("var") || name.equals("yield")) {
            name = name + "_";
        }
        return name;
    }

    /** Hands out names unique within one scope (case-insensitively). */
    static final class Scope {
        private final Set<String> taken = new HashSet<>();

        Scope(String... reserved) {
            for (String name : reserved) {
                taken.add(name.toLowerCase(Locale.ROOT));
            }
        }

        /** A stem such that every {@code stem + suffix} is free; all of them are taken. */
        String uniqueStem(String stem, String... suffixes) {
            for (int i = 1; ; i++) {
                String candidate = i == 1 ? stem : stem + i;
                boolean free = true;
                for (String suffix : suffixes) {
                    free &= !taken.contains((candidate + suffix).toLowerCase(Locale.ROOT));
                }
                if (free) {
                    for (String suffix : suffixes) {
                        taken.add((candidate + suffix).toLowerCase(Locale.ROOT));
                    }
                    return candidate;
                }
            }
        }

        String unique(String name) {
            String candidate = name;
            for (int i = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); i++) {
                candidate = name + i;
            }
            return candidate;
        }
    }
}
