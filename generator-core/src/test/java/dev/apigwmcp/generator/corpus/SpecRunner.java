package dev.apigwmcp.generator.corpus;

import dev.apigwmcp.generator.GenerationResult;
import dev.apigwmcp.generator.GeneratorConfig;
import dev.apigwmcp.generator.Problem;
import dev.apigwmcp.generator.TargetConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Runs the generator on corpus specs, each in memory, each under a time limit, and classifies the result. The
 * generator is a parameter so the classification itself can be tested with generators that crash or hang.
 */
final class SpecRunner implements AutoCloseable {

    /** AgentCore's target-name rule allows no dots or underscores: one fixed name keeps tool names comparable. */
    static final String TARGET = "corpus";
    /** A Java exception's class name in a message is a stack trace in disguise: the user should never see it. */
    private static final Pattern EXCEPTION_TEXT =
            Pattern.compile("\\b(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)\\b|\\n\\s*at [\\w$.]+\\(");

    private static final int SHOWN_ERRORS = 3;
    private static final int SHOWN_FRAMES = 8;

    private final Function<GeneratorConfig, GenerationResult> generator;
    private final Duration timeout;
    private final ThreadLocal<OutputCheck> checks = ThreadLocal.withInitial(OutputCheck::new);
    // Generation runs on its own daemon threads: a spec that hangs past its limit cannot keep the JVM alive.
    private final ExecutorService workers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "corpus-generate");
        thread.setDaemon(true);
        return thread;
    });

    SpecRunner(Function<GeneratorConfig, GenerationResult> generator, Duration timeout) {
        this.generator = generator;
        this.timeout = timeout;
    }

    /** Runs every spec on {@code threads} threads; outcomes come back in the corpus's order. */
    List<SpecOutcome> runAll(Corpus corpus, int threads) throws InterruptedException {
        ExecutorService drivers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<SpecOutcome>> futures = new ArrayList<>();
            for (Corpus.Spec spec : corpus.specs()) {
                futures.add(drivers.submit(() -> run(spec)));
            }
            List<SpecOutcome> outcomes = new ArrayList<>();
            for (Future<SpecOutcome> future : futures) {
                try {
                    outcomes.add(future.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the runner itself failed", e.getCause());
                }
            }
            return outcomes;
        } finally {
            drivers.shutdownNow();
        }
    }

    /** Runs one spec; never throws. */
    SpecOutcome run(Corpus.Spec spec) throws InterruptedException {
        long start = System.nanoTime();
        Future<SpecOutcome> work = workers.submit(() -> generateAndCheck(spec, start));
        try {
            return work.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            work.cancel(true);
            return new SpecOutcome(
                    spec,
                    Verdict.TIMED_OUT,
                    0,
                    0,
                    List.of("no result after " + timeout.toSeconds() + " s"),
                    0,
                    elapsed(start));
        } catch (ExecutionException e) {
            return crashed(spec, e.getCause(), start);
        }
    }

    private SpecOutcome generateAndCheck(Corpus.Spec spec, long start) {
        GenerationResult result;
        try {
            result = generator.apply(new GeneratorConfig(List.of(TargetConfig.of(TARGET, spec.file()))));
        } catch (Throwable t) { // StackOverflowError and OutOfMemoryError are crashes too, and must be reported
            return crashed(spec, t, start);
        }
        long generated = elapsed(start);
        if (result.hasErrors()) {
            List<String> unclear = result.errors().stream()
                    .filter(SpecRunner::unclear)
                    .map(p -> "unclear: " + p)
                    .toList();
            List<String> shown = new ArrayList<>(unclear);
            result.errors().stream().limit(SHOWN_ERRORS).map(Problem::toString).forEach(shown::add);
            if (!result.files().isEmpty()) {
                shown.add(0, "files were emitted although the run reported errors");
            }
            Verdict verdict = unclear.isEmpty() && result.files().isEmpty() ? Verdict.REJECTED : Verdict.UNCLEAR_ERRORS;
            return new SpecOutcome(spec, verdict, 0, result.errors().size(), shown, generated, elapsed(start));
        }
        List<String> problems = checks.get().problems(result);
        return new SpecOutcome(
                spec,
                problems.isEmpty() ? Verdict.GENERATED : Verdict.INVALID_OUTPUT,
                result.tools().size(),
                0,
                problems,
                generated,
                elapsed(start));
    }

    /** Clear means: a message that is not an exception dump, the file, and a location in it (or in the config). */
    static boolean unclear(Problem problem) {
        return problem.message() == null
                || problem.message().isBlank()
                || EXCEPTION_TEXT.matcher(problem.message()).find()
                || problem.file() == null
                || problem.file().isBlank()
                || problem.pointer() == null;
    }

    private static SpecOutcome crashed(Corpus.Spec spec, Throwable t, long start) {
        List<String> details = new ArrayList<>();
        details.add(t.toString());
        Arrays.stream(t.getStackTrace())
                .limit(SHOWN_FRAMES)
                .map(frame -> "at " + frame)
                .forEach(details::add);
        for (Throwable cause = t.getCause(); cause != null && cause != t; cause = cause.getCause()) {
            details.add("caused by " + cause);
            Arrays.stream(cause.getStackTrace())
                    .limit(3)
                    .map(frame -> "at " + frame)
                    .forEach(details::add);
        }
        return new SpecOutcome(spec, Verdict.CRASHED, 0, 0, details, 0, elapsed(start));
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
