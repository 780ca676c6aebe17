package dev.apigwmcp.runtime.config;

/** Ends a sentence whose last words came from elsewhere (an upstream's message, a failure's text) exactly once. */
public final class Sentence {

    private Sentence() {}

    /** {@code text} with a period, unless it already ends a sentence ("again." stays "again.", not "again.."). */
    public static String end(String text) {
        String trimmed = text.stripTrailing();
        if (trimmed.isEmpty()) {
            return trimmed;
        }
        char last = trimmed.charAt(trimmed.length() - 1);
        return last == '.' || last == '!' || last == '?' || last == '\u2026' ? trimmed : trimmed + ".";
    }
}
