package dev.apigwmcp.runtime.upstream;

/** HTTP's syntax for names, and how a character or text is shown in a message about it. */
public final class HttpSyntax {

    /** Longest part of a bad name or value quoted in a message. */
    private static final int MAX_QUOTED = 64;

    private HttpSyntax() {}

    /** RFC 9110 token: the only characters a header, cookie or query-parameter name of ours may have. */
    public static boolean isTokenChar(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /** A character as a message names it: {@code 'a'}, or {@code U+000A} when it is not visible ASCII. */
    public static String describe(char c) {
        if (c < 0x20 || c == 0x7F || c > 0x7E) {
            return String.format("U+%04X", (int) c);
        }
        return "'" + c + "'";
    }

    /** Text safe to quote in a message: control characters as {@code ?}, at most 64 characters. */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && i < MAX_QUOTED; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7F ? '?' : c);
        }
        return out.toString();
    }
}
