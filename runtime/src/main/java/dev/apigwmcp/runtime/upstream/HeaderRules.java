package dev.apigwmcp.runtime.upstream;

import dev.apigwmcp.runtime.spi.ArgumentException;

/** Checks header and cookie names and values so that no argument can start a new header line or request. */
final class HeaderRules {

    private HeaderRules() {}

    /** RFC 9110 token: the only characters a header or cookie name may have. */
    static void checkName(String argument, String name) {
        if (name == null || name.isEmpty()) {
            throw new ArgumentException(argument, "has an empty header or cookie name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isTokenChar(c)) {
                throw new ArgumentException(
                        argument,
                        "name '" + printable(name) + "' is not a valid HTTP token" + " (character " + describe(c)
                                + " at " + i + ")");
            }
        }
    }

    static boolean isTokenChar(char c) {
        return HttpSyntax.isTokenChar(c);
    }

    /** Header values: visible ISO-8859-1 characters, space and tab. CR, LF and NUL get their own message. */
    static void checkValue(String argument, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                throw new ArgumentException(
                        argument,
                        "contains a line break (CR or LF) at position " + i + ", which a header value cannot carry");
            }
            if (c == 0) {
                throw new ArgumentException(argument, "contains a NUL character at position " + i);
            }
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                throw new ArgumentException(
                        argument,
                        "contains control character " + describe(c) + " at position " + i
                                + ", which a header value cannot carry");
            }
            if (c > 0xFF) {
                throw new ArgumentException(
                        argument,
                        "contains " + describe(c) + " at position " + i + "; header values are limited to ISO-8859-1");
            }
        }
    }

    /** RFC 6265 cookie-octet: no CTLs, whitespace, DQUOTE, comma, semicolon or backslash. */
    static void checkCookieValue(String argument, String value) {
        checkValue(argument, value);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == '"' || c == ',' || c == ';' || c == '\\' || c >= 0x7F) {
                throw new ArgumentException(
                        argument,
                        "contains " + describe(c) + " at position " + i + ", which a cookie value cannot carry");
            }
        }
    }

    private static String describe(char c) {
        return HttpSyntax.describe(c);
    }

    private static String printable(String text) {
        return HttpSyntax.printable(text);
    }
}
