package dev.apigwmcp.runtime.upstream;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed API Gateway path template such as {@code /pets/{petId}} or {@code /files/{proxy+}}: literal text and
 * variables, where a variable whose name ends in {@code +} is greedy (may span several segments). Parsed once at
 * load time so that each call only substitutes.
 *
 * @param template the template as written in {@code bindings.json}
 * @param parts    literal text ({@link Literal}) and variables ({@link Variable}) in order
 */
public record PathTemplate(String template, List<Part> parts) {

    /** A piece of a template. */
    public sealed interface Part permits Literal, Variable {}

    /** Literal text, already in its on-the-wire form. */
    public record Literal(String text) implements Part {}

    /** A variable; {@code greedy} for {@code {name+}}. */
    public record Variable(String name, boolean greedy) implements Part {}

    public PathTemplate {
        parts = List.copyOf(parts);
    }

    /**
     * Parses a template; throws {@link IllegalArgumentException} with a specific reason for a malformed one (the
     * caller adds where it was found).
     */
    public static PathTemplate parse(String template) {
        if (template == null || !template.startsWith("/")) {
            throw new IllegalArgumentException("path template must start with '/': " + template);
        }
        List<Part> parts = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        // The base URL ends without a slash and the path brings exactly one: a leading "//" would double it.
        int i = 0;
        while (i + 1 < template.length() && template.charAt(i + 1) == '/') {
            i++;
        }
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                parts.add(literal(template.substring(i), template));
                break;
            }
            if (open > i) {
                parts.add(literal(template.substring(i, open), template));
            }
            int close = template.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '{' in path template " + template);
            }
            String name = template.substring(open + 1, close);
            boolean greedy = name.endsWith("+");
            if (greedy) {
                name = name.substring(0, name.length() - 1);
            }
            if (name.isEmpty() || name.contains("{")) {
                throw new IllegalArgumentException("bad variable in path template " + template);
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException(
                        "variable {" + name + "} appears twice in path template " + template);
            }
            parts.add(new Variable(name, greedy));
            i = close + 1;
        }
        return new PathTemplate(template, parts);
    }

    private static Literal literal(String text, String template) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '}' || c == '?' || c == '#' || c <= ' ' || c >= 0x7F) {
                throw new IllegalArgumentException("character '" + c + "' not allowed in path template " + template);
            }
        }
        return new Literal(text);
    }

    /** The variable named {@code name}, or {@code null}. */
    public Variable variable(String name) {
        for (Part part : parts) {
            if (part instanceof Variable variable && variable.name().equals(name)) {
                return variable;
            }
        }
        return null;
    }
}
