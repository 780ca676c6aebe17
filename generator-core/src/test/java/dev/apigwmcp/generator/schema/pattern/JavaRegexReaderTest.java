package dev.apigwmcp.generator.schema.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.apigwmcp.generator.schema.pattern.RegexNode.BackReference;
import dev.apigwmcp.generator.schema.pattern.RegexNode.Char;
import dev.apigwmcp.generator.schema.pattern.RegexNode.CharClass;
import dev.apigwmcp.generator.schema.pattern.RegexNode.Range;
import dev.apigwmcp.generator.schema.pattern.RegexNode.Sequence;
import dev.apigwmcp.generator.schema.pattern.RegexNode.Shorthand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reader follows java.util.regex where it surprises, and refuses what JavaScript cannot say. */
class JavaRegexReaderTest {

    private static String canonical(String pattern) {
        return EcmaRegexWriter.canonical(JavaRegexReader.read(pattern));
    }

    private static PatternProblem problem(String pattern) {
        return catchThrowableOfType(() -> JavaRegexReader.read(pattern), PatternProblem.class);
    }

    @Test
    void closingBracketRightAfterTheOpeningOneIsALiteral() {
        assertThat(JavaRegexReader.read("[]a]"))
                .isEqualTo(new CharClass(false, java.util.List.of(new Char(']', "]"), new Char('a', "a"))));
        assertThat(canonical("[^]a]")).isEqualTo("[^\\]a]");
    }

    @Test
    void dashAfterAClassEscapeIsALiteral() {
        CharClass c = (CharClass) JavaRegexReader.read("[\\w-.]");
        assertThat(c.items()).containsExactly(new Shorthand('w'), new Char('-', "-"), new Char('.', "."));
    }

    @Test
    void dashBetweenTwoCharactersIsARangeEvenAfterAnotherRange() {
        CharClass c = (CharClass) JavaRegexReader.read("[a-c-e-g]");
        assertThat(c.items())
                .containsExactly(
                        new Range(new Char('a', "a"), new Char('c', "c")),
                        new Char('-', "-"),
                        new Range(new Char('e', "e"), new Char('g', "g")));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "\\0101|A",
                "\\01|\\x01",
                "\\0777|\\?7",
                "\\x41|A",
                "\\x{1F600}|\uD83D\uDE00",
                "\\uD83D\\uDE00|\uD83D\uDE00",
                "\\cA|\\x01",
                "\\ca|!",
                "\\e|\\x1B",
                "\\a|\\x07",
                "\\:|:",
                "\\é|é",
                "\\Q.*\\E|\\.\\*",
                "\\Qa\\E-|a-",
                "\\A^|^^",
                "\\z|$",
            })
    void escapesMeanWhatTheyMeanInJava(String java, String expected) {
        assertThat(canonical(java)).isEqualTo(expected);
    }

    @Test
    void quotingRunsToTheEndWhenThereIsNoEnd() {
        assertThat(JavaRegexReader.unquote("a\\Q+[")).isEqualTo("a\\+\\[");
        assertThat(JavaRegexReader.unquote("\\\\Q+")).isEqualTo("\\\\Q+");
    }

    @Test
    void backReferenceTakesAsManyDigitsAsNameAnOpenedGroup() {
        Sequence s = (Sequence) JavaRegexReader.read("(a)\\12");
        assertThat(s.items()).element(1).isEqualTo(new BackReference(1, null));
        assertThat(s.items()).element(2).isEqualTo(new Char('2', "2"));
    }

    @Test
    void verticalWhitespaceEscapeIsTheVerticalTabAtARangesEnds() {
        assertThat(canonical("[\\v-\\x0D]")).isEqualTo("[\\x0B-\\r]");
        assertThat(canonical("\\v")).isEqualTo("[\\n-\\r\\x85\\u2028-\\u2029]");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "^a++$|possessive quantifier '++' at index 2",
                "x{2}+|possessive quantifier '{2}+'",
                "(?>ab)|atomic group",
                "(?i)abc|inline flags '(?i)'",
                "(?i:abc)|inline flags '(?i:'",
                "abc\\Z|'\\Z'",
                "\\Gabc|'\\G'",
                "a\\Rb|'\\R'",
                "\\X|'\\X'",
                "\\N{LATIN SMALL LETTER A}|named character",
                "\\b{g}|grapheme boundary",
                "[a-z&&[^e]]|intersection '&&'",
                "[a[b]]|nested character class",
                "\\p{InGreek}|Unicode block",
                "\\p{javaLowerCase}|Java-only character property",
                "\\p{IsAlphabetic}|spells differently",
                "(?=a)*|repeats an assertion",
                "^*|repeats an assertion",
                "x{2}{3}|repeats a repetition",
                "\\2(a)(b)|group 2",
                "(a\\1)|from inside it",
                "(a)(?<=\\1)|inside a lookbehind",
                "[\\P{Alpha}x]|beside other members",
            })
    void javaOnlyConstructsAreRefusedWithTheirName(String pattern, String named) {
        PatternProblem problem = problem(pattern);
        assertThat(problem).as(pattern).isNotNull();
        assertThat(problem.invalid()).isFalse();
        assertThat(problem.reason()).contains(named);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "[a-z",
                "[z-a]",
                "[a-\\d]",
                "a{1-70}",
                "a{,2}",
                "a{2,1}",
                "{x}",
                "*a",
                "(a",
                "a)",
                "\\y",
                "[\\b]",
                "\\0",
                "\\x4",
                "\\p{NoSuchThing}",
                "(?<1a>x)",
                "(?<a>x)(?<a>y)",
                "\\k<nope>",
                "(?P<x>a)",
            })
    void whatJavaRejectsIsInvalid(String pattern) {
        PatternProblem problem = problem(pattern);
        assertThat(problem).as(pattern).isNotNull();
        assertThat(problem.invalid()).as(problem.reason()).isTrue();
        assertThat(problem.reason()).startsWith("is not a valid regular expression");
    }

    @Test
    void refusalNamesWhereTheConstructIs() {
        assertThat(problem("abc\\Z").reason()).contains("at index 3");
    }

    @Test
    void deepNestingIsRefusedInsteadOfRecursedInto() {
        String deep = "(".repeat(JavaRegexReader.MAX_DEPTH + 1) + "a" + ")".repeat(JavaRegexReader.MAX_DEPTH + 1);
        assertThat(problem(deep).reason()).contains("nests groups more than 200 deep");
        String fine = "(".repeat(JavaRegexReader.MAX_DEPTH) + "a" + ")".repeat(JavaRegexReader.MAX_DEPTH);
        assertThat(EcmaRegexWriter.write(JavaRegexReader.read(fine))).isEqualTo(fine);
    }

    @Test
    void readerDoesNotThrowAnythingElseOnTruncatedInput() {
        String[] truncated = {"\\", "[\\", "\\p", "\\p{L", "\\x{", "\\u12", "(?", "(?<", "\\k", "\\c"};
        for (String pattern : truncated) {
            assertThatThrownBy(() -> JavaRegexReader.read(pattern)).as(pattern).isInstanceOf(PatternProblem.class);
        }
    }
}
