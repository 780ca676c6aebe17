package dev.apigwmcp.generator.corpus;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Renders runs as Markdown: the counts per corpus, then per corpus what was excluded and every spec that was not
 * generated, with its first error (or, for crashes and invalid output, all the details the runner kept).
 */
final class CorpusReport {

    private static final int SLOWEST = 5;

    private CorpusReport() {}

    static String render(List<CorpusRun> unordered) {
        // Test methods may run in any order; the report lists corpora by name.
        List<CorpusRun> runs = unordered.stream()
                .sorted(Comparator.comparing(r -> r.corpus().name()))
                .toList();
        StringBuilder out = new StringBuilder();
        out.append("# Generator robustness over real-world specs\n\n")
                .append("Written by `dev.apigwmcp.generator.corpus.CorpusRobustnessTest`. Each spec is one target")
                .append(" (`")
                .append(SpecRunner.TARGET)
                .append("`, default options) generated in memory.")
                .append(" Crashes, time-outs, unclear errors and invalid output fail the test.\n\n");
        out.append("| Corpus | Specs | ");
        for (Verdict verdict : Verdict.values()) {
            out.append(capitalise(verdict.label())).append(" | ");
        }
        out.append("Tools | Time |\n|---|---:|");
        out.append("---:|".repeat(Verdict.values().length)).append("---:|---:|\n");
        for (CorpusRun run : runs) {
            out.append("| ")
                    .append(run.corpus().name())
                    .append(" | ")
                    .append(run.outcomes().size())
                    .append(" | ");
            for (Verdict verdict : Verdict.values()) {
                out.append(run.count(verdict)).append(" | ");
            }
            out.append(run.tools()).append(" | ").append(seconds(run.millis())).append(" |\n");
        }
        for (CorpusRun run : runs) {
            section(out, run);
        }
        return out.toString();
    }

    /** One line per spec ({@code corpus, spec, verdict, tools, errors}), sorted: diff two runs to see what moved. */
    static String outcomes(List<CorpusRun> runs) {
        StringBuilder out = new StringBuilder("corpus\tspec\tverdict\ttools\terrors\n");
        runs.stream().sorted(Comparator.comparing(r -> r.corpus().name())).forEach(run -> {
            for (SpecOutcome o : run.outcomes()) {
                out.append(run.corpus().name())
                        .append('\t')
                        .append(o.spec().id())
                        .append('\t')
                        .append(o.verdict().name())
                        .append('\t')
                        .append(o.tools())
                        .append('\t')
                        .append(o.errors())
                        .append('\n');
            }
        });
        return out.toString();
    }

    private static void section(StringBuilder out, CorpusRun run) {
        out.append("\n## ")
                .append(run.corpus().name())
                .append("\n\n")
                .append("Specs: ")
                .append(run.corpus().description())
                .append(".\n");
        if (!run.corpus().excluded().isEmpty()) {
            out.append("\nNot run:\n\n");
            for (Corpus.Exclusion exclusion : run.corpus().excluded()) {
                out.append("- `")
                        .append(exclusion.id())
                        .append("`: ")
                        .append(exclusion.reason())
                        .append('\n');
            }
        }
        List<SpecOutcome> bad = run.unacceptable();
        if (!bad.isEmpty()) {
            out.append("\n### Crashes, time-outs, unclear errors, invalid output (")
                    .append(bad.size())
                    .append(")\n");
            for (SpecOutcome outcome : bad) {
                out.append("\n`")
                        .append(outcome.spec().id())
                        .append("`: ")
                        .append(outcome.verdict().label())
                        .append("\n\n```\n");
                outcome.details().forEach(line -> out.append(line).append('\n'));
                out.append("```\n");
            }
        }
        List<SpecOutcome> rejected = run.with(Verdict.REJECTED);
        if (!rejected.isEmpty()) {
            out.append("\n### Failed with clear errors (")
                    .append(rejected.size())
                    .append(")\n\n")
                    .append("| Spec | Errors | First error |\n|---|---:|---|\n");
            for (SpecOutcome outcome : rejected) {
                out.append("| `")
                        .append(outcome.spec().id())
                        .append("` | ")
                        .append(outcome.errors())
                        .append(" | ")
                        .append(cell(outcome.firstDetail()))
                        .append(" |\n");
            }
        }
        long generating =
                run.outcomes().stream().mapToLong(SpecOutcome::generateMillis).sum();
        long total = run.outcomes().stream().mapToLong(SpecOutcome::millis).sum();
        out.append("\nTime summed over specs: ")
                .append(seconds(generating))
                .append(" in `Generator.generate`, ")
                .append(seconds(total - generating))
                .append(" checking the output. Slowest specs:");
        run.outcomes().stream()
                .sorted(Comparator.comparingLong(SpecOutcome::millis).reversed())
                .limit(SLOWEST)
                .forEach(o -> out.append(" `")
                        .append(o.spec().id())
                        .append("` ")
                        .append(seconds(o.millis()))
                        .append(';'));
        out.setLength(out.length() - 1);
        out.append(".\n");
    }

    private static String cell(String text) {
        String flat = text.replace('\n', ' ').replace("|", "\\|");
        return flat.length() > 300 ? flat.substring(0, 297) + "..." : flat;
    }

    private static String capitalise(String label) {
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
