package dev.apigwmcp.generator.read;

/** Builds RFC 6901 JSON pointers ({@code ~} → {@code ~0}, {@code /} → {@code ~1}). */
public final class JsonPointer {

    private JsonPointer() {
    }

    /** Escapes one reference token. */
    public static String escape(String token) {
        if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
            return token;
        }
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** {@code base} + {@code /} + the escaped token. */
    public static String append(String base, String token) {
        return base + "/" + escape(token);
    }

    /** {@code base} + {@code /} + the index. */
    public static String append(String base, int index) {
        return base + "/" + index;
    }
}
