package dev.apigwmcp.generator.select;

import dev.apigwmcp.generator.model.ApiOperation;

/**
 * Tool descriptions: the override's, else the operation's summary and description, else the resource's
 * description, else {@code METHOD path}, after {@code "Deprecated. "} when the export marks the operation
 * deprecated (MCP has no such field, and a model should prefer the replacement). Whitespace runs become one space;
 * a text over the cap is cut at a word boundary and ends with an ellipsis.
 */
public final class Descriptions {

    private static final String DEPRECATED = "Deprecated. ";

    private Descriptions() {}

    /** The uncut description. */
    public static String describe(ApiOperation operation, String overrideDescription) {
        if (overrideDescription != null && !overrideDescription.isBlank()) {
            return normalize(overrideDescription);
        }
        String text = fromExport(operation);
        return operation.deprecated() ? DEPRECATED + text : text;
    }

    private static String fromExport(ApiOperation operation) {
        String summary = normalize(operation.summary());
        String description = normalize(operation.description());
        if (!summary.isEmpty() && !description.isEmpty()) {
            if (description.startsWith(summary)) {
                return description;
            }
            return summary + (endsSentence(summary) ? " " : ". ") + description;
        }
        if (!summary.isEmpty()) {
            return summary;
        }
        if (!description.isEmpty()) {
            return description;
        }
        String resource = normalize(operation.resourceDescription());
        if (!resource.isEmpty()) {
            return resource;
        }
        return operation.label();
    }

    /**
     * Collapses whitespace; {@code null} becomes empty. The result of {@code text.replaceAll("\\s+", " ").trim()},
     * in one pass without a regular expression (descriptions are many, and GitHub's are long and multi-line).
     */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isRegexSpace(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            int end = i + 1;
            while (end < text.length() && isRegexSpace(text.charAt(end))) {
                end++;
            }
            if (out == null) {
                if (c == ' ' && end == i + 1) {
                    continue; // a single space stays as it is: nothing to rewrite yet
                }
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            out.append(' ');
            i = end - 1;
        }
        return (out == null ? text : out.toString()).trim();
    }

    /** What {@code \s} matches: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Cuts {@code text} to at most {@code max} characters at a word boundary, ending with an ellipsis. */
    public static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        int space = text.lastIndexOf(' ', end);
        if (space > max / 2) {
            end = space;
        }
        // Never split a surrogate pair.
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end).stripTrailing() + "…";
    }

    private static boolean endsSentence(String text) {
        char last = text.charAt(text.length() - 1);
        return last == '.' || last == '!' || last == '?' || last == ':';
    }
}
