package dev.apigwmcp.generator.schema.pattern;

import dev.apigwmcp.generator.schema.pattern.RegexNode.Alternation;
import dev.apigwmcp.generator.schema.pattern.RegexNode.Anchor;
import dev.apigwmcp.generator.schema.pattern.RegexNode.BackReference;
import dev.apigwmcp.generator.schema.pattern.RegexNode.Char;
import dev.apigwmcp.generator.schema.pattern.RegexNode.CharClass;
import dev.apigwmcp.generator.schema.pattern.RegexNode.CharSet;
import dev.apigwmcp.generator.schema.pattern.RegexNode.ClassItem;
import dev.apigwmcp.generator.schema.pattern.RegexNode.Dot;
import dev.apigwmcp.generator.schema.pattern.RegexNode.Group;
import dev.apigwmcp.generator.schema.pattern.RegexNode.GroupKind;
import dev.apigwmcp.generator.schema.pattern.RegexNode.Property;
import dev.apigwmcp.generator.schema.pattern.RegexNode.Range;
import dev.apigwmcp.generator.schema.pattern.RegexNode.Repeat;
import dev.apigwmcp.generator.schema.pattern.RegexNode.Sequence;
import dev.apigwmcp.generator.schema.pattern.RegexNode.Shorthand;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Spells a {@link RegexNode} tree in the syntax ECMA-262 accepts in unicode mode and java.util.regex reads the same
 * way: no identity escape of a character that is not syntax ({@code \:} becomes {@code :}), {@code ]}, {@code {}
 * and {@code }} escaped where they are literals, a {@code -} inside a class escaped unless it is first or last,
 * control and invisible characters as {@code \xHH} or a four-digit Unicode escape, never {@code \0} or an octal
 * escape.
 *
 * <p>With {@code keepSpelling}, a leaf read from text that is already fit for both engines is written back as it
 * was, so that a pattern needing no change comes out byte for byte; without it every leaf is written canonically
 * (used to compare two trees).
 */
final class EcmaRegexWriter {

    /** Characters that are syntax outside a class, escaped when literal. ECMA's SyntaxCharacter less {@code /}. */
    private static final String SYNTAX = "^$\\.*+?()[]{}|";
    /** Spellings of one character that both engines read the same everywhere. */
    private static final Pattern PORTABLE_ESCAPE =
            Pattern.compile("\\\\[\\^$\\\\.*+?()\\[\\]{}|/]|\\\\[tnrf]|\\\\x[0-9A-Fa-f]{2}|\\\\c[A-Z]"
                    + "|\\\\u[0-9A-Fa-f]{4}(?:\\\\u[0-9A-Fa-f]{4})?");

    private final boolean keepSpelling;
    private final StringBuilder out = new StringBuilder();

    private EcmaRegexWriter(boolean keepSpelling) {
        this.keepSpelling = keepSpelling;
    }

    /** The pattern text; leaves that need no change keep their spelling. */
    static String write(RegexNode node) {
        EcmaRegexWriter writer = new EcmaRegexWriter(true);
        writer.node(node);
        return writer.out.toString();
    }

    /** One spelling per tree, whatever the leaves were read from: equal trees give equal text. */
    static String canonical(RegexNode node) {
        EcmaRegexWriter writer = new EcmaRegexWriter(false);
        writer.node(node);
        return writer.out.toString();
    }

    private void node(RegexNode node) {
        if (node instanceof Alternation a) {
            for (int i = 0; i < a.branches().size(); i++) {
                if (i > 0) {
                    out.append('|');
                }
                node(a.branches().get(i));
            }
        } else if (node instanceof Sequence s) {
            sequence(s.items());
        } else if (node instanceof Group g) {
            out.append(g.kind().opening);
            if (g.kind() == GroupKind.NAMED) {
                out.append(g.name()).append('>');
            }
            node(g.body());
            out.append(')');
        } else if (node instanceof Repeat r) {
            node(r.atom());
            out.append(keepSpelling ? r.spelling() : quantifier(r));
        } else if (node instanceof Char c) {
            out.append(outsideClass(c));
        } else if (node instanceof Dot) {
            out.append('.');
        } else if (node instanceof Anchor a) {
            out.append(a.kind().text);
        } else if (node instanceof BackReference b) {
            out.append(b.name() == null ? "\\" + b.group() : "\\k<" + b.name() + ">");
        } else if (node instanceof CharSet set) {
            charClass(set.negated(), set.members());
        } else if (node instanceof CharClass c) {
            charClass(c.negated(), c.items());
        } else {
            simpleItem((ClassItem) node);
        }
    }

    private void sequence(List<RegexNode> items) {
        boolean afterNumberedReference = false;
        for (RegexNode item : items) {
            int at = out.length();
            node(item);
            // "\1" followed by a literal "2" would read as "\12": keep them apart.
            if (afterNumberedReference && out.length() > at && Character.isDigit(out.charAt(at))) {
                out.insert(at, "(?:)");
            }
            afterNumberedReference = item instanceof BackReference b && b.name() == null;
        }
    }

    private static String quantifier(Repeat r) {
        String base;
        if (r.min() == 0 && r.max() == -1) {
            base = "*";
        } else if (r.min() == 1 && r.max() == -1) {
            base = "+";
        } else if (r.min() == 0 && r.max() == 1) {
            base = "?";
        } else if (r.min() == r.max()) {
            base = "{" + r.min() + "}";
        } else {
            base = "{" + r.min() + "," + (r.max() == -1 ? "" : r.max()) + "}";
        }
        return r.lazy() ? base + "?" : base;
    }

    // ---------------------------------------------------------------- classes

    private void charClass(boolean negated, List<ClassItem> items) {
        out.append(negated ? "[^" : "[");
        int first = out.length();
        for (int i = 0; i < items.size(); i++) {
            // A plain '-' is a literal to both engines first, last, or right after a range; elsewhere ECMA-262
            // would read a range (or, after a class escape, reject the class).
            boolean plainDash = i == 0 || i == items.size() - 1 || items.get(i - 1) instanceof Range;
            classItem(items.get(i), plainDash, first);
        }
        out.append(']');
    }

    private void classItem(ClassItem item, boolean plainDash, int first) {
        if (item instanceof Char c) {
            classChar(c, plainDash, first);
        } else if (item instanceof Range r) {
            classChar(r.from(), false, first);
            out.append('-');
            classChar(r.to(), false, first);
        } else if (item instanceof CharSet set) {
            // The reader never puts a negated set beside other items, so this one is not negated.
            for (ClassItem member : set.members()) {
                classItem(member, false, first);
            }
        } else {
            simpleItem(item);
        }
    }

    /** The escapes written alike inside and outside classes. */
    private void simpleItem(ClassItem item) {
        if (item instanceof Shorthand s) {
            out.append('\\').append(s.letter());
        } else {
            Property p = (Property) item;
            out.append(p.negated() ? "\\P{" : "\\p{").append(p.name()).append('}');
        }
    }

    /** A character inside a class; {@code plainDash}: a plain '-' is a literal to both engines here. */
    private void classChar(Char c, boolean plainDash, int first) {
        int cp = c.codePoint();
        String spelling = c.spelling();
        boolean atStart = out.length() == first;
        String text;
        if (keepSpelling && spelling != null && portableInClass(spelling, cp, plainDash)) {
            text = spelling;
        } else if (cp == '\\' || cp == ']' || cp == '[' || cp == '-' || cp == '^') {
            text = "\\" + (char) cp;
        } else {
            text = escapedIfInvisible(cp);
        }
        if (cp == '^' && atStart && text.equals("^")) {
            text = "\\^"; // would negate the class
        } else if (cp == '&' && text.equals("&") && out.length() > first && out.charAt(out.length() - 1) == '&') {
            text = "\\x26"; // "&&" is Java's intersection
        }
        out.append(text);
    }

    private static boolean portableInClass(String spelling, int cp, boolean plainDash) {
        if (spelling.equals("\\-")) {
            return true; // ECMA-262 allows it inside a class in unicode mode
        }
        if (isSingle(spelling, cp)) {
            return cp == '-' ? plainDash : cp != '\\' && cp != ']' && cp != '[';
        }
        return PORTABLE_ESCAPE.matcher(spelling).matches();
    }

    private String outsideClass(Char c) {
        int cp = c.codePoint();
        String spelling = c.spelling();
        if (keepSpelling && spelling != null) {
            if (isSingle(spelling, cp)
                    ? SYNTAX.indexOf(cp) < 0
                    : PORTABLE_ESCAPE.matcher(spelling).matches()) {
                return spelling;
            }
        }
        if (cp < 0x80 && SYNTAX.indexOf(cp) >= 0) {
            return "\\" + (char) cp;
        }
        return escapedIfInvisible(cp);
    }

    private static boolean isSingle(String spelling, int cp) {
        return spelling.length() == Character.charCount(cp) && spelling.codePointAt(0) == cp;
    }

    /** The character itself when it can be seen; else an escape both engines read as that code point. */
    private static String escapedIfInvisible(int cp) {
        if (visible(cp)) {
            return new String(Character.toChars(cp));
        }
        switch (cp) {
            case '\t':
                return "\\t";
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\f':
                return "\\f";
            default:
                break;
        }
        if (cp <= 0xFF) {
            return String.format(Locale.ROOT, "\\x%02X", cp);
        }
        if (cp <= 0xFFFF) {
            return String.format(Locale.ROOT, "\\u%04X", cp);
        }
        // Both engines join an escaped surrogate pair into one code point.
        return String.format(
                Locale.ROOT, "\\u%04X\\u%04X", (int) Character.highSurrogate(cp), (int) Character.lowSurrogate(cp));
    }

    /** Printable and not blank (a space is visible enough); no controls, formats, separators or surrogates. */
    private static boolean visible(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.SURROGATE,
                    Character.PRIVATE_USE,
                    Character.UNASSIGNED,
                    Character.SPACE_SEPARATOR,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
