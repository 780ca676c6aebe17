package dev.apigwmcp.runtime.upstream;

import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding that keeps only the unreserved characters ({@code A-Z a-z 0-9 - . _ ~}). Everything else,
 * including {@code / ? # % & = + ;} and spaces, is encoded from its UTF-8 bytes, so an encoded value is always one
 * opaque path segment or query component. It is also exactly the encoding SigV4 uses for canonical requests.
 */
public final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {}

    public static String encode(String value) {
        StringBuilder out = null;
        int length = value.length();
        for (int i = 0; i < length; i++) {
            if (!isUnreserved(value.charAt(i))) {
                out = new StringBuilder(length + 16).append(value, 0, i);
                appendEncoded(out, value.substring(i));
                break;
            }
        }
        return out == null ? value : out.toString();
    }

    private static void appendEncoded(StringBuilder out, String rest) {
        for (byte b : rest.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (isUnreserved(c)) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
    }

    public static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }
}
