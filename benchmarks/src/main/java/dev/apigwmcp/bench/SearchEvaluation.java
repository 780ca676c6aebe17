package dev.apigwmcp.bench;

import dev.apigwmcp.generator.GeneratedFile;
import dev.apigwmcp.generator.GenerationResult;
import dev.apigwmcp.generator.Generator;
import dev.apigwmcp.generator.GeneratorConfig;
import dev.apigwmcp.generator.TargetConfig;
import dev.apigwmcp.runtime.search.QueryEmbedder;
import dev.apigwmcp.runtime.search.Scored;
import dev.apigwmcp.runtime.search.SearchDocument;
import dev.apigwmcp.runtime.search.SearchDocuments;
import dev.apigwmcp.runtime.search.SearchField;
import dev.apigwmcp.runtime.search.ToolIndex;
import dev.apigwmcp.runtime.search.ToolSearch;
import dev.apigwmcp.runtime.search.VectorIndex;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The tool search's quality on labelled queries: generates a target's catalog in memory, indexes its search
 * documents as the gateway does, runs every query and reports recall@1/5/10 and the mean reciprocal rank (of the
 * first relevant tool, 0 beyond 10), for the search by words, by words and meaning (when
 * {@code apigw-mcp-search-embeddings} is on the class path: the generator then stores vectors, and its query
 * embedder is found as the gateway finds it) and for baselines, then the search's speed.
 *
 * <p>Usage: {@code SearchEvaluation EXPORT|GENERATED-RESOURCES-DIR TARGET TUNING.tsv... [--held-out HELD-OUT.tsv...]
 * [--show] [--grid]}; query files are resources of this module ({@code search/github-tuning.tsv}) or paths. Without
 * {@code --held-out} the first file is the tuning set and the others are held out. With several tuning sets (by
 * different authors), each is reported and then all of them together: a change that wins on one and loses on
 * another is noise. {@code --show} prints each tuning query's rank and top 5, and {@code --grid} the tuning sets'
 * figures (together) for other shares of the words in the fusion: what is tuned is looked at on the tuning sets
 * alone, and of a held-out set only its totals are printed.
 */
public final class SearchEvaluation {

    private SearchEvaluation() {}

    /** One labelled query. */
    record Labelled(String query, List<String> relevant) {}

    /** The plain BM25 baselines: one field of name words and description, and every field in one, unweighted. */
    private static void addLexicalBaselines(Map<String, Ranking> contenders, List<SearchDocument> documents) {
        ToolIndex oneField = ToolIndex.of(documents.stream()
                .map(d -> new SearchDocument(
                        d.name(),
                        Map.of(
                                SearchField.DESCRIPTION,
                                d.text(SearchField.WORDS) + " " + d.text(SearchField.DESCRIPTION))))
                .toList());
        contenders.put("baseline: BM25, one field of name words + description", oneField::search);
        ToolIndex unweighted = ToolIndex.of(documents.stream()
                .map(d -> new SearchDocument(
                        d.name(),
                        Map.of(
                                SearchField.DESCRIPTION,
                                String.join(
                                        " ",
                                        Arrays.stream(SearchField.values())
                                                .filter(f -> f != SearchField.VERBS)
                                                .map(d::text)
                                                .toList()))))
                .toList());
        contenders.put("baseline: BM25, all fields in one, unweighted", unweighted::search);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println(
                    "usage: SearchEvaluation EXPORT TARGET TUNING.tsv... [--held-out HELD-OUT.tsv...] [--show] [--grid]");
            System.exit(2);
        }
        boolean show = Arrays.asList(args).contains("--show");
        boolean grid = Arrays.asList(args).contains("--grid");
        String target = args[1];
        Map<String, byte[]> files = searchFiles(Path.of(args[0]), target);
        List<SearchDocument> documents = SearchDocuments.read(files.get("search.json"), "search.json");
        QueryEmbedder embedder =
                ServiceLoader.load(QueryEmbedder.class).findFirst().orElse(null);
        VectorIndex vectors = files.containsKey("search-vectors.json")
                ? VectorIndex.read(files.get("search-vectors.json"), "search-vectors.json")
                : null;

        Map<String, Ranking> contenders = new LinkedHashMap<>();
        ToolIndex lexical = ToolIndex.of(documents);
        contenders.put("words: search documents, fields weighted (the search without embeddings)", lexical::search);
        if (vectors != null && embedder != null && embedder.model().equals(vectors.model())) {
            ToolSearch hybrid = new ToolSearch(lexical, vectors, embedder);
            contenders.put(
                    "words and meaning: fused with " + vectors.model() + " (with apigw-mcp-search-embeddings)",
                    hybrid::search);
            contenders.put(
                    "baseline: meaning alone (" + vectors.model() + ")",
                    (query, limit, visible) -> vectors.nearest(embedder.embed(lexical.spelled(query)), limit).stream()
                            .map(Scored::name)
                            .toList());
            contenders.put(
                    "baseline: words and meaning fused by reciprocal rank (k = 10, the first version)",
                    (query, limit, visible) -> reciprocalRank(
                            lexical.search(query, 100, null),
                            vectors.nearest(embedder.embed(lexical.spelled(query)), 100).stream()
                                    .map(Scored::name)
                                    .toList(),
                            limit));
        } else {
            System.out.println("(no embedding model on the class path or no search-vectors.json: words only)");
        }
        addLexicalBaselines(contenders, documents);
        String shipped = contenders.keySet().stream()
                .filter(k -> k.startsWith("words and meaning"))
                .findFirst()
                .orElse(contenders.keySet().iterator().next());

        QueryFiles queryFiles = QueryFiles.of(args);
        List<Labelled> tuning = new ArrayList<>();
        for (String file : queryFiles.tuning()) {
            List<Labelled> queries = read(file, target);
            tuning.addAll(queries);
            table(
                    file + " (" + queries.size() + " queries, tuning)",
                    contenders,
                    queries,
                    show ? shipped : null,
                    target);
        }
        if (queryFiles.tuning().size() > 1) {
            table("the tuning sets together (" + tuning.size() + " queries)", contenders, tuning, null, target);
        }
        for (String file : queryFiles.heldOut()) {
            List<Labelled> queries = read(file, target);
            table(file + " (" + queries.size() + " queries, held out)", contenders, queries, null, target);
        }
        if (grid && vectors != null && embedder != null && embedder.model().equals(vectors.model())) {
            System.out.printf(
                    Locale.ROOT,
                    "%n%s only: the words' share of the fused score%n",
                    String.join(" + ", queryFiles.tuning()));
            for (double share : new double[] {0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6}) {
                ToolSearch fused = new ToolSearch(lexical, vectors, embedder, share);
                System.out.printf(Locale.ROOT, "| %.2f | %s |%n", share, measure(fused::search, tuning, null));
            }
        }
        speed(documents, vectors, embedder, tuning);
    }

    /** The query files of the command line: the tuning sets, then the held-out sets. */
    record QueryFiles(List<String> tuning, List<String> heldOut) {

        static QueryFiles of(String[] args) {
            List<String> files = new ArrayList<>();
            int heldOutFrom = -1;
            for (int i = 2; i < args.length; i++) {
                if (args[i].equals("--held-out")) {
                    heldOutFrom = files.size();
                } else if (!args[i].startsWith("--")) {
                    files.add(args[i]);
                }
            }
            int split = heldOutFrom >= 0 ? heldOutFrom : Math.min(1, files.size());
            if (split == 0) {
                throw new IllegalArgumentException("no tuning query file before --held-out");
            }
            return new QueryFiles(files.subList(0, split), files.subList(split, files.size()));
        }
    }

    /** One table: every contender's figures on the queries; the shipped ranking's queries shown when asked. */
    private static void table(
            String title, Map<String, Ranking> contenders, List<Labelled> queries, String shown, String target) {
        System.out.printf(Locale.ROOT, "%n%s%n", title);
        System.out.println("| ranking | recall@1 | recall@5 | recall@10 | MRR@10 | mean recall@1..10 |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (Map.Entry<String, Ranking> contender : contenders.entrySet()) {
            boolean show = contender.getKey().equals(shown);
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %s |%n",
                    contender.getKey(),
                    measure(contender.getValue(), queries, show ? target : null));
        }
    }

    /**
     * Recall@1/5/10, MRR@10 and the mean of recall@1..10 of a ranking on the queries, as table cells; with {@code shownTarget}, each query's
     * rank and top 5 are printed first.
     */
    private static String measure(Ranking ranking, List<Labelled> queries, String shownTarget) {
        int[] found = new int[11];
        double reciprocal = 0;
        for (Labelled query : queries) {
            List<String> top = ranking.search(query.query(), 10, null);
            int rank = rank(top, query.relevant());
            for (int k = 1; k <= 10; k++) {
                found[k] += rank > 0 && rank <= k ? 1 : 0;
            }
            reciprocal += rank > 0 ? 1.0 / rank : 0;
            if (shownTarget != null) {
                System.out.printf(
                        Locale.ROOT,
                        "  %-3s %-70s %s%n",
                        rank > 0 ? String.valueOf(rank) : "-",
                        query.query(),
                        top.subList(0, Math.min(5, top.size())).stream()
                                .map(n -> n.substring(shownTarget.length() + 3))
                                .toList());
            }
        }
        double meanRecall = 0;
        for (int k = 1; k <= 10; k++) {
            meanRecall += (double) found[k] / queries.size() / 10;
        }
        return String.format(
                Locale.ROOT,
                "%.2f | %.2f | %.2f | %.2f | %.2f",
                (double) found[1] / queries.size(),
                (double) found[5] / queries.size(),
                (double) found[10] / queries.size(),
                reciprocal / queries.size(),
                meanRecall);
    }

    /** Two rankings fused by reciprocal rank: each gives a tool {@code 1 / (10 + rank)}, the sums rank. */
    private static List<String> reciprocalRank(List<String> first, List<String> second, int limit) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (List<String> ranking : List.of(first, second)) {
            for (int i = 0; i < ranking.size(); i++) {
                scores.merge(ranking.get(i), 1.0 / (10 + i + 1), Double::sum);
            }
        }
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(scores.entrySet());
        ranked.sort(Map.Entry.<String, Double>comparingByValue(java.util.Comparator.reverseOrder()));
        return ranked.subList(0, Math.min(limit, ranked.size())).stream()
                .map(Map.Entry::getKey)
                .toList();
    }

    /** A ranking under test. */
    @FunctionalInterface
    interface Ranking {
        List<String> search(String query, int limit, java.util.function.Predicate<String> visible);
    }

    /**
     * The target's {@code search.json} and, when the generator had an embedding model, {@code search-vectors.json}:
     * generated in memory from an export, or read from a folder of generated resources (quicker when only the
     * ranking changes).
     */
    private static Map<String, byte[]> searchFiles(Path source, String target) throws IOException {
        Map<String, byte[]> found = new LinkedHashMap<>();
        if (java.nio.file.Files.isDirectory(source)) {
            for (String name : List.of("search.json", "search-vectors.json")) {
                Path file = source.resolve("apigw-mcp/targets/" + target + "/" + name);
                if (java.nio.file.Files.isRegularFile(file)) {
                    found.put(name, java.nio.file.Files.readAllBytes(file));
                }
            }
            return found;
        }
        long start = System.nanoTime();
        GenerationResult result = Generator.generate(new GeneratorConfig(List.of(TargetConfig.of(target, source))));
        if (result.hasErrors()) {
            throw new IllegalStateException(
                    "generation failed: " + result.errors().get(0));
        }
        System.out.printf(
                Locale.ROOT,
                "generated %d tools in %.0f ms%n",
                result.tools().size(),
                (System.nanoTime() - start) / 1e6);
        for (GeneratedFile file : result.files()) {
            for (String name : List.of("search.json", "search-vectors.json")) {
                if (file.relativePath().equals("apigw-mcp/targets/" + target + "/" + name)) {
                    found.put(name, file.content());
                }
            }
        }
        return found;
    }

    /** Index build (cold and warm) and search latency (warm), for the shipped ranking. */
    private static void speed(
            List<SearchDocument> documents, VectorIndex vectors, QueryEmbedder embedder, List<Labelled> queries) {
        long start = System.nanoTime();
        ToolIndex lexical = ToolIndex.of(documents);
        ToolSearch index = new ToolSearch(lexical, vectors, embedder);
        System.out.printf(
                Locale.ROOT,
                "%nindex of %d tools: %.1f ms (JVM already warm from the rankings above)%n",
                index.size(),
                (System.nanoTime() - start) / 1e6);
        for (int i = 0; i < 200; i++) {
            index.search(queries.get(i % queries.size()).query(), 10, null);
        }
        List<Double> times = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            for (Labelled query : queries) {
                long t = System.nanoTime();
                index.search(query.query(), 10, null);
                times.add((System.nanoTime() - t) / 1e6);
            }
        }
        Collections.sort(times);
        System.out.printf(
                Locale.ROOT,
                "search (%s), warm, %d searches: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms%n",
                index.semantic() ? "words and meaning" : "words",
                times.size(),
                times.get(times.size() / 2),
                times.get(times.size() * 9 / 10),
                times.get(times.size() * 99 / 100));
    }

    /** 1-based rank of the first relevant tool in {@code top}, 0 when none is there. */
    private static int rank(List<String> top, List<String> relevant) {
        for (int i = 0; i < top.size(); i++) {
            if (relevant.contains(top.get(i))) {
                return i + 1;
            }
        }
        return 0;
    }

    static List<Labelled> read(String source, String target) throws IOException {
        String text;
        try (InputStream in = SearchEvaluation.class.getResourceAsStream("/dev/apigwmcp/bench/" + source)) {
            text = in != null
                    ? new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    : java.nio.file.Files.readString(Path.of(source));
        }
        List<Labelled> queries = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t");
            if (parts.length != 2) {
                throw new IllegalArgumentException(source + ": not 'query<TAB>tools': " + line);
            }
            queries.add(new Labelled(
                    parts[0],
                    Arrays.stream(parts[1].trim().split("\\s+"))
                            .map(name -> target + "___" + name)
                            .toList()));
        }
        return queries;
    }
}
