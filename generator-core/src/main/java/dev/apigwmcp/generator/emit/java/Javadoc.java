package dev.apigwmcp.generator.emit.java;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Javadoc text from API descriptions, made safe for Java source: no comment terminator, no backslash (a
 * {@code \}{@code u} sequence would be read as a Unicode escape even inside a comment), no stray HTML.
 */
final class Javadoc {

    private final String summary;
    private final List<String[]> params = new ArrayList<>();

    /** @param summary Javadoc text that is already safe (build untrusted parts with {@link #safe}) */
    Javadoc(String summary) {
        this.summary = summary;
    }

    /** A Javadoc whose whole summary is untrusted API text. */
    static Javadoc ofText(String text) {
        return new Javadoc(safe(text));
    }

    Javadoc param(String name, String description) {
        params.add(new String[] {name, description});
        return this;
    }

    /**
     * The Javadoc block as one {@code $L} part: JavaPoet renders every part of a block separately (twice per file)
     * and splits each at line breaks anyway, so one part with all lines renders the same text with less work.
     */
    CodeBlock render() {
        StringBuilder text = new StringBuilder(summary.length() + 64 * params.size());
        if (!summary.isBlank()) {
            text.append(summary).append('\n');
        }
        if (!params.isEmpty()) {
            text.append('\n');
            for (String[] param : params) {
                text.append("@param ")
                        .append(param[0])
                        .append(' ')
                        .append(safe(param[1]))
                        .append('\n');
            }
        }
        return CodeBlock.of("$L", text.toString());
    }

    static String safe(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\\' -> out.append("&#92;");
                case '@' -> out.append("&#64;");
                case '/' -> out.append(i > 0 && text.charAt(i - 1) == '*' ? "&#47;" : "/");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
