package dev.apigwmcp.generator.schema.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.generator.schema.pattern.RegexNode.Char;
import dev.apigwmcp.generator.schema.pattern.RegexNode.CharClass;
import dev.apigwmcp.generator.schema.pattern.RegexNode.Repeat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the writer spells, read from Java text; {@link PatternEnginesTest} checks both engines agree. */
class EcmaRegexWriterTest {

    private static String write(String java) {
        return EcmaRegexWriter.write(JavaRegexReader.read(java));
    }

    @Test
    void needlessEscapesBecomeThePlainCharacter() {
        assertThat(write("a\\:b\\_c\\@d")).isEqualTo("a:b_c@d");
        assertThat(write("\\'\\\"\\ \\#\\%\\,\\=\\!\\<\\>\\~\\&\\`")).isEqualTo("'\" #%,=!<>~&`");
        assertThat(write("^\\d{4}\\-\\d{2}$")).isEqualTo("^\\d{4}-\\d{2}$");
        assertThat(write("[A-Za-z0-9\\:\\-\\_\\.\\@]+")).isEqualTo("[A-Za-z0-9:\\-_\\.@]+");
        assertThat(write("[\\ \\'\\\"]")).isEqualTo("[ '\"]");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\/\\^\\$\\\\",
                "[\\]\\[\\\\\\^\\-\\/.]",
                "\\t\\n\\r\\f",
                "\\x41\\u0042\\cC",
                "[\\x00-\\x1F]"
            })
    void escapesBothEnginesReadAlikeAreKept(String pattern) {
        assertThat(write(pattern)).isEqualTo(pattern);
    }

    @Test
    void literalClosingBracketsAndBracesAreEscaped() {
        assertThat(write("a]b}")).isEqualTo("a\\]b\\}");
        assertThat(write("^\\{[a-z]+}$")).isEqualTo("^\\{[a-z]+\\}$");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[-a]", "[a-]", "[a-z-_]", "[^-a]", "[a-zA-Z0-9-_]", "[\\w+=,.@-]"})
    void plainDashIsKeptWhereBothEnginesReadALiteral(String pattern) {
        assertThat(write(pattern)).isEqualTo(pattern);
    }

    @Test
    void dashAfterAClassEscapeIsEscaped() {
        // ECMA-262 would read "\w-." as a range from a class, which unicode mode rejects.
        assertThat(write("[\\w-.]")).isEqualTo("[\\w\\-.]");
        assertThat(write("[\\s-z]")).isEqualTo("[\\s\\-z]");
    }

    @Test
    void twoLiteralAmpersandsDoNotBecomeJavasIntersection() {
        assertThat(write("[a\\&\\&b]")).isEqualTo("[a&\\x26b]");
    }

    @Test
    void digitAfterANumberedBackReferenceIsKeptApart() {
        assertThat(write("(a)\\12")).isEqualTo("(a)\\1(?:)2");
    }

    @Test
    void javaOnlyClassesAreSpelledOut() {
        assertThat(write("\\p{XDigit}{8}")).isEqualTo("[0-9a-fA-F]{8}");
        assertThat(write("[\\p{Alnum}_]")).isEqualTo("[a-zA-Z0-9_]");
        assertThat(write("\\P{Alpha}")).isEqualTo("[^a-zA-Z]");
        assertThat(write("[\\P{Alpha}]")).isEqualTo("[^a-zA-Z]");
        assertThat(write("[^\\P{Alpha}]")).isEqualTo("[a-zA-Z]");
        assertThat(write("\\h")).isEqualTo("[ \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000]");
        assertThat(write("\\pL\\p{IsLu}\\p{IsLatin}")).isEqualTo("\\p{L}\\p{Lu}\\p{sc=Latin}");
    }

    @Test
    void javaAnchorsBecomeTheOnesBothHave() {
        assertThat(write("\\A[a-z]+\\z")).isEqualTo("^[a-z]+$");
    }

    @Test
    void charactersBeyondTheBasicPlaneAreWrittenAsThemselves() {
        assertThat(write("\\x{1F600}+")).isEqualTo("\uD83D\uDE00+");
    }

    @Test
    void invisibleCharactersAreEscapedWhenMadeUp() {
        // Read from an octal escape (not portable), so written canonically.
        assertThat(write("\\0205")).isEqualTo("\\x85");
        assertThat(write("[\\011\\040]")).isEqualTo("[\\t ]");
    }

    @Test
    void literalTabAsWrittenIsKept() {
        assertThat(write("a\tb")).isEqualTo("a\tb");
    }

    @Test
    void aPatternThatNeedsNothingComesBackByteForByte() {
        String pattern = "^(?<year>\\d{4})-(?:0[1-9]|1[0-2])(?=T)\\k<year>?[\\p{L}\\p{N}_.:/=+\\-@]*?\\b(a|b){2,}$";
        assertThat(write(pattern)).isEqualTo(pattern);
    }

    @Test
    void canonicalFormIgnoresSpelling() {
        assertThat(EcmaRegexWriter.canonical(JavaRegexReader.read("\\x41{2,2}\\u0042")))
                .isEqualTo(EcmaRegexWriter.canonical(JavaRegexReader.read("A{2}B")));
    }

    @Test
    void canonicalQuantifiersUseTheShortForms() {
        Char a = Char.of('a');
        assertThat(EcmaRegexWriter.canonical(new Repeat(a, 0, -1, true, "{0,}?")))
                .isEqualTo("a*?");
        assertThat(EcmaRegexWriter.canonical(new Repeat(a, 2, -1, false, "{2,}")))
                .isEqualTo("a{2,}");
    }

    @Test
    void madeUpCaretFirstInAClassIsEscaped() {
        assertThat(EcmaRegexWriter.write(new CharClass(false, List.of(Char.of('^'), Char.of('a')))))
                .isEqualTo("[\\^a]");
    }
}
