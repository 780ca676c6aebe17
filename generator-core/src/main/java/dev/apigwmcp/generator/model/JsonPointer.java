package dev.apigwmcp.generator.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * JSON pointers (RFC 6901) into an export: building them ({@code ~} → {@code ~0}, {@code /} → {@code ~1}) and
 * reading the pointer out of a {@code $ref}'s URI fragment. The one implementation the reader, the schema
 * converter and the compiler share.
 */
public final class JsonPointer {

    private JsonPointer() {}

    /** Escapes one reference token. */
    public static String escape(String token) {
        if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
            return token;
        }
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** Unescapes one reference token. */
    public static String unescape(String token) {
        if (token.indexOf('~') < 0) {
            return token;
        }
        return token.replace("~1", "/").replace("~0", "~");
    }

    /** {@code base} + {@code /} + the escaped token. */
    public static String append(String base, String token) {
        return base + "/" + escape(token);
    }

    /** {@code base} + {@code /} + the index. */
    public static String append(String base, int index) {
        return base + "/" + index;
    }

    /** {@code base} + {@code /keyword/} + the index (an element of {@code allOf}, say). */
    public static String append(String base, String keyword, int index) {
        return base + "/" + keyword + "/" + index;
    }

    /**
     * The JSON pointer of a local {@code $ref} ({@code #/components/schemas/Pet} → {@code /components/schemas/Pet}),
     * its %XX escapes decoded; null when the reference is not local or an escape is malformed.
     */
    public static String ofLocalRef(String ref) {
        return ref.startsWith("#/") ? percentDecode(ref.substring(1)) : null;
    }

    /**
     * Decodes %XX escapes of a URI fragment (a {@code $ref} may percent-encode characters such as braces).
     * Unlike URLDecoder, '+' stays '+'. Returns null when an escape is malformed.
     */
    public static String percentDecode(String s) {
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
