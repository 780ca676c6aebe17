package dev.apigwmcp.generator.schema;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** JSON pointer (RFC 6901) and URI fragment helpers. */
final class Pointers {
    private Pointers() {
    }

    /** {@code base} + one escaped segment. */
    static String child(String base, String segment) {
        return base + "/" + escape(segment);
    }

    static String child(String base, String keyword, int index) {
        return base + "/" + keyword + "/" + index;
    }

    static String escape(String segment) {
        if (segment.indexOf('~') < 0 && segment.indexOf('/') < 0) {
            return segment;
        }
        return segment.replace("~", "~0").replace("/", "~1");
    }

    static String unescape(String segment) {
        if (segment.indexOf('~') < 0) {
            return segment;
        }
        return segment.replace("~1", "/").replace("~0", "~");
    }

    /**
     * Decodes %XX escapes of a URI fragment (a {@code $ref} may percent-encode characters such as braces).
     * Unlike URLDecoder, '+' stays '+'. Returns null when an escape is malformed.
     */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder text = new StringBuilder(s.length());
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    return null;
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                pending.write(hi * 16 + lo);
                i += 2;
            } else {
                flush(pending, text);
                text.append(c);
            }
        }
        flush(pending, text);
        return text.toString();
    }

    /** Escaped bytes form UTF-8 sequences, so they are decoded together. */
    private static void flush(ByteArrayOutputStream pending, StringBuilder text) {
        if (pending.size() > 0) {
            text.append(pending.toString(StandardCharsets.UTF_8));
            pending.reset();
        }
    }
}
