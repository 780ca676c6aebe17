package dev.apigwmcp.generator.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.generator.GenerationResult;
import dev.apigwmcp.generator.Generator;
import dev.apigwmcp.generator.GeneratorConfig;
import dev.apigwmcp.generator.Problem;
import dev.apigwmcp.generator.TestSpecs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The runner's verdicts, with stand-in generators that misbehave in each way the corpus test must catch. */
class SpecRunnerTest {

    private static final Corpus.Spec SPEC = new Corpus.Spec("3.0/json/x.json", Path.of("x.json"));

    private static SpecOutcome run(Function<GeneratorConfig, GenerationResult> generator) throws Exception {
        try (SpecRunner runner = new SpecRunner(generator, Duration.ofMillis(500))) {
            return runner.run(SPEC);
        }
    }

    private static GenerationResult rejected(Problem... errors) {
        return new GenerationResult(List.of(), List.of(), List.of(), List.of(), List.of(errors));
    }

    @Test
    void exceptionIsACrashWithItsTopFrames() throws Exception {
        SpecOutcome outcome = run(config -> {
            throw new IllegalStateException("boom");
        });
        assertThat(outcome.verdict()).isEqualTo(Verdict.CRASHED);
        assertThat(outcome.details().get(0)).isEqualTo("java.lang.IllegalStateException: boom");
        assertThat(outcome.details().get(1)).startsWith("at ").contains("SpecRunnerTest");
    }

    @Test
    void stackOverflowIsACrash() throws Exception {
        assertThat(run(config -> {
                            throw new StackOverflowError();
                        })
                        .verdict())
                .isEqualTo(Verdict.CRASHED);
    }

    @Test
    void hangingGeneratorTimesOut() throws Exception {
        SpecOutcome outcome = run(config -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return rejected();
        });
        assertThat(outcome.verdict()).isEqualTo(Verdict.TIMED_OUT);
        assertThat(outcome.millis()).isLessThan(10_000);
    }

    @Test
    void locatedErrorsAreAClearRejection() throws Exception {
        SpecOutcome outcome = run(config -> rejected(
                new Problem("corpus", "x.json", "/paths/~1a/get", "unresolvable parameter reference"),
                new Problem("corpus", "x.json", "", "export file is empty")));
        assertThat(outcome.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(outcome.errors()).isEqualTo(2);
        assertThat(outcome.firstDetail())
                .isEqualTo("x.json#/paths/~1a/get: unresolvable parameter reference" + " (target corpus)");
    }

    @Test
    void errorWithoutLocationIsUnclear() throws Exception {
        assertThat(run(config -> rejected(new Problem("corpus", "x.json", null, "something is wrong")))
                        .verdict())
                .isEqualTo(Verdict.UNCLEAR_ERRORS);
        assertThat(run(config -> rejected(new Problem("corpus", null, "/paths", "something is wrong")))
                        .verdict())
                .isEqualTo(Verdict.UNCLEAR_ERRORS);
    }

    @Test
    void exceptionTextInAnErrorIsUnclear() throws Exception {
        assertThat(run(config -> rejected(new Problem(
                                "corpus",
                                "x.json",
                                "/paths",
                                "java.lang.NullPointerException: Cannot invoke \"String.length()\"")))
                        .verdict())
                .isEqualTo(Verdict.UNCLEAR_ERRORS);
        assertThat(SpecRunner.unclear(new Problem("t", "x.json", "/info", "title is not a string")))
                .isFalse();
    }

    @Test
    void realExportGeneratesValidOutput() throws Exception {
        try (SpecRunner runner = new SpecRunner(Generator::generate, Duration.ofSeconds(60))) {
            SpecOutcome outcome = runner.run(new Corpus.Spec("petstore", TestSpecs.petstore()));
            assertThat(outcome.details()).isEmpty();
            assertThat(outcome.verdict()).isEqualTo(Verdict.GENERATED);
            assertThat(outcome.tools()).isGreaterThan(5);
        }
    }
}
