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
    private static final String MARKUP_CHARACTERS = "`*_#>|";

    private SearchText() {}

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
                if (Character.isLowerCase(previous)
                        || Character.isDigit(previous)
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

    /**
     * Documentation as prose: link texts kept, link targets, URLs and HTML tags dropped, Markdown emphasis and
     * runs of white space made one space. The regular expressions run only on texts that have what they remove.
     */
    static String prose(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String plain = text;
        if (plain.indexOf('[') >= 0) {
            plain = MARKDOWN_LINK.matcher(plain).replaceAll("$1");
        }
        if (plain.contains("://")) {
            plain = URL.matcher(plain).replaceAll(" ");
        }
        if (plain.indexOf('<') >= 0) {
            plain = HTML_TAG.matcher(plain).replaceAll(" ");
        }
        return collapse(plain);
    }

    /** Markup characters and white space, in runs, become one space; the ends are trimmed. */
    private static String collapse(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean gap = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || MARKUP_CHARACTERS.indexOf(c) >= 0) {
                gap = out.length() > 0;
            } else {
                if (gap) {
                    out.append(' ');
                    gap = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A prose text's sentences (as {@link #prose} makes it: single spaces): split after {@code .}, {@code !} or
     * {@code ?} followed by a space.
     */
    static List<String> sentences(String prose) {
        if (prose.isEmpty()) {
            return List.of();
        }
        List<String> sentences = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < prose.length(); i++) {
            char end = prose.charAt(i - 1);
            if (prose.charAt(i) == ' ' && (end == '.' || end == '!' || end == '?')) {
                sentences.add(prose.substring(start, i));
                start = i + 1;
            }
        }
        sentences.add(prose.substring(start));
        return sentences;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }
}
