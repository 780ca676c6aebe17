package dev.apigwmcp.generator.corpus;

import java.util.List;

/**
 * The result of running one spec.
 *
 * @param spec     which spec
 * @param verdict  how it fared
 * @param tools    tools generated (0 unless {@link Verdict#GENERATED})
 * @param errors   errors the generator reported
 * @param details  what the report shows: the first errors, the output problems, or the exception and its top frames
 * @param generateMillis wall time of {@code Generator.generate} alone (0 when it did not return)
 * @param millis   wall time of generation and checks
 */
record SpecOutcome(
        Corpus.Spec spec,
        Verdict verdict,
        int tools,
        int errors,
        List<String> details,
        long generateMillis,
        long millis) {

    SpecOutcome {
        details = List.copyOf(details);
    }

    /** The one line the report shows for a failure. */
    String firstDetail() {
        return details.isEmpty() ? "" : details.get(0);
    }
}
