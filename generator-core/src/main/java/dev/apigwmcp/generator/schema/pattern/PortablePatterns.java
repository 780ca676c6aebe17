package dev.apigwmcp.generator.schema.pattern;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Owns "a pattern fit for every validator". A {@code pattern} (or {@code patternProperties} key) in a generated
 * schema is compiled by MCP clients as an ECMA-262 regular expression in unicode mode (the TypeScript SDK's ajv uses
 * the {@code u} flag, which rejects needless escapes such as {@code \:} that plain JavaScript and Java allow) and by
 * the runtime with java.util.regex. So each pattern is read as Java reads it — the meaning the runtime, and API
 * Gateway's own validation, already give it — and written back in the syntax both engines read the same way:
 * needless escapes become the plain character, Java-only spellings with an exact equivalent ({@code \p{Alpha}},
 * {@code \A}, {@code \z}, octal and {@code \x{...}} escapes, {@code \Q...\E}) are spelled out, and what has no
 * equivalent (possessive quantifiers, inline flags, {@code \Z}, class intersections, ...) is refused with the
 * reason. A pattern that is fine already comes back unchanged.
 *
 * <p>Known, accepted difference: {@code .}, {@code \s} and {@code \b} are kept as written although the engines
 * disagree on a few non-ASCII characters (U+0085 for {@code .}, Unicode spaces for {@code \s}, non-ASCII letters
 * for {@code \b}); spelling them out would make every pattern unreadable for cases real values do not hit.
 *
 * <p>Thread-safe; verdicts are memoised because big exports repeat the same few patterns thousands of times.
 */
public final class PortablePatterns {

    /** What to do with one pattern. */
    public sealed interface Verdict {}

    /**
     * Use {@code pattern}: the input itself, or its portable spelling.
     *
     * @param rewritten whether {@code pattern} differs from the input
     */
    public record Kept(String pattern, boolean rewritten) implements Verdict {
        public Kept {
            Objects.requireNonNull(pattern, "pattern");
        }
    }

    /**
     * Leave the pattern out.
     *
     * @param reason continues "pattern 'x' ...": what is wrong, where, and why it cannot be kept
     */
    public record Dropped(String reason) implements Verdict {
        public Dropped {
            Objects.requireNonNull(reason, "reason");
        }
    }

    private final Map<String, Verdict> verdicts = new ConcurrentHashMap<>();

    /** The verdict on {@code pattern}. */
    public Verdict check(String pattern) {
        Verdict known = verdicts.get(pattern);
        if (known == null) {
            known = decide(pattern);
            verdicts.put(pattern, known);
        }
        return known;
    }

    private static Verdict decide(String pattern) {
        RegexNode tree;
        try {
            tree = JavaRegexReader.read(pattern);
        } catch (PatternProblem problem) {
            return new Dropped(problem.invalid() ? javasReason(pattern, problem.reason()) : problem.reason());
        } catch (RuntimeException e) {
            // A gap in the reader must cost one pattern, with a warning, not the whole generation.
            return new Dropped("could not be translated for JavaScript (" + e + ")");
        }
        String written = EcmaRegexWriter.write(tree);
        // Safety net: what is written must compile in Java and read back as the same tree.
        try {
            Pattern.compile(written);
            if (!EcmaRegexWriter.canonical(JavaRegexReader.read(written)).equals(EcmaRegexWriter.canonical(tree))) {
                return cannotRewrite(written);
            }
        } catch (PatternSyntaxException | PatternProblem e) {
            return cannotRewrite(written);
        }
        return new Kept(written, !written.equals(pattern));
    }

    /** Java's own words when it rejects the pattern too. */
    private static String javasReason(String pattern, String readersReason) {
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            return "is not a valid regular expression (" + e.getDescription() + " near index " + e.getIndex() + ")";
        }
        // Java takes it, the reader does not: a corner of Java's syntax with no JavaScript counterpart here.
        return "uses Java syntax that has no JavaScript equivalent here ("
                + readersReason.replaceFirst("^is not a valid regular expression \\((.*)\\)$", "$1") + ")";
    }

    private static Dropped cannotRewrite(String written) {
        return new Dropped(
                "could not be rewritten for JavaScript without changing its meaning (attempt: '" + written + "')");
    }
}
