package dev.apigwmcp.generator.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The corpus counts docs/testing.md shows are the committed baseline's, so the page cannot claim what the pinned
 * verdicts no longer say (the corpus run itself fails when a verdict moves from the baseline).
 */
class DocumentedCorpusCountsTest {

    private static final Path DOC = Path.of("../docs/testing.md");
    private static final Path BASELINE = Path.of("src/test/resources/corpus/baseline.tsv");
    /** A row of the counts table: | `package` version [note] | specs | generated | rejected | other |. */
    private static final Pattern ROW = Pattern.compile(
            "^\\| `([^`]+)` (\\S+)[^|]*\\| (\\d+) \\| (\\d+) \\| (\\d+) \\| (\\d+) \\|$", Pattern.MULTILINE);

    @Test
    void theCountsTableOfTestingMdIsTheBaselines() throws IOException {
        Map<String, String> documented = new TreeMap<>();
        Matcher row = ROW.matcher(Files.readString(DOC, StandardCharsets.UTF_8));
        while (row.find()) {
            documented.put(
                    row.group(1) + "@" + row.group(2),
                    "specs " + row.group(3) + ", generated " + row.group(4) + ", rejected " + row.group(5) + ", other "
                            + row.group(6));
        }
        assertThat(documented).as("counts in %s", DOC).isEqualTo(baselineCounts());
    }

    /** Per corpus of the baseline: specs, GENERATED, REJECTED and any other verdict, as the table counts them. */
    private static Map<String, String> baselineCounts() throws IOException {
        Map<String, int[]> counts = new TreeMap<>();
        for (String line : Files.readAllLines(BASELINE, StandardCharsets.UTF_8)) {
            String[] cells = line.split("\t");
            if (cells.length != 4 || cells[0].equals("corpus")) {
                continue;
            }
            int[] count = counts.computeIfAbsent(cells[0], corpus -> new int[4]);
            count[0]++;
            count[
                    switch (cells[2]) {
                        case "GENERATED" -> 1;
                        case "REJECTED" -> 2;
                        default -> 3;
                    }]++;
        }
        Map<String, String> out = new TreeMap<>();
        counts.forEach((corpus, c) ->
                out.put(corpus, "specs " + c[0] + ", generated " + c[1] + ", rejected " + c[2] + ", other " + c[3]));
        return out;
    }
}
