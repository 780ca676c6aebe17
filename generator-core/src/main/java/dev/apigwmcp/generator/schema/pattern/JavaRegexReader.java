package dev.apigwmcp.generator.schema.pattern;

import dev.apigwmcp.generator.schema.pattern.RegexNode.Alternation;
import dev.apigwmcp.generator.schema.pattern.RegexNode.Anchor;
import dev.apigwmcp.generator.schema.pattern.RegexNode.AnchorKind;
import dev.apigwmcp.generator.schema.pattern.RegexNode.BackReference;
import dev.apigwmcp.generator.schema.pattern.RegexNode.Char;
import dev.apigwmcp.generator.schema.pattern.RegexNode.CharClass;
import dev.apigwmcp.generator.schema.pattern.RegexNode.CharItem;
import dev.apigwmcp.generator.schema.pattern.RegexNode.CharSet;
import dev.apigwmcp.generator.schema.pattern.RegexNode.ClassItem;
import dev.apigwmcp.generator.schema.pattern.RegexNode.Dot;
import dev.apigwmcp.generator.schema.pattern.RegexNode.Group;
import dev.apigwmcp.generator.schema.pattern.RegexNode.GroupKind;
import dev.apigwmcp.generator.schema.pattern.RegexNode.Range;
import dev.apigwmcp.generator.schema.pattern.RegexNode.Repeat;
import dev.apigwmcp.generator.schema.pattern.RegexNode.Sequence;
import dev.apigwmcp.generator.schema.pattern.RegexNode.Shorthand;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a pattern the way java.util.regex (without flags) reads it — the engine the runtime validates with — into a
 * {@link RegexNode} tree, and refuses, with the reason, every construct ECMA-262 in unicode mode cannot say or says
 * differently: possessive quantifiers, atomic groups, inline flags, {@code \Z}, {@code \G}, {@code \R}, {@code \X},
 * nested classes and intersections, Unicode blocks, back-references Java and JavaScript resolve differently.
 *
 * <p>Java's own rules are followed where they surprise: a {@code ]} right after {@code [} or {@code [^} is a
 * literal, a {@code -} after a class escape is a literal, {@code \Q...\E} quotes, {@code \cx} is {@code x ^ 64},
 * {@code \0} needs octal digits. One instance reads one pattern.
 */
final class JavaRegexReader {

    /** Nesting beyond this is refused rather than recursed into (real patterns nest a handful deep). */
    static final int MAX_DEPTH = 200;
    /** Java's inline flag letters, as in {@code (?i)} or {@code (?-x:...)}. */
    private static final String JAVA_FLAGS = "idmsuxUc-";

    private static final String HORIZONTAL = "\\h";
    private static final String VERTICAL = "\\v";

    private final String text;
    private int pos;
    private int groupsOpened;
    private final BitSet groupsClosed = new BitSet();
    private final Map<String, Integer> names = new HashMap<>();
    private int lookbehinds;
    private int depth;

    private JavaRegexReader(String text) {
        this.text = text;
    }

    /** The tree of {@code pattern}; throws {@link PatternProblem} when it is invalid or cannot be made portable. */
    static RegexNode read(String pattern) {
        JavaRegexReader reader = new JavaRegexReader(unquote(pattern));
        RegexNode node = reader.alternation();
        if (reader.pos < reader.text.length()) {
            throw invalidAt("unmatched ')'", reader.pos);
        }
        return node;
    }

    // ---------------------------------------------------------------- structure

    private RegexNode alternation() {
        List<RegexNode> branches = new ArrayList<>();
        branches.add(sequence());
        while (peek() == '|') {
            pos++;
            branches.add(sequence());
        }
        return branches.size() == 1 ? branches.get(0) : new Alternation(branches);
    }

    private RegexNode sequence() {
        List<RegexNode> items = new ArrayList<>();
        while (pos < text.length() && peek() != '|' && peek() != ')') {
            int start = pos;
            RegexNode atom = atom();
            if (isQuantifierStart()) {
                if (atom instanceof Anchor
                        || atom instanceof Group g && g.kind().assertion()) {
                    throw unportableAt(
                            "repeats an assertion (" + text.substring(start, pos) + ")",
                            pos,
                            "JavaScript rejects in unicode mode");
                }
                atom = quantifier(atom);
                if (isQuantifierStart()) {
                    throw unportableAt("repeats a repetition", pos, "JavaScript rejects");
                }
            }
            items.add(atom);
        }
        return items.size() == 1 ? items.get(0) : new Sequence(items);
    }

    private boolean isQuantifierStart() {
        int c = peek();
        return c == '*' || c == '+' || c == '?' || c == '{';
    }

    private RegexNode atom() {
        int start = pos;
        int c = next();
        switch (c) {
            case '(' -> {
                return group(start);
            }
            case '[' -> {
                return charClass(start);
            }
            case '.' -> {
                return new Dot();
            }
            case '^' -> {
                return new Anchor(AnchorKind.START);
            }
            case '$' -> {
                return new Anchor(AnchorKind.END);
            }
            case '\\' -> {
                return escape(start);
            }
            case '*', '+', '?' -> throw invalidAt("dangling meta character '" + (char) c + "'", start);
            case '{' -> throw invalidAt("illegal repetition", start);
            default -> {
                return new Char(c, text.substring(start, pos));
            }
        }
    }

    private RegexNode quantifier(RegexNode atom) {
        int start = pos;
        int c = next();
        int min;
        int max;
        if (c == '*') {
            min = 0;
            max = -1;
        } else if (c == '+') {
            min = 1;
            max = -1;
        } else if (c == '?') {
            min = 0;
            max = 1;
        } else {
            if (!isDigit(peek())) {
                throw invalidAt("illegal repetition", start);
            }
            min = number(start);
            max = min;
            if (peek() == ',') {
                pos++;
                max = isDigit(peek()) ? number(start) : -1;
            }
            if (peek() != '}') {
                throw invalidAt("unclosed counted closure", pos);
            }
            pos++;
            if (max != -1 && max < min) {
                throw invalidAt("illegal repetition range", start);
            }
        }
        boolean lazy = false;
        if (peek() == '?') {
            pos++;
            lazy = true;
        } else if (peek() == '+') {
            throw unportableAt(
                    "uses the possessive quantifier '" + text.substring(start, pos + 1) + "'",
                    start,
                    "JavaScript does not have");
        }
        return new Repeat(atom, min, max, lazy, text.substring(start, pos));
    }

    private int number(int start) {
        long value = 0;
        while (isDigit(peek())) {
            value = value * 10 + (next() - '0');
            if (value > Integer.MAX_VALUE) {
                throw invalidAt("repetition count too large", start);
            }
        }
        return (int) value;
    }

    private RegexNode group(int start) {
        if (++depth > MAX_DEPTH) {
            throw PatternProblem.unportable("nests groups more than " + MAX_DEPTH + " deep (at index " + start
                    + "), deeper than this generator translates");
        }
        GroupKind kind;
        String name = null;
        if (peek() != '?') {
            kind = GroupKind.CAPTURING;
        } else {
            pos++;
            int c = pos < text.length() ? next() : -1;
            if (c == ':') {
                kind = GroupKind.NON_CAPTURING;
            } else if (c == '=') {
                kind = GroupKind.LOOKAHEAD;
            } else if (c == '!') {
                kind = GroupKind.NEGATIVE_LOOKAHEAD;
            } else if (c == '<' && peek() == '=') {
                pos++;
                kind = GroupKind.LOOKBEHIND;
            } else if (c == '<' && peek() == '!') {
                pos++;
                kind = GroupKind.NEGATIVE_LOOKBEHIND;
            } else if (c == '<') {
                kind = GroupKind.NAMED;
                name = groupName(start);
            } else if (c == '>') {
                throw unportableAt("uses the atomic group '(?>'", start, "JavaScript does not have");
            } else if (c != -1 && JAVA_FLAGS.indexOf(c) >= 0) {
                int end = pos;
                while (end < text.length() && JAVA_FLAGS.indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                if (end < text.length() && (text.charAt(end) == ')' || text.charAt(end) == ':')) {
                    throw unportableAt(
                            "uses the inline flags '" + text.substring(start, end + 1) + "'",
                            start,
                            "JavaScript does not have");
                }
                throw invalidAt("unknown inline modifier", start);
            } else {
                throw invalidAt("unknown inline modifier", start);
            }
        }
        int number = 0;
        if (kind == GroupKind.CAPTURING || kind == GroupKind.NAMED) {
            number = ++groupsOpened;
            if (name != null) {
                names.put(name, number);
            }
        }
        boolean behind = kind == GroupKind.LOOKBEHIND || kind == GroupKind.NEGATIVE_LOOKBEHIND;
        if (behind) {
            lookbehinds++;
        }
        RegexNode body = alternation();
        if (peek() != ')') {
            throw invalidAt("unclosed group", start);
        }
        pos++;
        if (behind) {
            lookbehinds--;
        }
        if (number > 0) {
            groupsClosed.set(number);
        }
        depth--;
        return new Group(kind, name, body);
    }

    private String groupName(int start) {
        int begin = pos;
        if (!isAsciiLetter(peek())) {
            throw invalidAt("capturing group name does not start with a Latin letter", start);
        }
        while (isAsciiLetter(peek()) || isDigit(peek())) {
            pos++;
        }
        if (peek() != '>') {
            throw invalidAt("named capturing group is missing trailing '>'", start);
        }
        String name = text.substring(begin, pos);
        pos++;
        if (names.containsKey(name)) {
            throw invalidAt("named capturing group <" + name + "> is already defined", start);
        }
        return name;
    }

    // ---------------------------------------------------------------- escapes outside classes

    private RegexNode escape(int start) {
        if (pos >= text.length()) {
            throw invalidAt("unexpected internal error (trailing backslash)", start);
        }
        int c = next();
        switch (c) {
            case 'A' -> {
                return new Anchor(AnchorKind.START);
            }
            case 'z' -> {
                return new Anchor(AnchorKind.END);
            }
            case 'b' -> {
                if (peek() == '{') {
                    throw unportableAt("uses the grapheme boundary '\\b{g}'", start, "JavaScript does not have");
                }
                return new Anchor(AnchorKind.WORD_BOUNDARY);
            }
            case 'B' -> {
                return new Anchor(AnchorKind.NOT_WORD_BOUNDARY);
            }
            case 'Z' ->
                throw unportableAt(
                        "uses '\\Z' (end of input or before a final line break)", start, "JavaScript does not have");
            case 'G' -> throw unportableAt("uses '\\G' (end of the previous match)", start, "JavaScript does not have");
            case 'R' -> throw unportableAt("uses '\\R' (any line break)", start, "JavaScript does not have");
            case 'X' -> throw unportableAt("uses '\\X' (a grapheme cluster)", start, "JavaScript does not have");
            case 'k' -> {
                return namedReference(start);
            }
            case '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
                return numberedReference(c - '0', start);
            }
            default -> {
                return classOrCharEscape(start, false);
            }
        }
    }

    private RegexNode numberedReference(int first, int start) {
        // Java takes more digits only while the number names a group opened so far.
        int number = first;
        while (isDigit(peek()) && number * 10 + (peek() - '0') <= groupsOpened) {
            number = number * 10 + (next() - '0');
        }
        return reference(number, null, start);
    }

    private RegexNode namedReference(int start) {
        if (peek() != '<') {
            throw invalidAt("\\k is not followed by '<' for named capturing group", start);
        }
        pos++;
        int end = text.indexOf('>', pos);
        if (end < 0) {
            throw invalidAt("named capturing group is missing trailing '>'", start);
        }
        String name = text.substring(pos, end);
        pos = end + 1;
        Integer number = names.get(name);
        if (number == null) {
            throw invalidAt("named capturing group <" + name + "> does not exist", start);
        }
        return reference(number, name, start);
    }

    private RegexNode reference(int number, String name, int start) {
        String written = text.substring(start, pos);
        if (number > groupsOpened) {
            throw unportableAt(
                    "refers to group " + number + " (" + written + "), which does not exist at that" + " point",
                    start,
                    "Java never matches and JavaScript rejects");
        }
        if (!groupsClosed.get(number)) {
            throw unportableAt(
                    "refers to group " + number + " (" + written + ") from inside it",
                    start,
                    "Java and JavaScript match differently");
        }
        if (lookbehinds > 0) {
            throw unportableAt(
                    "uses a back-reference (" + written + ") inside a lookbehind",
                    start,
                    "Java and JavaScript evaluate differently");
        }
        return new BackReference(number, name);
    }

    /**
     * The escape at {@code start} that stands for characters: a {@link Char}, a {@link Shorthand}, a property or
     * a {@link CharSet}; inside and outside classes alike. {@code rangeStart}: Java reads {@code \v} as U+000B
     * where it starts or ends a range, elsewhere as any vertical whitespace.
     */
    private CharItem classOrCharEscape(int start, boolean rangeStart) {
        pos = start + 1;
        if (pos >= text.length()) {
            throw invalidAt("unexpected internal error (trailing backslash)", start);
        }
        int c = next();
        switch (c) {
            case 'd', 'D', 'w', 'W', 's', 'S' -> {
                return new Shorthand((char) c);
            }
            case 'h', 'H' -> {
                return horizontal(c == 'H');
            }
            case 'v' -> {
                return rangeStart ? new Char(0x0B, null) : vertical(false);
            }
            case 'V' -> {
                return vertical(true);
            }
            case 'p', 'P' -> {
                return property(start, c == 'P');
            }
            case '0' -> {
                return octal(start);
            }
            case 'x' -> {
                return hex(start);
            }
            case 'u' -> {
                return unicode(start);
            }
            case 'c' -> {
                if (pos >= text.length()) {
                    throw invalidAt("illegal control escape sequence", start);
                }
                return new Char(next() ^ 64, text.substring(start, pos));
            }
            case 't' -> {
                return new Char('\t', "\\t");
            }
            case 'n' -> {
                return new Char('\n', "\\n");
            }
            case 'r' -> {
                return new Char('\r', "\\r");
            }
            case 'f' -> {
                return new Char('\f', "\\f");
            }
            case 'a' -> {
                return new Char(0x07, "\\a");
            }
            case 'e' -> {
                return new Char(0x1B, "\\e");
            }
            case 'N' -> throw unportableAt("uses a named character '\\N{...}'", start, "JavaScript does not have");
            default -> {
                if (isAsciiLetter(c) || isDigit(c)) {
                    throw invalidAt("illegal/unsupported escape sequence", start);
                }
                return new Char(c, text.substring(start, pos));
            }
        }
    }

    private CharItem property(int start, boolean negated) {
        String name;
        if (peek() == '{') {
            int end = text.indexOf('}', pos);
            if (end < 0) {
                throw invalidAt("unclosed character family", start);
            }
            name = text.substring(pos + 1, end);
            pos = end + 1;
        } else if (pos < text.length()) {
            name = new String(Character.toChars(next()));
        } else {
            throw invalidAt("illegal character property", start);
        }
        return JavaProperties.resolve(name, negated, text.substring(start, pos));
    }

    private Char octal(int start) {
        // \0n, \0nn, \0mnn (m <= 3)
        int value = 0;
        int digits = 0;
        int limit = peek() >= '0' && peek() <= '3' ? 3 : 2;
        while (digits < limit && peek() >= '0' && peek() <= '7') {
            value = value * 8 + (next() - '0');
            digits++;
        }
        if (digits == 0) {
            throw invalidAt("illegal octal escape sequence", start);
        }
        return new Char(value, text.substring(start, pos));
    }

    private Char hex(int start) {
        if (peek() == '{') {
            int end = text.indexOf('}', pos);
            if (end < 0 || end == pos + 1 || !isHex(text, pos + 1, end)) {
                throw invalidAt("illegal hexadecimal escape sequence", start);
            }
            long value = Long.parseLong(text.substring(pos + 1, Math.min(end, pos + 10)), 16);
            if (end - pos - 1 > 8 || value > Character.MAX_CODE_POINT) {
                throw invalidAt("hexadecimal codepoint is too big", start);
            }
            pos = end + 1;
            return new Char((int) value, text.substring(start, pos));
        }
        if (pos + 2 > text.length() || !isHex(text, pos, pos + 2)) {
            throw invalidAt("illegal hexadecimal escape sequence", start);
        }
        pos += 2;
        return new Char(Integer.parseInt(text.substring(pos - 2, pos), 16), text.substring(start, pos));
    }

    private Char unicode(int start) {
        int unit = fourHex(start);
        if (Character.isHighSurrogate((char) unit)
                && text.startsWith("\\u", pos)
                && pos + 6 <= text.length()
                && isHex(text, pos + 2, pos + 6)) {
            int low = Integer.parseInt(text.substring(pos + 2, pos + 6), 16);
            if (Character.isLowSurrogate((char) low)) {
                pos += 6;
                return new Char(Character.toCodePoint((char) unit, (char) low), text.substring(start, pos));
            }
        }
        return new Char(unit, text.substring(start, pos));
    }

    private int fourHex(int start) {
        if (pos + 4 > text.length() || !isHex(text, pos, pos + 4)) {
            throw invalidAt("illegal Unicode escape sequence", start);
        }
        pos += 4;
        return Integer.parseInt(text.substring(pos - 4, pos), 16);
    }

    private static CharSet horizontal(boolean negated) {
        return new CharSet(
                negated ? "\\H" : HORIZONTAL,
                List.of(
                        Char.of(' '),
                        Char.of('\t'),
                        Char.of(0xA0),
                        Char.of(0x1680),
                        Char.of(0x180E),
                        JavaProperties.range(0x2000, 0x200A),
                        Char.of(0x202F),
                        Char.of(0x205F),
                        Char.of(0x3000)),
                negated);
    }

    private static CharSet vertical(boolean negated) {
        return new CharSet(
                negated ? "\\V" : VERTICAL,
                List.of(JavaProperties.range('\n', '\r'), Char.of(0x85), JavaProperties.range(0x2028, 0x2029)),
                negated);
    }

    // ---------------------------------------------------------------- classes

    private RegexNode charClass(int start) {
        boolean negated = false;
        if (peek() == '^') {
            pos++;
            negated = true;
        }
        List<ClassItem> items = new ArrayList<>();
        while (true) {
            if (pos >= text.length()) {
                throw invalidAt("unclosed character class", start);
            }
            int c = peek();
            if (c == '[') {
                throw unportableAt(
                        "uses a nested character class", pos, "Java reads as a union and JavaScript as a literal '['");
            }
            if (c == '&' && pos + 1 < text.length() && text.charAt(pos + 1) == '&') {
                throw unportableAt(
                        "uses the character-class intersection '&&'", pos, "JavaScript reads as two '&' characters");
            }
            if (c == ']' && !items.isEmpty()) {
                pos++;
                break;
            }
            items.add(classItem());
        }
        return classOf(negated, items, text.substring(start, pos));
    }

    /** A negated Java set ({@code \P{Alpha}}, {@code \H}) can only stand alone: JavaScript has no class algebra. */
    private static RegexNode classOf(boolean negated, List<ClassItem> items, String written) {
        if (items.size() == 1 && items.get(0) instanceof CharSet set && set.negated()) {
            return new CharClass(!negated, set.members());
        }
        for (ClassItem item : items) {
            if (item instanceof CharSet set && set.negated()) {
                throw PatternProblem.unportable("uses " + JavaProperties.quote(set.javaSpelling())
                        + " beside other members of the class " + JavaProperties.quote(written)
                        + ", which JavaScript cannot express");
            }
        }
        return new CharClass(negated, items);
    }

    /** Java's {@code range()}: one character, a range, or an escape that is a class of its own. */
    private ClassItem classItem() {
        int start = pos;
        Char first;
        if (peek() == '\\') {
            boolean rangeStart = pos + 2 < text.length() && text.charAt(pos + 2) == '-';
            CharItem item = classOrCharEscape(start, rangeStart);
            if (!(item instanceof Char c)) {
                return item;
            }
            first = c;
        } else {
            int c = next();
            first = new Char(c, text.substring(start, pos));
        }
        if (peek() == '-' && pos + 1 < text.length()) {
            int after = text.charAt(pos + 1);
            if (after != '[' && after != ']') {
                pos++;
                Char last = rangeEnd();
                if (last.codePoint() < first.codePoint()) {
                    throw invalidAt("illegal character range", start);
                }
                return new Range(first, last);
            }
        }
        return first;
    }

    private Char rangeEnd() {
        int start = pos;
        if (peek() == '\\') {
            // Java reads \v at a range's end as U+000B, as at its start.
            CharItem item = classOrCharEscape(start, true);
            if (item instanceof Char c) {
                return c;
            }
            throw invalidAt("illegal character range", start);
        }
        int c = next();
        return new Char(c, text.substring(start, pos));
    }

    // ---------------------------------------------------------------- \Q...\E

    /**
     * Java's first step: {@code \Q...\E} becomes the same characters escaped (letters, digits and non-ASCII stay
     * plain), so that everything after sees ordinary escapes.
     */
    static String unquote(String pattern) {
        int begin = quoteStart(pattern, 0);
        if (begin < 0) {
            return pattern;
        }
        StringBuilder out = new StringBuilder(pattern.length() + 16);
        int from = 0;
        while (begin >= 0) {
            out.append(pattern, from, begin);
            int i = begin + 2;
            int end = pattern.indexOf("\\E", i);
            int stop = end < 0 ? pattern.length() : end;
            for (; i < stop; i = pattern.offsetByCodePoints(i, 1)) {
                int c = pattern.codePointAt(i);
                if (c < 0x80 && !Character.isLetterOrDigit(c)) {
                    out.append('\\');
                }
                out.appendCodePoint(c);
            }
            from = end < 0 ? pattern.length() : end + 2;
            begin = quoteStart(pattern, from);
        }
        out.append(pattern, from, pattern.length());
        return out.toString();
    }

    private static int quoteStart(String pattern, int from) {
        for (int i = from; i < pattern.length() - 1; i++) {
            if (pattern.charAt(i) == '\\') {
                if (pattern.charAt(i + 1) == 'Q') {
                    return i;
                }
                i++;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- characters

    private int peek() {
        return pos < text.length() ? text.codePointAt(pos) : -1;
    }

    private int next() {
        int c = text.codePointAt(pos);
        pos += Character.charCount(c);
        return c;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static PatternProblem invalidAt(String what, int index) {
        return PatternProblem.invalid("is not a valid regular expression (" + what + " near index " + index + ")");
    }

    private static PatternProblem unportableAt(String what, int index, String consequence) {
        return PatternProblem.unportable(what + " at index " + index + ", which " + consequence);
    }
}
