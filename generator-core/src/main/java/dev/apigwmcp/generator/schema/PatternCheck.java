package dev.apigwmcp.generator.schema;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Decides whether a {@code pattern} can be kept. JSON Schema patterns are ECMA-262 regular expressions; the runtime
 * validates with java.util.regex and MCP clients often with JavaScript, so a pattern must compile in Java and must
 * not use the Java-only syntax that JavaScript rejects or reads differently. Results are memoised per converter
 * because big exports repeat the same few patterns thousands of times.
 */
final class PatternCheck {
    private final Map<String, Optional<String>> verdicts = new ConcurrentHashMap<>();

    /** Why the pattern cannot be used, or empty when it can. */
    Optional<String> problem(String pattern) {
        Optional<String> known = verdicts.get(pattern);
        if (known == null) {
            known = Optional.ofNullable(check(pattern));
            verdicts.put(pattern, known);
        }
        return known;
    }

    private static String check(String pattern) {
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            return "is not a valid regular expression (" + e.getDescription() + " near index " + e.getIndex() + ")";
        }
        return javaOnlySyntax(pattern);
    }

    /** A scan for constructs java.util.regex accepts but ECMA-262 does not (or matches differently). */
    private static String javaOnlySyntax(String p) {
        boolean inClass = false;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\') {
                if (i + 1 >= p.length()) {
                    return null;
                }
                char e = p.charAt(i + 1);
                if ("AZzGhHRXQEe".indexOf(e) >= 0) {
                    return "uses the Java-only escape \\" + e + " that ECMA-262 regular expressions do not support";
                }
                if ((e == 'p' || e == 'P') && javaPropertyName(p, i + 2)) {
                    return "uses a Java-only character property \\" + e + "{...}";
                }
                i++;
                continue;
            }
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                } else if (c == '&' && i + 1 < p.length() && p.charAt(i + 1) == '&') {
                    return "uses Java character-class intersection (&&)";
                }
                continue;
            }
            if (c == '[') {
                inClass = true;
                // A ']' right after '[' or '[^' is a literal in Java; skip it so the class does not end there.
                if (i + 1 < p.length() && p.charAt(i + 1) == '^') {
                    i++;
                }
                if (i + 1 < p.length() && p.charAt(i + 1) == ']') {
                    i++;
                }
            } else if (c == '(' && i + 2 < p.length() && p.charAt(i + 1) == '?') {
                char g = p.charAt(i + 2);
                if (g == '>') {
                    return "uses a Java-only atomic group (?>...)";
                }
                if (Character.isLetter(g) || g == '-') {
                    return "uses Java inline flags (?" + g + "...) that ECMA-262 regular expressions do not support";
                }
            } else if ((c == '*' || c == '+' || c == '?' || c == '}') && i + 1 < p.length() && p.charAt(i + 1) == '+'
                    && quantifies(p, i)) {
                return "uses a Java-only possessive quantifier (" + c + "+)";
            }
        }
        return null;
    }

    /** Whether the quantifier-like character at {@code i} really is a quantifier (not the '?' of "(?"). */
    private static boolean quantifies(String p, int i) {
        char c = p.charAt(i);
        if (c == '?') {
            return i > 0 && p.charAt(i - 1) != '(';
        }
        if (c == '}') {
            int open = p.lastIndexOf('{', i);
            return open >= 0 && p.substring(open + 1, i).matches("\\d+(,\\d*)?");
        }
        return true;
    }

    private static boolean javaPropertyName(String p, int brace) {
        if (brace >= p.length() || p.charAt(brace) != '{') {
            return false;
        }
        int end = p.indexOf('}', brace);
        if (end < 0) {
            return false;
        }
        String name = p.substring(brace + 1, end);
        return name.startsWith("java") || name.startsWith("Is") || name.startsWith("In")
                || name.matches("Lower|Upper|ASCII|Alpha|Digit|Alnum|Punct|Graph|Print|Blank|Cntrl|XDigit|Space");
    }
}
