package dev.apigwmcp.generator.schema.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.generator.schema.pattern.PortablePatterns.Dropped;
import dev.apigwmcp.generator.schema.pattern.PortablePatterns.Kept;
import dev.apigwmcp.generator.schema.pattern.PortablePatterns.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The decision per pattern, on the shapes real AWS descriptions carry. */
class PortablePatternsTest {

    private final PortablePatterns patterns = new PortablePatterns();

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("dev.apigwmcp.generator.schema.pattern.RealisticPatterns#fine")
    void patternFitForBothEnginesIsKeptUnchanged(String pattern) {
        assertThat(patterns.check(pattern)).isEqualTo(new Kept(pattern, false));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("dev.apigwmcp.generator.schema.pattern.RealisticPatterns#rewritten")
    void patternJavaScriptRejectsIsRewrittenToItsPortableSpelling(String pattern, String expected) {
        assertThat(patterns.check(pattern)).isEqualTo(new Kept(expected, true));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("dev.apigwmcp.generator.schema.pattern.RealisticPatterns#rewritten")
    void rewrittenPatternNeedsNoFurtherChange(String pattern, String expected) {
        assertThat(patterns.check(expected)).isEqualTo(new Kept(expected, false));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("dev.apigwmcp.generator.schema.pattern.RealisticPatterns#dropped")
    void patternWithoutAPortableSpellingIsDroppedWithTheReason(String pattern, String reason) {
        Verdict verdict = patterns.check(pattern);
        assertThat(verdict).isInstanceOf(Dropped.class);
        assertThat(((Dropped) verdict).reason()).contains(reason);
    }

    @Test
    void invalidPatternIsDroppedInJavasWords() {
        assertThat(patterns.check("^[a-z+$"))
                .isEqualTo(new Dropped("is not a valid regular expression (Unclosed character class near index 6)"));
    }

    @Test
    void patternOnlyTheRuntimesValidatorReadsKeepsItsMeaning() {
        // java.util.regex rejects long category names; the runtime's validator maps them to the short ones.
        assertThat(patterns.check("\\p{Letter}+")).isEqualTo(new Kept("\\p{L}+", true));
    }

    @Test
    void sameTextGivesTheSameVerdictObject() {
        assertThat(patterns.check("[\\:]")).isSameAs(patterns.check("[\\:]"));
    }
}
