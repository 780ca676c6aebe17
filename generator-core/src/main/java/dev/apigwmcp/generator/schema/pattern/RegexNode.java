package dev.apigwmcp.generator.schema.pattern;

import java.util.List;

/**
 * A regular expression as java.util.regex reads it, limited to what ECMA-262 can say as well. The reader builds it
 * (refusing everything else), the writer spells it so both engines read it back the same.
 *
 * <p>Leaves keep the text they were read from ({@code spelling}) so that a pattern that needs no change is written
 * back byte for byte; {@code null} means "made up here", written in the canonical form.
 */
sealed interface RegexNode {

    /** What can stand inside a character class ({@code [...]}). */
    sealed interface ClassItem {}

    /** A class item that can also stand on its own: it matches one character. */
    sealed interface CharItem extends RegexNode, ClassItem {}

    /** {@code a|b|c}: at least two branches. */
    record Alternation(List<RegexNode> branches) implements RegexNode {
        public Alternation {
            branches = List.copyOf(branches);
        }
    }

    /** Items matched one after the other; may be empty. */
    record Sequence(List<RegexNode> items) implements RegexNode {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    enum GroupKind {
        CAPTURING("("),
        NAMED("(?<"),
        NON_CAPTURING("(?:"),
        LOOKAHEAD("(?="),
        NEGATIVE_LOOKAHEAD("(?!"),
        LOOKBEHIND("(?<="),
        NEGATIVE_LOOKBEHIND("(?<!");

        final String opening;

        GroupKind(String opening) {
            this.opening = opening;
        }

        boolean assertion() {
            return this == LOOKAHEAD || this == NEGATIVE_LOOKAHEAD || this == LOOKBEHIND || this == NEGATIVE_LOOKBEHIND;
        }
    }

    /** A group; {@code name} only for {@link GroupKind#NAMED}. */
    record Group(GroupKind kind, String name, RegexNode body) implements RegexNode {}

    /**
     * A quantified atom.
     *
     * @param max      {@code -1} for no upper bound
     * @param spelling the quantifier as read ({@code {2,5}?}); both engines spell counted quantifiers alike
     */
    record Repeat(RegexNode atom, int min, int max, boolean lazy, String spelling) implements RegexNode {}

    /** One code point. */
    record Char(int codePoint, String spelling) implements CharItem {
        static Char of(int codePoint) {
            return new Char(codePoint, null);
        }
    }

    /** {@code a-z} inside a class. */
    record Range(Char from, Char to) implements ClassItem {}

    /** {@code .} */
    record Dot() implements RegexNode {}

    enum AnchorKind {
        START("^"),
        END("$"),
        WORD_BOUNDARY("\\b"),
        NOT_WORD_BOUNDARY("\\B");

        final String text;

        AnchorKind(String text) {
            this.text = text;
        }
    }

    record Anchor(AnchorKind kind) implements RegexNode {}

    /** {@code \1} (name {@code null}) or {@code \k<name>}. */
    record BackReference(int group, String name) implements RegexNode {}

    /** {@code \d \D \w \W \s \S}. */
    record Shorthand(char letter) implements CharItem {}

    /** {@code \p{name}} or {@code \P{name}} with a name both engines accept. */
    record Property(String name, boolean negated) implements CharItem {}

    /**
     * A Java class with no ECMA-262 escape ({@code \p{Alpha}}, {@code \h}, ...), written as its members.
     *
     * @param javaSpelling how Java wrote it, for messages
     * @param members      ranges, characters and properties, never negated sets
     */
    record CharSet(String javaSpelling, List<ClassItem> members, boolean negated) implements CharItem {
        public CharSet {
            members = List.copyOf(members);
        }
    }

    /** {@code [...]} or {@code [^...]}, never empty. */
    record CharClass(boolean negated, List<ClassItem> items) implements RegexNode {
        public CharClass {
            items = List.copyOf(items);
        }
    }
}
