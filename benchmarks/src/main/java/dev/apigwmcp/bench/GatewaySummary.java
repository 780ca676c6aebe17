package dev.apigwmcp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the JSON lines of {@link LoadGen} runs (labels {@code direct}, {@code ours}, {@code peer}; several rounds,
 * interleaved) into the Markdown table of BENCHMARKS.md. Ratios and added latency are computed per round (the
 * runs of one round saw the same machine load) and then the median is taken.
 *
 * <p>Usage: {@code GatewaySummary RAW_FILE}.
 */
public final class GatewaySummary {

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(\"[^\"]*\"|[-0-9.]+)");

    private GatewaySummary() {}

    public static void main(String[] args) throws IOException {
        // sessions -> label -> runs in round order
        Map<Integer, Map<String, List<Map<String, String>>>> bySessions = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (!line.startsWith("{")) {
                continue;
            }
            Map<String, String> run = new LinkedHashMap<>();
            Matcher m = FIELD.matcher(line);
            while (m.find()) {
                run.put(m.group(1), m.group(2).replace("\"", ""));
            }
            bySessions
                    .computeIfAbsent(Integer.parseInt(run.get("sessions")), k -> new LinkedHashMap<>())
                    .computeIfAbsent(run.get("label"), k -> new ArrayList<>())
                    .add(run);
        }
        System.out.println("| sessions | contender | calls/s | p50 ms | p99 ms | errors |");
        System.out.println("|---:|---|---:|---:|---:|---:|");
        List<String> ratios = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, List<Map<String, String>>>> entry : bySessions.entrySet()) {
            for (Map.Entry<String, List<Map<String, String>>> contender :
                    entry.getValue().entrySet()) {
                List<Map<String, String>> runs = contender.getValue();
                System.out.println(String.format(
                        Locale.ROOT,
                        "| %d | %s | %s | %s | %s | %d |",
                        entry.getKey(),
                        contender.getKey(),
                        stats(runs, "callsPerSecond").text("%.0f"),
                        stats(runs, "p50Ms").text("%.2f"),
                        stats(runs, "p99Ms").text("%.2f"),
                        runs.stream()
                                .mapToInt(r -> Integer.parseInt(r.get("errors")))
                                .sum()));
            }
            List<Map<String, String>> direct = entry.getValue().getOrDefault("direct", List.of());
            List<Map<String, String>> ours = entry.getValue().getOrDefault("ours", List.of());
            List<Map<String, String>> peer = entry.getValue().getOrDefault("peer", List.of());
            List<Double> added = new ArrayList<>();
            List<Double> throughput = new ArrayList<>();
            for (int i = 0; i < ours.size(); i++) {
                if (i < direct.size()) {
                    added.add(value(ours.get(i), "p50Ms") - value(direct.get(i), "p50Ms"));
                }
                if (i < peer.size() && value(peer.get(i), "callsPerSecond") > 0) {
                    throughput.add(value(ours.get(i), "callsPerSecond") / value(peer.get(i), "callsPerSecond"));
                }
            }
            ratios.add(String.format(
                    Locale.ROOT,
                    "| %d | %s | %s |",
                    entry.getKey(),
                    added.isEmpty() ? "-" : Stats.of(added).text("%.2f"),
                    throughput.isEmpty() ? "-" : Stats.of(throughput).text("%.1f")));
        }
        System.out.println();
        System.out.println(
                "| sessions | ours p50 − direct p50 (ms, per round) | ours calls/s ÷ peer calls/s (per round) |");
        System.out.println("|---:|---:|---:|");
        ratios.forEach(System.out::println);
    }

    private static Stats stats(List<Map<String, String>> runs, String field) {
        return Stats.of(runs.stream().map(r -> value(r, field)).toList());
    }

    private static double value(Map<String, String> run, String field) {
        return Double.parseDouble(run.get(field));
    }
}
