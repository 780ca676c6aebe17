package dev.apigwmcp.generator.emit.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns identifiers and documentation into the plain words a search matches: {@code listPetsForOwner},
 * {@code repos/create-fork} and {@code x_api_key} become words, and descriptions lose what no user types (link
 * targets, HTML tags, Markdown punctuation).
 */
final class SearchText {

    /** {@code [text](target)} and {@code <target>}: the text stays, the target goes. */
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern URL = Pattern.compile("\\b(?:https?|ftp)://[^\\s<>()]+");
    private static final Pattern HTML_TAG = Pattern.compile("</?[A-Za-z][^<>]*>");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final Pattern MARKUP = Pattern.compile("(?:[`*_#>|]|\\s)+");

    private SearchText() {
    }

    /**
     * The words of an identifier, in order, lower-cased: split at every character that is not a letter or digit,
     * between a lower-case letter or digit and an upper-case one ({@code getPet}), and before the last capital of
     * a run followed by lower case ({@code HTTPServer} → {@code http server}). Digits stay with their word.
     */
    static List<String> words(String identifier) {
        List<String> words = new ArrayList<>();
        if (identifier == null) {
            return words;
        }
        StringBuilder word = new StringBuilder();
        int length = identifier.length();
        for (int i = 0; i < length; i++) {
            char c = identifier.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(word, words);
                continue;
            }
            if (word.length() > 0 && Character.isUpperCase(c)) {
                char previous = identifier.charAt(i - 1);
                boolean nextLower = i + 1 < length && Character.isLowerCase(identifier.charAt(i + 1));
                if (Character.isLowerCase(previous) || Character.isDigit(previous)
                        || (Character.isUpperCase(previous) && nextLower)) {
                    flush(word, words);
                }
            }
            word.append(Character.toLowerCase(c));
        }
        flush(word, words);
        return words;
    }

    /** {@link #words} joined by single spaces. */
    static String wordText(String identifier) {
        return String.join(" ", words(identifier));
    }

    /** Documentation as prose: link texts kept, link targets, URLs and HTML tags dropped, whitespace collapsed. */
    static String prose(String text) {
        if (text == null) {
            return "";
        }
        String plain = MARKDOWN_LINK.matcher(text).replaceAll("$1");
        plain = URL.matcher(plain).replaceAll(" ");
        plain = HTML_TAG.matcher(plain).replaceAll(" ");
        return MARKUP.matcher(plain).replaceAll(" ").strip();
    }

    /** A prose text's sentences: split after {@code .}, {@code !} or {@code ?} followed by white space. */
    static List<String> sentences(String prose) {
        if (prose.isEmpty()) {
            return List.of();
        }
        return List.of(SENTENCE_END.split(prose));
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }
}
