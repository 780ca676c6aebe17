package dev.apigwmcp.generator.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The committed verdict and tool count of every corpus spec. A run that differs from it fails, so a change that
 * starts rejecting valid specs, or drops tools, shows up as a reviewable list of specs rather than passing as
 * "still acceptable"; {@code -Dcorpus.update=true} rewrites the file after an intended change (review its diff).
 *
 * @param file the baseline file: {@code corpus, spec, verdict, tools} per line, tab-separated, sorted
 */
record CorpusBaseline(Path file) {

    private static final String HEADER = "corpus\tspec\tverdict\ttools";

    /** The differences between {@code run} and the baseline, one line each; empty when they agree. */
    List<String> differences(CorpusRun run) throws IOException {
        Map<String, String> expected = read().getOrDefault(run.corpus().name(), Map.of());
        Map<String, String> actual = lines(run);
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> entry : actual.entrySet()) {
            String was = expected.get(entry.getKey());
            if (was == null) {
                out.add(entry.getKey() + ": new spec, " + entry.getValue());
            } else if (!was.equals(entry.getValue())) {
                out.add(entry.getKey() + ": " + was + " -> " + entry.getValue());
            }
        }
        for (String spec : expected.keySet()) {
            if (!actual.containsKey(spec)) {
                out.add(spec + ": no longer run (was " + expected.get(spec) + ")");
            }
        }
        return out;
    }

    /** Writes the runs' outcomes as the new baseline, keeping other corpora's lines. */
    void update(List<CorpusRun> runs) throws IOException {
        Map<String, Map<String, String>> all = new TreeMap<>(read());
        for (CorpusRun run : runs) {
            all.put(run.corpus().name(), lines(run));
        }
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        all.forEach((corpus, specs) -> specs.forEach((spec, outcome) -> text.append(corpus)
                .append('\t')
                .append(spec)
                .append('\t')
                .append(outcome.replace(", ", "\t").replace(" tools", ""))
                .append('\n')));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static Map<String, String> lines(CorpusRun run) {
        Map<String, String> out = new TreeMap<>();
        for (SpecOutcome outcome : run.outcomes()) {
            out.put(outcome.spec().id(), outcome.verdict().name() + ", " + outcome.tools() + " tools");
        }
        return out;
    }

    private Map<String, Map<String, String>> read() throws IOException {
        Map<String, Map<String, String>> out = new TreeMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] cells = line.split("\t");
            if (line.equals(HEADER) || cells.length != 4) {
                continue;
            }
            out.computeIfAbsent(cells[0], k -> new TreeMap<>()).put(cells[1], cells[2] + ", " + cells[3] + " tools");
        }
        return out;
    }
}
