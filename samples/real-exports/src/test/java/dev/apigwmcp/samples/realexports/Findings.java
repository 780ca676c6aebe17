package dev.apigwmcp.samples.realexports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What went wrong, each tied to a spec file, a tool and an answer shape ({@code -} where a finding is not about one
 * call), rendered as a table in which the same problem of one tool across shapes is one row.
 */
final class Findings {

    /** One problem. */
    record Finding(String spec, String tool, String shape, String problem) {}

    private record Row(String spec, String tool, String problem) {}

    private final List<Finding> findings = new ArrayList<>();

    void add(String spec, String tool, String shape, String problem) {
        findings.add(new Finding(spec, tool, shape, problem));
    }

    boolean isEmpty() {
        return findings.isEmpty();
    }

    int size() {
        return findings.size();
    }

    /** The findings as a Markdown table, sorted by spec, tool and problem, shapes of one problem joined. */
    String table() {
        Map<Row, Set<String>> rows = new LinkedHashMap<>();
        findings.stream()
                .sorted(Comparator.comparing(Finding::spec)
                        .thenComparing(Finding::tool)
                        .thenComparing(Finding::problem))
                .forEach(f -> rows.computeIfAbsent(new Row(f.spec(), f.tool(), f.problem()), r -> new TreeSet<>())
                        .add(f.shape()));
        StringBuilder out = new StringBuilder("| spec | tool | shapes | problem |\n| --- | --- | --- | --- |\n");
        rows.forEach((row, shapes) -> out.append("| ")
                .append(row.spec())
                .append(" | ")
                .append(row.tool())
                .append(" | ")
                .append(String.join(", ", shapes))
                .append(" | ")
                .append(cell(row.problem()))
                .append(" |\n"));
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replaceAll("\\s+", " ").strip();
    }
}
