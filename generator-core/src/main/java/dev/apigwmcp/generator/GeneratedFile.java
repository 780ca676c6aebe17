package dev.apigwmcp.generator;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One emitted file, held in memory until written.
 *
 * @param kind         Java source or resource
 * @param relativePath path below the source or resource root, with {@code /} separators
 * @param content      the bytes (UTF-8 text)
 */
public record GeneratedFile(Kind kind, String relativePath, byte[] content) {

    /** Where a file goes: the compile source root or the resource root. */
    public enum Kind {
        JAVA,
        RESOURCE
    }

    public GeneratedFile {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(content, "content");
    }

    public static GeneratedFile text(Kind kind, String relativePath, String text) {
        return new GeneratedFile(kind, relativePath, text.getBytes(StandardCharsets.UTF_8));
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
