package dev.apigwmcp.generator.corpus;

import java.util.List;

/**
 * One corpus and what happened to each of its specs.
 *
 * @param corpus   the corpus
 * @param outcomes one per spec, in the corpus's order
 * @param millis   wall time of the whole run
 */
record CorpusRun(Corpus corpus, List<SpecOutcome> outcomes, long millis) {

    CorpusRun {
        outcomes = List.copyOf(outcomes);
    }

    long count(Verdict verdict) {
        return outcomes.stream().filter(o -> o.verdict() == verdict).count();
    }

    List<SpecOutcome> with(Verdict verdict) {
        return outcomes.stream().filter(o -> o.verdict() == verdict).toList();
    }

    List<SpecOutcome> unacceptable() {
        return outcomes.stream().filter(o -> !o.verdict().acceptable()).toList();
    }

    long tools() {
        return outcomes.stream().mapToLong(SpecOutcome::tools).sum();
    }
}
