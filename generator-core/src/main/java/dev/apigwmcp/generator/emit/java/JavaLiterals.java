package dev.apigwmcp.generator.emit.java;

/**
 * Java string literals written straight into JavaPoet format text, in place of a {@code $S} argument. JavaPoet
 * renders every part of a code block separately, twice per file (once to collect imports), and a {@code $S} is a
 * part of its own with the text around it cut into two more; the literal inside the format text joins that text.
 * The literal is exactly what {@code $S} renders (JavaPoet's escapes, and its {@code "..\n" + ".."} continuation
 * for line breaks with the file's indent); a test compares the two.
 */
final class JavaLiterals {

    private JavaLiterals() {}

    /** {@code value} as a Java string literal, with {@code $} doubled so that it reads as itself in format text. */
    static String format(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2);
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                case '$' -> out.append("$$");
                case '\n' -> {
                    out.append("\\n");
                    if (i + 1 < value.length()) {
                        out.append("\"\n")
                                .append(JavaEmitter.INDENT)
                                .append(JavaEmitter.INDENT)
                                .append("+ \"");
                    }
                }
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
