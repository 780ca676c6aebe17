package dev.apigwmcp.generator.schema.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.networknt.schema.regex.JDKRegularExpressionFactory;
import com.networknt.schema.regex.RegularExpression;
import dev.apigwmcp.generator.schema.pattern.PortablePatterns.Kept;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The patterns {@link PortablePatterns} keeps, run on real engines: the runtime's (java.util.regex as the networknt
 * validator drives it) must match exactly what it matched on the original, and a real ECMA-262 engine (Node, with
 * the {@code u} flag as MCP clients compile) must compile every one and match the same probes, apart from the
 * documented whitespace corner cases. Runs on the realistic table, plus every pattern of the cached real-world corpus
 * when {@code CorpusRobustnessTest} has filled the cache. The Node half is skipped, with the reason, without Node.
 */
class PatternEnginesTest {

    /** Single ASCII characters, then strings of the shapes patterns are written for, then the corner cases. */
    private static final List<String> PROBES = probes();

    private static List<String> patterns;

    @BeforeAll
    static void collect() throws IOException {
        TreeSet<String> all = new TreeSet<>(RealisticPatterns.all());
        all.addAll(corpusPatterns());
        patterns = List.copyOf(all);
    }

    @Test
    void keptPatternMatchesInTheRuntimesEngineWhatTheOriginalMatched() {
        PortablePatterns portable = new PortablePatterns();
        List<String> differences = new ArrayList<>();
        for (String pattern : patterns) {
            if (!(portable.check(pattern) instanceof Kept kept) || !kept.rewritten()) {
                continue;
            }
            String before;
            try {
                before = javaMatches(pattern);
            } catch (RuntimeException e) {
                continue; // the runtime could not compile the original: there is no meaning to keep
            }
            String after = javaMatches(kept.pattern());
            if (!before.equals(after)) {
                differences.add(pattern + " -> " + kept.pattern() + " differs on " + differingProbes(before, after));
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void everyKeptPatternCompilesInJavaScriptsUnicodeMode() throws Exception {
        NodeRegex node = node();
        List<String> kept = keptPatterns();
        List<NodeRegex.Result> results = node.run(kept, List.of());
        List<String> rejected = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            if (results.get(i).error() != null) {
                rejected.add(kept.get(i) + ": " + results.get(i).error());
            }
        }
        assertThat(kept).hasSizeGreaterThan(30);
        assertThat(rejected).isEmpty();
    }

    @Test
    void javaScriptAndTheRuntimeMatchTheSameProbes() throws Exception {
        NodeRegex node = node();
        List<String> kept = keptPatterns();
        List<NodeRegex.Result> results = node.run(kept, PROBES);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            String pattern = kept.get(i);
            String java = javaMatches(pattern);
            String js = results.get(i).matches();
            for (int p = 0; p < PROBES.size(); p++) {
                if (java.charAt(p) != js.charAt(p) && !documentedDifference(pattern, PROBES.get(p))) {
                    differences.add(pattern + " on " + describe(PROBES.get(p)) + ": Java " + java.charAt(p)
                            + ", JavaScript " + js.charAt(p));
                }
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void everyScriptNameWrittenIsOneJavaScriptKnows() throws Exception {
        NodeRegex node = node();
        List<String> scripts = new ArrayList<>();
        for (Character.UnicodeScript script : Character.UnicodeScript.values()) {
            scripts.add("\\p{sc=" + JavaProperties.unicodeName(script) + "}");
        }
        List<NodeRegex.Result> results = node.run(scripts, List.of());
        List<String> rejected = new ArrayList<>();
        for (int i = 0; i < scripts.size(); i++) {
            if (results.get(i).error() != null) {
                rejected.add(scripts.get(i) + ": " + results.get(i).error());
            }
        }
        assertThat(rejected).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private static NodeRegex node() {
        Optional<NodeRegex> node = NodeRegex.find();
        assumeTrue(node.isPresent(), NodeRegex.whereLooked());
        return node.get();
    }

    private static List<String> keptPatterns() {
        PortablePatterns portable = new PortablePatterns();
        return patterns.stream()
                .map(portable::check)
                .filter(Kept.class::isInstance)
                .map(v -> ((Kept) v).pattern())
                .distinct()
                .toList();
    }

    private static String javaMatches(String pattern) {
        RegularExpression regex = JDKRegularExpressionFactory.getInstance().getRegularExpression(pattern);
        StringBuilder bits = new StringBuilder(PROBES.size());
        for (String probe : PROBES) {
            bits.append(regex.matches(probe) ? '1' : '0');
        }
        return bits.toString();
    }

    /**
     * The differences {@link PortablePatterns} accepts: Java's {@code \s} is ASCII, JavaScript's Unicode; Java's
     * {@code .} also stops at U+0085; Java's {@code \b} counts non-ASCII letters as word characters.
     */
    private static boolean documentedDifference(String pattern, String probe) {
        boolean unicodeSpace = probe.codePoints()
                .anyMatch(c -> c > 0x7F && Character.isWhitespace(c)
                        || c == 0xA0
                        || c == 0xFEFF
                        || c == 0x202F
                        || c == 0x2007);
        boolean nextLine = probe.indexOf('\u0085') >= 0;
        boolean nonAsciiLetter = probe.codePoints().anyMatch(c -> c > 0x7F && Character.isLetterOrDigit(c));
        return unicodeSpace && (pattern.contains("\\s") || pattern.contains("\\S"))
                || nextLine && pattern.contains(".")
                || nonAsciiLetter && (pattern.contains("\\b") || pattern.contains("\\B"));
    }

    private static List<String> probes() {
        List<String> probes = new ArrayList<>();
        for (int c = 0; c < 0x80; c++) {
            probes.add(String.valueOf((char) c));
        }
        probes.addAll(List.of(
                "",
                "abc",
                "ABC-123",
                "a b",
                "a-b",
                "--",
                "foo@bar.com",
                "2024-01-31T10:00:00Z",
                "12:34",
                "{x}",
                "[x]",
                "a\nb",
                "ab\n",
                "\nab",
                "x_y.z:w/v=u+t-s@r",
                "arn:aws:iam::123456789012:role/x",
                "192.168.0.1",
                "snap-0123abcd",
                "0123456789abcdef",
                "s3://bucket/key",
                "é",
                "日本",
                "\uD83D\uDE00",
                "ñandú",
                "Ωmega",
                "ǅ",
                "٣",
                "\uFF21",
                "\uFF10",
                "\u00A0",
                "x\u00A0y",
                "x\u2028y",
                "x\u0085y",
                "éa b",
                "\u3000",
                "\uFEFF"));
        return List.copyOf(probes);
    }

    private static String differingProbes(String before, String after) {
        List<String> probes = new ArrayList<>();
        for (int i = 0; i < before.length(); i++) {
            if (before.charAt(i) != after.charAt(i)) {
                probes.add(describe(PROBES.get(i)));
            }
        }
        return probes.toString();
    }

    private static String describe(String probe) {
        StringBuilder out = new StringBuilder("\"");
        probe.codePoints()
                .forEach(
                        c -> out.append(c < 0x20 || c > 0x7E ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return out.append('"').toString();
    }

    /** Every {@code pattern} value and {@code patternProperties} key of the cached corpus's JSON specs. */
    private static List<String> corpusPatterns() throws IOException {
        Path cache = Path.of(System.getProperty("corpus.cache", "target/corpus-cache"));
        List<String> found = new ArrayList<>();
        if (!Files.isDirectory(cache)) {
            return found;
        }
        JsonFactory factory = new JsonFactory();
        try (Stream<Path> files = Files.walk(cache)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                try (JsonParser parser = factory.createParser(file.toFile())) {
                    collect(parser, found);
                } catch (IOException e) {
                    // not JSON after all: the corpus test reports such files itself
                }
            }
        }
        return found;
    }

    private static void collect(JsonParser parser, List<String> found) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            if (token != JsonToken.FIELD_NAME) {
                continue;
            }
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("pattern".equals(name) && value == JsonToken.VALUE_STRING) {
                found.add(parser.getText());
            } else if ("patternProperties".equals(name) && value == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    found.add(parser.currentName());
                    parser.nextToken();
                    parser.skipChildren();
                }
            }
        }
    }
}
