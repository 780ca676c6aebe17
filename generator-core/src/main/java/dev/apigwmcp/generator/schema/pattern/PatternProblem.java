package dev.apigwmcp.generator.schema.pattern;

/**
 * Why a pattern cannot be kept. Thrown by the reader (never past {@link PortablePatterns}) because the recursive
 * descent has no other way out of a deep construct.
 */
final class PatternProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean invalid;

    private PatternProblem(boolean invalid, String reason) {
        super(reason, null, false, false);
        this.invalid = invalid;
    }

    /** The pattern is no regular expression at all: Java rejects it. */
    static PatternProblem invalid(String reason) {
        return new PatternProblem(true, reason);
    }

    /** A Java construct ECMA-262 cannot say, or says differently. */
    static PatternProblem unportable(String reason) {
        return new PatternProblem(false, reason);
    }

    boolean invalid() {
        return invalid;
    }

    /** Continues "pattern 'x' ...". */
    String reason() {
        return getMessage();
    }
}
