package dev.apigwmcp.runtime.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * The acronyms a catalog spells out, learnt from the catalog itself: users write "PR" where the tools say "pull
 * request", and neither the words nor a small embedding model connect the two. An acronym in a query (two or three
 * capitals, perhaps a plural "s") is replaced by the catalog's phrase of two or three words with those initials,
 * when one phrase clearly dominates: in the titles and descriptions of at least {@value #MIN_TOOLS} tools, three
 * times as many as any other phrase with the same initials, and more than the acronym itself as a word. Nothing is
 * listed by hand, so every catalog gets its own (a small one none).
 */
final class Acronyms {

    static final int MIN_TOOLS = 5;
    private static final int DOMINANCE = 3;
    private static final Pattern ACRONYM = Pattern.compile("\\b(\\p{Lu}{2,3})(s?)\\b");
    private static final String SENTENCE_END = ".;:!?()[],";
    private static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    private final Map<String, String> phrases;

    private Acronyms(Map<String, String> phrases) {
        this.phrases = phrases;
    }

    /** The acronyms the documents' titles and descriptions spell out. */
    static Acronyms of(List<SearchDocument> documents) {
        Map<String, Integer> tools = new HashMap<>();
        Map<String, String> written = new HashMap<>();
        Map<String, Integer> shortWords = new HashMap<>();
        Set<String> phrasesSeen = new HashSet<>();
        Set<String> wordsSeen = new HashSet<>();
        List<String> sentence = new ArrayList<>();
        for (SearchDocument document : documents) {
            phrasesSeen.clear();
            wordsSeen.clear();
            for (SearchField field : List.of(SearchField.TITLE, SearchField.DESCRIPTION)) {
                String text = document.text(field).toLowerCase(Locale.ROOT);
                int at = 0;
                while (at < text.length()) {
                    at = sentence(text, at, sentence);
                    for (String word : sentence) {
                        if (word.length() <= 3) {
                            wordsSeen.add(word);
                        }
                    }
                    phrases(sentence, phrasesSeen, written);
                }
            }
            phrasesSeen.forEach(phrase -> tools.merge(phrase, 1, Integer::sum));
            wordsSeen.forEach(word -> shortWords.merge(word, 1, Integer::sum));
        }
        return new Acronyms(dominant(tools, written, shortWords));
    }

    /**
     * Reads the words of the sentence that starts at {@code from} into {@code words} (cleared first); returns where
     * the next sentence starts.
     */
    private static int sentence(String text, int from, List<String> words) {
        words.clear();
        int at = from;
        int wordStart = -1;
        for (; at < text.length(); at++) {
            char c = text.charAt(at);
            if (Character.isLetter(c)) {
                wordStart = wordStart < 0 ? at : wordStart;
                continue;
            }
            if (wordStart >= 0) {
                words.add(text.substring(wordStart, at));
                wordStart = -1;
            }
            if (SENTENCE_END.indexOf(c) >= 0) {
                return at + 1;
            }
        }
        if (wordStart >= 0) {
            words.add(text.substring(wordStart, at));
        }
        return at;
    }

    /**
     * The phrases of two and three content words in a sentence, by a key that ignores plurals; the first way the
     * catalog writes each (the key itself where it is written so).
     */
    private static void phrases(List<String> words, Set<String> seen, Map<String, String> written) {
        for (int start = 0; start + 1 < words.size(); start++) {
            String first = words.get(start);
            String second = words.get(start + 1);
            if (!content(first) || !content(second)) {
                continue;
            }
            String two = singular(first) + " " + singular(second);
            add(two, first + " " + second, seen, written);
            if (start + 2 < words.size() && content(words.get(start + 2))) {
                String third = words.get(start + 2);
                add(two + " " + singular(third), first + " " + second + " " + third, seen, written);
            }
        }
    }

    private static void add(String key, String surface, Set<String> seen, Map<String, String> written) {
        seen.add(key);
        if (key.equals(surface)) {
            written.put(key, surface);
        } else {
            written.putIfAbsent(key, surface);
        }
    }

    private static boolean content(String word) {
        return word.length() >= 2 && !STOP_WORDS.contains(word);
    }

    private static String singular(String word) {
        return word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")
                ? word.substring(0, word.length() - 1)
                : word;
    }

    /**
     * Each acronym's phrase, where one dominates: in at least {@value #MIN_TOOLS} tools, {@value #DOMINANCE} times
     * as many as the next phrase with the same initials, and more than the acronym as a word of its own.
     */
    private static Map<String, String> dominant(
            Map<String, Integer> tools, Map<String, String> written, Map<String, Integer> words) {
        Map<String, String> best = new HashMap<>();
        Map<String, Integer> runnerUp = new HashMap<>();
        for (Map.Entry<String, Integer> phrase : tools.entrySet()) {
            String initials = initials(phrase.getKey());
            String leader = best.get(initials);
            if (leader == null) {
                best.put(initials, phrase.getKey());
                continue;
            }
            int count = phrase.getValue();
            int leading = tools.get(leader);
            boolean leads =
                    count > leading || (count == leading && phrase.getKey().compareTo(leader) < 0);
            runnerUp.merge(initials, leads ? leading : count, Math::max);
            if (leads) {
                best.put(initials, phrase.getKey());
            }
        }
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, String> entry : best.entrySet()) {
            int most = tools.get(entry.getValue());
            if (most >= MIN_TOOLS
                    && most >= DOMINANCE * runnerUp.getOrDefault(entry.getKey(), 0)
                    && most > words.getOrDefault(entry.getKey(), 0)) {
                out.put(entry.getKey(), written.get(entry.getValue()));
            }
        }
        return Map.copyOf(out);
    }

    private static String initials(String phrase) {
        StringBuilder initials = new StringBuilder(3).append(phrase.charAt(0));
        for (int i = 1; i < phrase.length(); i++) {
            if (phrase.charAt(i - 1) == ' ') {
                initials.append(phrase.charAt(i));
            }
        }
        return initials.toString();
    }

    /** The query with each acronym the catalog spells out replaced by its phrase ("PRs" by "pull requests"). */
    String spell(String query) {
        if (phrases.isEmpty()) {
            return query;
        }
        Matcher acronyms = ACRONYM.matcher(query);
        StringBuilder out = new StringBuilder(query.length() + 16);
        while (acronyms.find()) {
            String phrase = phrases.get(acronyms.group(1).toLowerCase(Locale.ROOT));
            String replacement = phrase == null ? acronyms.group() : phrase + acronyms.group(2);
            acronyms.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        acronyms.appendTail(out);
        return out.toString();
    }
}
