package dev.apigwmcp.generator.emit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable UTF-8 byte buffer for assembling JSON documents from already serialised pieces, so that a tool's
 * schema text, most of its catalog entry, is copied as bytes once instead of going through a {@code String}, a
 * line-prefixing {@code replace} and an encoder. Not thread-safe; one per document.
 */
final class Utf8Buffer {

    private byte[] bytes;
    private int length;

    Utf8Buffer(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    Utf8Buffer append(byte[] piece) {
        return append(piece, 0, piece.length);
    }

    Utf8Buffer append(byte[] piece, int from, int to) {
        int count = to - from;
        ensure(count);
        System.arraycopy(piece, from, bytes, length, count);
        length += count;
        return this;
    }

    /** Appends text as UTF-8 (names and punctuation: short). */
    Utf8Buffer append(String text) {
        return append(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Appends pretty JSON as it reads nested in a pretty document: every line but the first prefixed by
     * {@code prefix}. JSON strings never hold a raw line break, so every {@code \n} byte ends a line.
     */
    Utf8Buffer appendNested(byte[] pretty, byte[] prefix) {
        int start = 0;
        for (int i = 0; i < pretty.length; i++) {
            if (pretty[i] == '\n') {
                append(pretty, start, i + 1).append(prefix);
                start = i + 1;
            }
        }
        return append(pretty, start, pretty.length);
    }

    byte[] toBytes() {
        return Arrays.copyOf(bytes, length);
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
