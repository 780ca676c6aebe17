package dev.apigwmcp.generator.schema.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.apigwmcp.generator.schema.pattern.RegexNode.CharSet;
import dev.apigwmcp.generator.schema.pattern.RegexNode.Property;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each {@code \p{...}} name means to Java, in a form JavaScript reads the same. */
class JavaPropertiesTest {

    private static String written(String name) {
        return EcmaRegexWriter.write(JavaProperties.resolve(name, false, "\\p{" + name + "}"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Lu|\\p{Lu}",
                "LC|\\p{LC}",
                "Letter|\\p{L}",
                "Decimal_Digit_Number|\\p{Nd}",
                "Decimal_Number|\\p{Nd}",
                "gc=Lu|\\p{Lu}",
                "General_Category=Letter|\\p{L}",
                "IsL|\\p{L}",
                "IsLetter|\\p{L}",
                "Isletter|\\p{L}",
                "IsDigit|\\p{Nd}",
                "IsAssigned|\\P{Cn}",
                "ASCII|\\p{ASCII}",
                "sc=Latn|\\p{sc=Latin}",
                "Script=old_italic|\\p{sc=Old_Italic}",
                "IsHan|\\p{sc=Han}",
                "javaLetterOrDigit|[\\p{L}\\p{Nd}]",
            })
    void namesBecomeASpellingBothEnginesShare(String name, String expected) {
        assertThat(written(name)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Alpha|[a-zA-Z]",
                "Upper|[A-Z]",
                "Lower|[a-z]",
                "Digit|[0-9]",
                "XDigit|[0-9a-fA-F]",
                "Print|[ -~]",
                "Graph|[!-~]",
                "Blank|[ \\t]",
                "Space|[ \\t-\\r]",
                "Cntrl|[\\x00-\\x1F\\x7F]",
            })
    void posixClassesKeepJavasAsciiMeaning(String name, String expected) {
        // JavaScript reads \p{Alpha} as every Unicode letter; Java as ASCII letters only.
        assertThat(written(name)).isEqualTo(expected);
        assertThat(Pattern.compile(expected).matcher("\u00e9").find()).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "IsPunct|\\p{P}",
                "IsCntrl|\\p{Cc}",
                "IsBlank|[\\p{Zs}\\t]",
                "IsSpace|[\\p{Z}\\t-\\r\\x85]",
                "IsXDigit|[\\p{Nd}A-Fa-f\uFF21-\uFF26\uFF41-\uFF46]",
            })
    void afterIsThePosixNamesMeanTheirUnicodeVersions(String name, String expected) {
        assertThat(written(name)).isEqualTo(expected);
    }

    @Test
    void negatedPropertyAndNegatedSet() {
        assertThat(JavaProperties.resolve("L", true, "\\P{L}")).isEqualTo(new Property("L", true));
        assertThat(JavaProperties.resolve("IsAssigned", true, "\\P{IsAssigned}"))
                .isEqualTo(new Property("Cn", false));
        assertThat(JavaProperties.resolve("Digit", true, "\\P{Digit}"))
                .isInstanceOfSatisfying(
                        CharSet.class, set -> assertThat(set.negated()).isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "InGreek|Unicode block", "blk=Greek|Unicode block", "javaLowerCase|Java-only character property",
                "IsAlphabetic|spells differently", "IsUppercase|spells differently", "IsAlpha|spells differently",
            })
    void namesWithoutASharedSpellingAreRefused(String name, String reason) {
        PatternProblem problem = catchThrowableOfType(
                () -> JavaProperties.resolve(name, false, "\\p{" + name + "}"), PatternProblem.class);
        assertThat(problem.invalid()).isFalse();
        assertThat(problem.reason()).contains(reason, "'\\p{" + name + "}'");
    }

    @Test
    void unknownNameIsInvalid() {
        PatternProblem problem =
                catchThrowableOfType(() -> JavaProperties.resolve("Han", false, "\\p{Han}"), PatternProblem.class);
        assertThat(problem.invalid()).isTrue();
        assertThat(problem.reason())
                .isEqualTo("is not a valid regular expression (unknown character property '\\p{Han}')");
    }

    @Test
    void everyScriptNameWrittenIsOneJavaAccepts() {
        for (Character.UnicodeScript script : Character.UnicodeScript.values()) {
            String name = JavaProperties.unicodeName(script);
            assertThat(Pattern.compile("\\p{sc=" + name + "}")).as(name).isNotNull();
        }
        assertThat(JavaProperties.unicodeName(Character.UnicodeScript.SIGNWRITING))
                .isEqualTo("SignWriting");
    }
}
