package dev.apigwmcp.generator.schema.pattern;

import dev.apigwmcp.generator.schema.pattern.RegexNode.Char;
import dev.apigwmcp.generator.schema.pattern.RegexNode.CharItem;
import dev.apigwmcp.generator.schema.pattern.RegexNode.CharSet;
import dev.apigwmcp.generator.schema.pattern.RegexNode.ClassItem;
import dev.apigwmcp.generator.schema.pattern.RegexNode.Property;
import dev.apigwmcp.generator.schema.pattern.RegexNode.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a {@code \p{...}} means to java.util.regex (as the runtime's validator feeds it: long general-category names
 * such as {@code Letter} are accepted too), said in a form ECMA-262 reads the same. The only {@code \p} spellings
 * both engines accept are the short general categories, {@code sc=Script} and {@code ASCII}; Java's POSIX classes
 * ({@code \p{Alpha}}: ASCII letters in Java, all Unicode letters to JavaScript) and the few binary properties with a
 * small fixed set become explicit classes, everything else is refused.
 */
final class JavaProperties {

    private static final Set<String> CATEGORIES = Set.of(
            "L", "Lu", "Ll", "Lt", "Lm", "Lo", "LC", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No", "P", "Pc", "Pd",
            "Ps", "Pe", "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So", "Z", "Zs", "Zl", "Zp", "C", "Cc", "Cf", "Cs",
            "Co", "Cn");

    /** Long general-category names: the runtime's validator's list and ECMA-262's (they differ in three). */
    private static final Map<String, String> LONG_CATEGORIES = Map.ofEntries(
            Map.entry("Letter", "L"),
            Map.entry("Cased_Letter", "LC"),
            Map.entry("Uppercase_Letter", "Lu"),
            Map.entry("Lowercase_Letter", "Ll"),
            Map.entry("Titlecase_Letter", "Lt"),
            Map.entry("Modifier_Letter", "Lm"),
            Map.entry("Other_Letter", "Lo"),
            Map.entry("Mark", "M"),
            Map.entry("Non_Spacing_Mark", "Mn"),
            Map.entry("Nonspacing_Mark", "Mn"),
            Map.entry("Spacing_Combining_Mark", "Mc"),
            Map.entry("Spacing_Mark", "Mc"),
            Map.entry("Enclosing_Mark", "Me"),
            Map.entry("Number", "N"),
            Map.entry("Decimal_Digit_Number", "Nd"),
            Map.entry("Decimal_Number", "Nd"),
            Map.entry("Letter_Number", "Nl"),
            Map.entry("Other_Number", "No"),
            Map.entry("Punctuation", "P"),
            Map.entry("Connector_Punctuation", "Pc"),
            Map.entry("Dash_Punctuation", "Pd"),
            Map.entry("Open_Punctuation", "Ps"),
            Map.entry("Close_Punctuation", "Pe"),
            Map.entry("Initial_Punctuation", "Pi"),
            Map.entry("Final_Punctuation", "Pf"),
            Map.entry("Other_Punctuation", "Po"),
            Map.entry("Symbol", "S"),
            Map.entry("Math_Symbol", "Sm"),
            Map.entry("Currency_Symbol", "Sc"),
            Map.entry("Modifier_Symbol", "Sk"),
            Map.entry("Other_Symbol", "So"),
            Map.entry("Separator", "Z"),
            Map.entry("Space_Separator", "Zs"),
            Map.entry("Line_Separator", "Zl"),
            Map.entry("Paragraph_Separator", "Zp"),
            Map.entry("Other", "C"),
            Map.entry("Control", "Cc"),
            Map.entry("Format", "Cf"),
            Map.entry("Surrogate", "Cs"),
            Map.entry("Private_Use", "Co"),
            Map.entry("Unassigned", "Cn"));

    /** Java's POSIX classes and its other ASCII/Latin-1 names; ASCII only without UNICODE_CHARACTER_CLASS. */
    private static final Map<String, List<ClassItem>> JAVA_SETS = Map.ofEntries(
            Map.entry("Lower", List.of(range('a', 'z'))),
            Map.entry("Upper", List.of(range('A', 'Z'))),
            Map.entry("Alpha", List.of(range('a', 'z'), range('A', 'Z'))),
            Map.entry("Digit", List.of(range('0', '9'))),
            Map.entry("Alnum", List.of(range('a', 'z'), range('A', 'Z'), range('0', '9'))),
            Map.entry("Punct", List.of(range('!', '/'), range(':', '@'), range('[', '`'), range('{', '~'))),
            Map.entry("Graph", List.of(range('!', '~'))),
            Map.entry("Print", List.of(range(' ', '~'))),
            Map.entry("Blank", List.of(Char.of(' '), Char.of('\t'))),
            Map.entry("Cntrl", List.of(range(0, 0x1F), Char.of(0x7F))),
            Map.entry("XDigit", List.of(range('0', '9'), range('a', 'f'), range('A', 'F'))),
            Map.entry("Space", List.of(Char.of(' '), range('\t', '\r'))),
            Map.entry("L1", List.of(range(0, 0xFF))),
            Map.entry("all", List.of(range(0, Character.MAX_CODE_POINT))),
            Map.entry("LD", List.of(new Property("L", false), new Property("Nd", false))),
            Map.entry("javaLetter", List.of(new Property("L", false))),
            Map.entry("javaDigit", List.of(new Property("Nd", false))),
            Map.entry("javaLetterOrDigit", List.of(new Property("L", false), new Property("Nd", false))),
            Map.entry("javaTitleCase", List.of(new Property("Lt", false))),
            Map.entry("javaSpaceChar", List.of(new Property("Z", false))),
            Map.entry("javaISOControl", List.of(range(0, 0x1F), range(0x7F, 0x9F))));

    /**
     * Java's Unicode properties ({@code \p{IsX}}, name upper-cased) that equal a category or a fixed set. After
     * "Is", the POSIX names mean their Unicode versions: {@code \p{IsPunct}} is every punctuation mark.
     */
    private static final Map<String, List<ClassItem>> JAVA_BINARY = Map.ofEntries(
            Map.entry("LETTER", List.of(new Property("L", false))),
            Map.entry("DIGIT", List.of(new Property("Nd", false))),
            Map.entry("PUNCTUATION", List.of(new Property("P", false))),
            Map.entry("PUNCT", List.of(new Property("P", false))),
            Map.entry("CONTROL", List.of(new Property("Cc", false))),
            Map.entry("CNTRL", List.of(new Property("Cc", false))),
            Map.entry("SPACE", whiteSpace()),
            Map.entry("XDIGIT", hexDigit()),
            Map.entry("BLANK", List.of(new Property("Zs", false), Char.of('\t'))),
            Map.entry("TITLECASE", List.of(new Property("Lt", false))),
            Map.entry("ASSIGNED", List.of(new Property("Cn", true))),
            Map.entry("WHITE_SPACE", whiteSpace()),
            Map.entry("WHITESPACE", whiteSpace()),
            Map.entry("HEX_DIGIT", hexDigit()),
            Map.entry("HEXDIGIT", hexDigit()),
            Map.entry("JOIN_CONTROL", List.of(range(0x200C, 0x200D))),
            Map.entry("JOINCONTROL", List.of(range(0x200C, 0x200D))));

    /** Binary properties Java has and ECMA-262 spells differently, so that no spelling works in both. */
    private static final Set<String> JAVA_BINARY_UNPORTABLE = Set.of(
            "ALPHABETIC",
            "ALPHA",
            "UPPERCASE",
            "UPPER",
            "LOWERCASE",
            "LOWER",
            "IDEOGRAPHIC",
            "NONCHARACTER_CODE_POINT",
            "NONCHARACTERCODEPOINT",
            "WORD",
            "ALNUM",
            "GRAPH",
            "PRINT",
            "EMOJI",
            "EMOJI_PRESENTATION",
            "EMOJI_MODIFIER",
            "EMOJI_MODIFIER_BASE",
            "EMOJI_COMPONENT",
            "EXTENDED_PICTOGRAPHIC");

    private JavaProperties() {}

    /**
     * The class item for {@code \p{name}} ({@code \P} when {@code negated}).
     *
     * @param spelling the escape as written, for messages
     * @throws PatternProblem when Java does not know the name or JavaScript cannot say it
     */
    static CharItem resolve(String name, boolean negated, String spelling) {
        CharItem item;
        if (name.startsWith("In")) {
            throw PatternProblem.unportable(
                    "uses the Unicode block " + quote(spelling) + ", which JavaScript regular expressions do not have");
        } else if (name.startsWith("Is")) {
            item = isProperty(name.substring(2), spelling);
        } else if (name.indexOf('=') >= 0) {
            item = keyed(name, spelling);
        } else {
            item = plain(name, spelling);
        }
        if (item == null) {
            throw PatternProblem.invalid(
                    "is not a valid regular expression (unknown character property " + quote(spelling) + ")");
        }
        return negated ? negate(item, spelling) : item;
    }

    private static CharItem plain(String name, String spelling) {
        if (CATEGORIES.contains(name)) {
            return new Property(name, false);
        }
        String category = LONG_CATEGORIES.get(name);
        if (category != null) {
            return new Property(category, false);
        }
        if (name.equals("ASCII")) {
            return new Property("ASCII", false); // the same 128 characters in both
        }
        List<ClassItem> members = JAVA_SETS.get(name);
        if (members != null) {
            return new CharSet(spelling, members, false);
        }
        if (name.startsWith("java")) {
            throw PatternProblem.unportable("uses the Java-only character property " + quote(spelling)
                    + ", which JavaScript regular expressions do not have");
        }
        return null;
    }

    private static CharItem isProperty(String name, String spelling) {
        String upper = name.toUpperCase(Locale.ROOT);
        List<ClassItem> members = JAVA_BINARY.get(upper);
        if (members != null) {
            return members.size() == 1 && members.get(0) instanceof Property p
                    ? p
                    : new CharSet(spelling, members, false);
        }
        if (JAVA_BINARY_UNPORTABLE.contains(upper)) {
            throw PatternProblem.unportable("uses the Unicode property " + quote(spelling)
                    + ", which JavaScript spells differently (no spelling works in both)");
        }
        CharItem plain = plain(name, spelling);
        return plain != null ? plain : script(name);
    }

    private static CharItem keyed(String name, String spelling) {
        int equals = name.indexOf('=');
        String key = name.substring(0, equals).toLowerCase(Locale.ROOT);
        String value = name.substring(equals + 1);
        switch (key) {
            case "sc", "script" -> {
                return script(value);
            }
            case "gc", "general_category" -> {
                return plain(value, spelling);
            }
            case "blk", "block" ->
                throw PatternProblem.unportable("uses the Unicode block " + quote(spelling)
                        + ", which JavaScript regular expressions do not have");
            default -> {
                return null;
            }
        }
    }

    /** {@code sc=Name} with the script's Unicode name, which Java (any case) and ECMA-262 (exact) both accept. */
    private static CharItem script(String name) {
        Character.UnicodeScript script;
        try {
            script = Character.UnicodeScript.forName(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return new Property("sc=" + unicodeName(script), false);
    }

    /** The Unicode property value name of a script: Java's constant in title case, one exception. */
    static String unicodeName(Character.UnicodeScript script) {
        if (script.name().equals("SIGNWRITING")) {
            return "SignWriting";
        }
        StringBuilder out = new StringBuilder();
        for (String word : script.name().split("_")) {
            if (out.length() > 0) {
                out.append('_');
            }
            out.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    private static CharItem negate(CharItem item, String spelling) {
        if (item instanceof Property p) {
            return new Property(p.name(), !p.negated());
        }
        CharSet set = (CharSet) item;
        for (ClassItem member : set.members()) {
            if (member instanceof Property p && p.negated()) {
                // \P{IsAssigned} would be a double negation: say it plainly.
                return set.members().size() == 1 ? new Property(p.name(), false) : unsupported(spelling);
            }
        }
        return new CharSet(set.javaSpelling(), set.members(), true);
    }

    private static CharItem unsupported(String spelling) {
        throw PatternProblem.unportable("uses " + quote(spelling) + ", which JavaScript cannot express");
    }

    private static List<ClassItem> whiteSpace() {
        // Java: categories Zs, Zl, Zp, and \t-\r and U+0085.
        return List.of(new Property("Z", false), range('\t', '\r'), Char.of(0x85));
    }

    private static List<ClassItem> hexDigit() {
        // Java: every decimal digit, the ASCII and the fullwidth hex letters.
        List<ClassItem> members = new ArrayList<>();
        members.add(new Property("Nd", false));
        members.add(range('A', 'F'));
        members.add(range('a', 'f'));
        members.add(range(0xFF21, 0xFF26));
        members.add(range(0xFF41, 0xFF46));
        return List.copyOf(members);
    }

    static Range range(int from, int to) {
        return new Range(Char.of(from), Char.of(to));
    }

    static String quote(String text) {
        return "'" + text + "'";
    }
}
