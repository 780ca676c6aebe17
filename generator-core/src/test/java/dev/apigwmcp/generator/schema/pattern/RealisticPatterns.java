package dev.apigwmcp.generator.schema.pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Patterns of the shapes real API descriptions carry (AWS service models above all, written for Java), with what
 * {@link PortablePatterns} must make of them. Shared by the unit tests and the two-engine cross-check.
 */
final class RealisticPatterns {

    private RealisticPatterns() {}

    /** Already fit for both engines. */
    static Stream<String> fine() {
        return Stream.of(
                "^arn:aws[a-zA-Z-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$",
                "[\\w\\-\\.]+",
                "^[a-zA-Z0-9-_]+$",
                "\\d{4}",
                "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*",
                "^(?!aws:)[a-zA-Z+-=._:/]+$",
                "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
                "^https?://[^\\s/$.?#].[^\\s]*$",
                "^[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*$",
                "^(?:[01]\\d|2[0-3]):[0-5]\\d$",
                "[\\S ]+",
                "^\\$(\\.[\\w/_-]+(\\[(\\d+|\\*)\\])*)*$",
                "(?<year>\\d{4})-\\k<year>",
                "^[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$",
                "",
                "^s3://([^/]+)/?(.*)$");
    }

    /** JavaScript (unicode mode) rejects them or reads them differently; each with its portable spelling. */
    static Stream<Arguments> rewritten() {
        return Stream.of(
                Arguments.of("[A-Za-z0-9\\:\\-\\_\\.\\@]+", "[A-Za-z0-9:\\-_\\.@]+"),
                Arguments.of(
                        "[A-Za-z0-9]([A-Za-z0-9\\:\\-\\_\\.\\@]{0,62}[A-Za-z0-9])?",
                        "[A-Za-z0-9]([A-Za-z0-9:\\-_\\.@]{0,62}[A-Za-z0-9])?"),
                Arguments.of("^[a-zA-Z0-9\\-\\_]+$", "^[a-zA-Z0-9\\-_]+$"),
                Arguments.of("^arn\\:aws\\:\\S.*\\:.*", "^arn:aws:\\S.*:.*"),
                Arguments.of("^[0-9a-fA-F]{8}\\-[0-9a-fA-F]{4}$", "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}$"),
                Arguments.of("^[\\w-.+]+@[\\w-.+]+$", "^[\\w\\-.+]+@[\\w\\-.+]+$"),
                Arguments.of("[\\w+=,.@\\:-]*", "[\\w+=,.@:-]*"),
                Arguments.of("(.*[\\n\\r\\t\\f\\ ]?)*", "(.*[\\n\\r\\t\\f ]?)*"),
                Arguments.of("^[^/:|\\000-\\037]+$", "^[^/:|\\x00-\\x1F]+$"),
                Arguments.of("\\p{XDigit}{8}-\\p{XDigit}{4}", "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}"),
                Arguments.of("\\p{Print}+", "[ -~]+"),
                Arguments.of("^[\\p{Alnum}\\p{Punct}\\p{Blank}]*$", "^[a-zA-Z0-9!-/:-@\\[-`{-~ \\t]*$"),
                Arguments.of("[^\\p{Cntrl}]*", "[^\\x00-\\x1F\\x7F]*"),
                Arguments.of("([A-Za-z\\-' 0-9._]|\\p{IsLetter})*", "([A-Za-z\\-' 0-9._]|\\p{L})*"),
                Arguments.of("\\A[a-zA-Z0-9_]+\\z", "^[a-zA-Z0-9_]+$"),
                Arguments.of(
                        "(^\\$\\{Parameters\\.[a-zA-z]+([a-zA-z_0-9]*)}$)",
                        "(^\\$\\{Parameters\\.[a-zA-z]+([a-zA-z_0-9]*)\\}$)"),
                Arguments.of(
                        "^([$\\-._+!*\\x{60}(),;/?:@=&\\w]|%[0-9a-fA-F]{2})+$",
                        "^([$\\-._+!*`(),;/?:@=&\\w]|%[0-9a-fA-F]{2})+$"),
                Arguments.of("^[A-Za-z0-9\\+\\:\\/\\=\\?\\#-_]+$", "^[A-Za-z0-9\\+:\\/=\\?#-_]+$"),
                Arguments.of("\\Q1.2\\E(\\.\\d+)?", "1\\.2(\\.\\d+)?"),
                Arguments.of("[^]\\s]+", "[^\\]\\s]+"),
                Arguments.of("\\p{IsWhite_Space}", "[\\p{Z}\\t-\\r\\x85]"),
                Arguments.of("\\p{sc=Greek}\\p{IsLatin}\\p{script=cyrl}", "\\p{sc=Greek}\\p{sc=Latin}\\p{sc=Cyrillic}"),
                Arguments.of("\\p{Alpha}", "[a-zA-Z]"),
                Arguments.of(
                        "[\\p{IsPunct}\\p{IsBlank}]+\\p{IsXDigit}",
                        "[\\p{P}\\p{Zs}\\t]+[\\p{Nd}A-Fa-f\uFF21-\uFF26\uFF41-\uFF46]"));
    }

    /** No spelling both engines read the same; each with words the reason must contain. */
    static Stream<Arguments> dropped() {
        return Stream.of(
                Arguments.of("\\A(\\*\\.)?([a-zA-Z0-9-_]{1,63}\\.)+[a-zA-Z]{2,16}\\Z", "'\\Z'"),
                Arguments.of("[\\p{Print}&&[^|:/]]+", "intersection '&&' at index 10"),
                Arguments.of("^(\\/|(\\/(?!\\.)+[^$#<>;`|&?{}^*/\\n]+){1,4})$", "repeats an assertion"),
                Arguments.of("(?i)^[a-z]+$", "inline flags '(?i)'"),
                Arguments.of("^\\w++$", "possessive quantifier"),
                Arguments.of("\\p{javaLowerCase}+", "Java-only character property '\\p{javaLowerCase}'"),
                Arguments.of("\\p{InBasicLatin}", "Unicode block"),
                Arguments.of("\\p{IsAlpha}+", "spells differently"),
                Arguments.of("[a-zA-Z]{1-70}", "is not a valid regular expression"),
                Arguments.of("this is [a test] {patternAny1:role1}", "is not a valid regular expression"),
                Arguments.of("/(?P<product_ref>.*)-.*/", "is not a valid regular expression"),
                Arguments.of("(\\[[[:alnum:]\\/\\_]+\\])", "nested character class"));
    }

    /** Every pattern above, for the cross-checks. */
    static List<String> all() {
        List<String> all = new ArrayList<>(fine().toList());
        rewritten().forEach(a -> all.add((String) a.get()[0]));
        dropped().forEach(a -> all.add((String) a.get()[0]));
        return all;
    }
}
