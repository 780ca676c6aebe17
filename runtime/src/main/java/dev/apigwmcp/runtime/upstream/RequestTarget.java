package dev.apigwmcp.runtime.upstream;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a tool's requests are built against, fixed at load time: method, path template, the base URL and the header
 * and query names that arguments may never set.
 *
 * @param method          upper-case method, or {@code ANY} when the {@code method} argument chooses it
 * @param path            the parsed path template
 * @param pathArguments   path variable name to the tool argument that fills it (for error messages)
 * @param baseUri         absolute {@code http(s)} base URL without trailing or doubled slash, query or fragment
 * @param reservedHeaders lower-case header names no argument may set (credentials, framing, host)
 * @param reservedQuery   query parameter names no argument may set (an API key sent in the query)
 * @param timeout         timeout of one upstream exchange
 */
public record RequestTarget(
        String method,
        PathTemplate path,
        Map<String, String> pathArguments,
        URI baseUri,
        Set<String> reservedHeaders,
        Set<String> reservedQuery,
        Duration timeout) {

    /** Headers that only the runtime sets: transport framing, routing and credentials. */
    public static final Set<String> ALWAYS_RESERVED_HEADERS = Set.of(
            "host",
            "authorization",
            "proxy-authorization",
            "content-length",
            "content-type",
            "transfer-encoding",
            "connection",
            "keep-alive",
            "upgrade",
            "expect",
            "te",
            "trailer",
            "cookie",
            "x-api-key",
            "forwarded",
            "x-forwarded-for",
            "x-forwarded-host",
            "x-forwarded-proto",
            "via");

    public RequestTarget {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(timeout, "timeout");
        pathArguments = Map.copyOf(pathArguments);
        TreeSet<String> headers = new TreeSet<>(ALWAYS_RESERVED_HEADERS);
        reservedHeaders.forEach(h -> headers.add(h.toLowerCase(Locale.ROOT)));
        reservedHeaders = Set.copyOf(headers);
        TreeSet<String> query = new TreeSet<>();
        reservedQuery.forEach(q -> query.add(q.toLowerCase(Locale.ROOT)));
        reservedQuery = Set.copyOf(query);
    }

    /**
     * Checks and normalises a configured or generated base URL: absolute {@code http}/{@code https} with a host, no
     * user info, query or fragment. Its path is normalised with {@link #basePath}, so that joining it with a path
     * template (which starts with {@code /}) always gives exactly one slash at the seam: API Gateway's own export
     * writes the stage as {@code {basePath}} with default {@code /v1} after a slash, giving
     * {@code https://host//v1}. Throws {@link IllegalArgumentException} naming the fault.
     */
    public static URI baseUri(String text) {
        return baseUri(text, "");
    }

    /**
     * {@link #baseUri(String)} with a base path appended, for an export whose server URL is only a path (such as
     * {@code /v1}) joined onto a configured base URL.
     */
    public static URI baseUri(String text, String basePath) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("'" + text + "' must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("'" + text + "' must name a host (and no user info)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("'" + text + "' must not have a query or fragment");
        }
        String path = basePath(uri.getRawPath()) + basePath(basePath);
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    /**
     * A URL path as a base path: each run of slashes becomes one, a trailing slash is dropped, so {@code //v1/}
     * gives {@code /v1} and {@code /} or {@code null} give the empty string. Percent-encoded characters (an
     * encoded slash {@code %2F} included) are kept as they are.
     */
    public static String basePath(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "";
        }
        StringBuilder path = new StringBuilder(rawPath.length() + 1);
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '/' && path.length() > 0 && path.charAt(path.length() - 1) == '/') {
                continue;
            }
            if (path.length() == 0 && c != '/') {
                path.append('/');
            }
            path.append(c);
        }
        if (path.length() > 0 && path.charAt(path.length() - 1) == '/') {
            path.setLength(path.length() - 1);
        }
        return path.toString();
    }
}
