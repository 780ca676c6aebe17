package dev.apigwmcp.runtime.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The ranking {@code search_tools} answers with: the lexical {@link ToolIndex} alone, or, when the generator
 * stored vectors and the gateway has the same embedding model, both fused by score: a tool scores
 * {@code WORDS x bm25 / best bm25 + (1 - WORDS) x cosine similarity}. Dividing by the query's best BM25 score puts
 * the words on the scale of the similarities (0 to 1), whatever the query's length; the scores themselves, unlike
 * ranks alone, keep how far apart two tools are in each ranking, so a tool both rankings like beats one that only
 * one of them puts first.
 */
public final class ToolSearch {

    /** The words' share of a tool's score (chosen on the tuning queries, BENCHMARKS.md). */
    static final double WORDS = 0.3;
    /** How deep each ranking is read: the candidates are the tools either ranking puts this high. */
    static final int DEPTH = 100;

    private final ToolIndex lexical;
    private final VectorIndex vectors;
    private final QueryEmbedder embedder;
    private final double wordsShare;

    /** @param vectors and {@code embedder}: both or neither ({@code null}) */
    public ToolSearch(ToolIndex lexical, VectorIndex vectors, QueryEmbedder embedder) {
        this(lexical, vectors, embedder, WORDS);
    }

    /** With another share of the words than the gateway's, for tuning it ({@code benchmarks}' SearchEvaluation). */
    public ToolSearch(ToolIndex lexical, VectorIndex vectors, QueryEmbedder embedder, double wordsShare) {
        this.lexical = lexical;
        this.vectors = embedder == null ? null : vectors;
        this.embedder = vectors == null ? null : embedder;
        this.wordsShare = wordsShare;
    }

    /** Whether the ranking uses the embedding model. */
    public boolean semantic() {
        return embedder != null;
    }

    /** How many tools the search knows. */
    public int size() {
        return lexical.size();
    }

    /** The best tools for the query, at most {@code limit}, only those {@code visible} accepts ({@code null}: all). */
    public List<String> search(String query, int limit, Predicate<String> visible) {
        if (embedder == null) {
            return lexical.search(query, limit, visible);
        }
        // The words' side spells the catalog's acronyms out itself; the model is given the same text.
        float[] meaning = embedder.embed(lexical.spelled(query));
        List<Scored> words = lexical.scored(query, DEPTH, visible);
        double best = words.isEmpty() ? 1 : words.get(0).score();
        // Candidates in the order first seen (words first), which breaks ties.
        Map<String, Double> scores = new LinkedHashMap<>();
        for (Scored tool : words) {
            scores.put(
                    tool.name(),
                    wordsShare * tool.score() / best + (1 - wordsShare) * vectors.similarity(tool.name(), meaning));
        }
        for (Scored tool : vectors.nearest(meaning, DEPTH)) {
            if (!scores.containsKey(tool.name()) && (visible == null || visible.test(tool.name()))) {
                scores.put(tool.name(), (1 - wordsShare) * tool.score());
            }
        }
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(scores.entrySet());
        // A stable sort: equal scores keep the order first seen.
        ranked.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
        return ranked.subList(0, Math.min(limit, ranked.size())).stream()
                .map(Map.Entry::getKey)
                .toList();
    }
}
