package dev.apigwmcp.generator.read;

/**
 * Joins the parts of a base URL with exactly one {@code /} between them. API Gateway's own exports are the reason:
 * {@code get-export} writes the stage as a server variable that starts with a slash after a URL that ends with one
 * ({@code https://…amazonaws.com/{basePath}} with {@code basePath} {@code /v1}), Swagger 2.0 writes {@code basePath}
 * {@code /}, and a runtime that appends {@code /pets} to either would send {@code //v1/pets} or {@code //pets}.
 */
final class UrlParts {

    private UrlParts() {}

    /**
     * {@code left} followed by {@code right}: where {@code left} ends with a slash and {@code right} starts with one,
     * a single slash stands for all of them; otherwise the two are concatenated as they are ({@code {sub}.example}
     * in a host joins without a slash).
     */
    static String join(String left, String right) {
        if (left.isEmpty() || right.isEmpty()) {
            return left + right;
        }
        if (left.charAt(left.length() - 1) != '/' || right.charAt(0) != '/') {
            return left + right;
        }
        if (left.endsWith("://")) {
            return left + right.substring(leadingSlashes(right)); // the scheme's slashes are not a separator
        }
        return withoutTrailingSlashes(left) + "/" + right.substring(leadingSlashes(right));
    }

    /** {@code text} without the slashes it ends with ({@code https://h/v1/} → {@code https://h/v1}). */
    static String withoutTrailingSlashes(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '/') {
            end--;
        }
        return text.substring(0, end);
    }

    private static int leadingSlashes(String text) {
        int count = 0;
        while (count < text.length() && text.charAt(count) == '/') {
            count++;
        }
        return count;
    }
}
