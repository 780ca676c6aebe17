package dev.apigwmcp.generator.emit.search;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The sentences that many of a target's tools share ("The name is not case sensitive.", "OAuth tokens need the
 * repo scope to use this endpoint."): they say nothing about what one tool does, and their words would make
 * every tool match a query that happens to use them. A sentence that occurs in the documentation of at least
 * {@link #MIN_TOOLS} tools is left out of the search documents.
 */
final class Boilerplate {

    static final int MIN_TOOLS = 5;

    private final Set<String> shared;

    private Boilerplate(Set<String> shared) {
        this.shared = shared;
    }

    /** @param sentencesByTool each tool's sentences (a sentence counts once per tool) */
    static Boilerplate of(Collection<List<String>> sentencesByTool) {
        Map<String, Integer> tools = new HashMap<>();
        for (List<String> sentences : sentencesByTool) {
            for (String sentence : new HashSet<>(sentences)) {
                tools.merge(sentence, 1, Integer::sum);
            }
        }
        Set<String> shared = new HashSet<>();
        tools.forEach((sentence, count) -> {
            if (count >= MIN_TOOLS) {
                shared.add(sentence);
            }
        });
        return new Boilerplate(shared);
    }

    /** Whether many tools share the sentence. */
    boolean shared(String sentence) {
        return shared.contains(sentence);
    }

    /** The sentences that are not shared, joined by spaces. */
    String without(List<String> sentences) {
        StringJoiner kept = new StringJoiner(" ");
        for (String sentence : sentences) {
            if (!shared.contains(sentence)) {
                kept.add(sentence);
            }
        }
        return kept.toString();
    }
}
