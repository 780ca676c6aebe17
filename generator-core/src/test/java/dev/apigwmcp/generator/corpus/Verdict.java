package dev.apigwmcp.generator.corpus;

/** How one spec fared. The first two are acceptable; the others fail the robustness test. */
enum Verdict {
    /** Generated, and the output passed {@link OutputCheck}. */
    GENERATED("generated OK", true),
    /** Rejected with errors that each have a message, the file and a location. */
    REJECTED("failed with clear errors", true),
    /** Rejected, but some error has no location or reads like an exception dump. */
    UNCLEAR_ERRORS("failed with unclear errors", false),
    /** Generated, but some schema, tool definition or tool name is invalid. */
    INVALID_OUTPUT("invalid output", false),
    /** An exception or error escaped {@code Generator.generate}. */
    CRASHED("crashed", false),
    /** Did not finish within the per-spec time limit. */
    TIMED_OUT("timed out", false);

    private final String label;
    private final boolean acceptable;

    Verdict(String label, boolean acceptable) {
        this.label = label;
        this.acceptable = acceptable;
    }

    String label() {
        return label;
    }

    boolean acceptable() {
        return acceptable;
    }
}
