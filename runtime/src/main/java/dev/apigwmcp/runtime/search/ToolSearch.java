package dev.apigwmcp.runtime.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The ranking {@code search_tools} answers with: the lexical {@link ToolIndex} alone, or, when the generator
 * stored vectors and the gateway has the same embedding model, the lexical ranking and the nearest vectors fused
 * by reciprocal rank: each list gives a tool {@code 1 / (K + rank)}, and the sums rank the tools. Fusing ranks
 * rather than scores needs no calibration between BM25 scores and cosine similarities.
 */
public final class ToolSearch {

    /** Small, so the first places of either list weigh most (chosen on the tuning queries, BENCHMARKS.md). */
    static final int K = 10;
    /** How deep each list is read before fusing. */
    static final int DEPTH = 100;

    private final ToolIndex lexical;
    private final VectorIndex vectors;
    private final QueryEmbedder embedder;

    /** @param vectors and {@code embedder}: both or neither ({@code null}) */
    public ToolSearch(ToolIndex lexical, VectorIndex vectors, QueryEmbedder embedder) {
        this.lexical = lexical;
        this.vectors = embedder == null ? null : vectors;
        this.embedder = vectors == null ? null : embedder;
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
        Map<String, Double> scores = new HashMap<>();
        Map<String, Integer> firstSeen = new HashMap<>();
        add(lexical.search(query, DEPTH, visible), scores, firstSeen);
        List<String> near = vectors.nearest(embedder.embed(query), DEPTH);
        add(visible == null ? near : near.stream().filter(visible).toList(), scores, firstSeen);
        List<String> ranked = new ArrayList<>(scores.keySet());
        ranked.sort(Comparator.comparing((String name) -> -scores.get(name)).thenComparing(firstSeen::get));
        return ranked.subList(0, Math.min(limit, ranked.size()));
    }

    private static void add(List<String> ranking, Map<String, Double> scores, Map<String, Integer> firstSeen) {
        for (int i = 0; i < ranking.size(); i++) {
            scores.merge(ranking.get(i), 1.0 / (K + i + 1), Double::sum);
            firstSeen.putIfAbsent(ranking.get(i), firstSeen.size());
        }
    }
}
