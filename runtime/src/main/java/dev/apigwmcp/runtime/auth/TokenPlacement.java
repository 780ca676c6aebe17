package dev.apigwmcp.runtime.auth;

import dev.apigwmcp.runtime.upstream.HttpSyntax;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Where a tool's bearer token goes ({@code bindings.json} {@code tools[].token}): Cognito and Lambda authorizers
 * read it from a header or query parameter they name, sometimes without the {@code Bearer } prefix.
 *
 * @param in     header or query parameter
 * @param name   the header or query parameter name (an HTTP token)
 * @param prefix the text sent before the token ({@code "Bearer "} or empty)
 */
public record TokenPlacement(CredentialLocation in, String name, String prefix) {

    /** OAuth2's default: {@code Authorization: Bearer <token>}. */
    public static final TokenPlacement AUTHORIZATION =
            new TokenPlacement(CredentialLocation.HEADER, "Authorization", "Bearer ");

    /** Headers a token cannot go in: the gateway or the HTTP client sets them, or SigV4 owns them. */
    private static final Set<String> FORBIDDEN_HEADERS = Set.of(
            "host",
            "content-length",
            "content-type",
            "transfer-encoding",
            "connection",
            "keep-alive",
            "upgrade",
            "expect",
            "te",
            "trailer",
            "cookie");

    public TokenPlacement {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        prefix = prefix == null ? "" : prefix;
    }

    /** Whether the token goes in the {@code Authorization} header, which SigV4 needs for its signature. */
    public boolean usesAuthorizationHeader() {
        return in == CredentialLocation.HEADER && name.equalsIgnoreCase("Authorization");
    }

    /** Why {@code name} cannot carry a token in {@code in}, or {@code null} when it can. */
    public static String nameProblem(CredentialLocation in, String name) {
        if (name.isEmpty()) {
            return "is empty";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!HttpSyntax.isTokenChar(c)) {
                return "is '" + HttpSyntax.printable(name) + "', which is not a valid header or parameter name"
                        + " (character " + HttpSyntax.describe(c) + " at " + i
                        + "; letters, digits and !#$%&'*+-.^_`|~ only)";
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (in == CredentialLocation.HEADER
                && (FORBIDDEN_HEADERS.contains(lower) || lower.startsWith("x-amz-") || lower.startsWith("proxy-"))) {
            return "is '" + name + "', a header the gateway sets itself";
        }
        if (in == CredentialLocation.QUERY && lower.startsWith("x-amz-")) {
            return "is '" + name + "', a query parameter SigV4 uses";
        }
        return null;
    }

    /** Why {@code prefix} cannot be sent before a token, or {@code null} when it can. */
    public static String prefixProblem(String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (c == '\r' || c == '\n') {
                return "contains a line break (CR or LF) at position " + i;
            }
            if (c < 0x20 || c == 0x7F) {
                return "contains control character " + String.format("U+%04X", (int) c) + " at position " + i;
            }
            if (c > 0xFF) {
                return "contains " + String.format("U+%04X", (int) c) + " at position " + i
                        + "; header values are limited to ISO-8859-1 (Latin-1)";
            }
        }
        return null;
    }
}
