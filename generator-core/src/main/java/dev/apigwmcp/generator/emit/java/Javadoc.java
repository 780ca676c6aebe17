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

    CodeBlock render() {
        CodeBlock.Builder out = CodeBlock.builder();
        if (!summary.isBlank()) {
            out.add("$L\n", summary);
        }
        if (!params.isEmpty()) {
            out.add("\n");
            for (String[] param : params) {
                out.add("@param $L $L\n", param[0], safe(param[1]));
            }
        }
        return out.build();
    }

    static String safe(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("*/", "*&#47;").replace("\\", "&#92;").replace("@", "&#64;");
    }
}
