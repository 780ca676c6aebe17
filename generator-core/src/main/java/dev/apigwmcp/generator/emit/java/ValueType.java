package dev.apigwmcp.generator.emit.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;

/**
 * How one JSON value maps to Java: its type and the code that reads it from JSON. Names that are Java identifiers
 * (readers, variables) and string literals ({@link JavaLiterals}) go into the format text itself rather than into
 * {@code $L} / {@code $S} arguments: JavaPoet renders every part of a block separately (twice per file), so fewer
 * parts render faster, and the text is the same.
 */
sealed interface ValueType {

    TypeName type();

    /**
     * An expression reading member {@code member} of the JSON object in variable {@code object}, followed by the
     * format text {@code after} (a separator, which then joins the expression's last part).
     */
    CodeBlock readMember(String object, String member, String after);

    /** A {@code Function<JsonNode, T>} reading one value (for list elements). */
    CodeBlock elementReader();

    /** String, Long, BigDecimal, Boolean or JsonNode (absent and JSON null both read as Java null). */
    record Scalar(JavaTypes.Scalar kind) implements ValueType {
        public TypeName type() {
            return kind.type;
        }

        public CodeBlock readMember(String object, String member, String after) {
            return CodeBlock.of(
                    "$T." + kind.memberReader + "(" + object + ", " + JavaLiterals.format(member) + ")" + after,
                    JavaTypes.ARGUMENTS);
        }

        public CodeBlock elementReader() {
            return kind.elementReader();
        }
    }

    /** A nullable value kept as JSON so that an explicit {@code null} survives the round trip. */
    record RawJson() implements ValueType {
        public TypeName type() {
            return JavaTypes.JSON_NODE;
        }

        public CodeBlock readMember(String object, String member, String after) {
            return CodeBlock.of(
                    "$T.raw(" + object + ", " + JavaLiterals.format(member) + ")" + after, JavaTypes.ARGUMENTS);
        }

        public CodeBlock elementReader() {
            return JavaTypes.Scalar.JSON.elementReader();
        }
    }

    /** {@code List<T>} of scalars or records. */
    record ListOf(ValueType element) implements ValueType {
        public TypeName type() {
            return JavaTypes.listOf(element.type());
        }

        public CodeBlock readMember(String object, String member, String after) {
            return CodeBlock.of(
                    "$T.list(" + object + ", " + JavaLiterals.format(member) + ", $L)" + after,
                    JavaTypes.ARGUMENTS,
                    element.elementReader());
        }

        public CodeBlock elementReader() {
            throw new IllegalStateException("lists of lists are mapped to JsonNode");
        }
    }

    /** A generated record with {@code static read(JsonNode)}. */
    record RecordOf(ClassName name) implements ValueType {
        public TypeName type() {
            return name;
        }

        public CodeBlock readMember(String object, String member, String after) {
            return CodeBlock.of(
                    "$T.object(" + object + ", " + JavaLiterals.format(member) + ", $T::read)" + after,
                    JavaTypes.ARGUMENTS,
                    name);
        }

        public CodeBlock elementReader() {
            return CodeBlock.of("$T::read", name);
        }
    }
}
