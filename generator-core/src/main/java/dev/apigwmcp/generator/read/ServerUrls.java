package dev.apigwmcp.generator.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apigwmcp.generator.model.ApiModel.SpecFormat;
import dev.apigwmcp.generator.problem.ProblemCollector;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The export's base URL, as {@code bindings.json} {@code server.url} carries it: the first server of an OpenAPI 3
 * document with its variables replaced by their defaults, or a Swagger 2.0 document's {@code host} and
 * {@code basePath}; parts joined with one slash ({@link UrlParts}), no trailing slash.
 *
 * <p>Read from the document itself, not from swagger-parser's model: the parser puts a server {@code /} in place of a
 * missing one and turns a Swagger 2.0 host without {@code schemes} into {@code //host/}, which would hide what the
 * export says. When the export names no usable host the result is the base path alone ({@code /v1}), which the
 * runtime joins onto the configured base URL, or {@code null} when there is no base path either; each such case is a
 * warning that names the run-time setting.
 */
final class ServerUrls {

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^{}]*)}");

    private final ProblemCollector problems;
    private final String setting;

    private ServerUrls(ProblemCollector problems) {
        this.problems = problems;
        this.setting = "--target." + problems.target() + ".base-url";
    }

    /** The base URL, a base path ({@code /v1}), or {@code null}; warnings go to {@code problems}. */
    static String read(JsonNode root, SpecFormat format, ProblemCollector problems) {
        ServerUrls urls = new ServerUrls(problems);
        return format == SpecFormat.SWAGGER_2_0 ? urls.swagger2(root) : urls.openApi(root);
    }

    private String openApi(JsonNode root) {
        JsonNode servers = root.get("servers");
        if (servers == null || !servers.isArray() || servers.isEmpty()) {
            problems.warning("/servers", "the export names no server URL: set it at run time with " + setting);
            return null;
        }
        JsonNode server = servers.get(0);
        JsonNode url = server.get("url");
        if (url == null || !url.isTextual() || url.textValue().isBlank()) {
            problems.warning(
                    "/servers/0", "the first server has no 'url': set the server URL at run time with " + setting);
            return null;
        }
        String expanded = expand(url.textValue().trim(), server.get("variables"));
        return split(expanded, "/servers/0/url", "/servers/0/url");
    }

    private String swagger2(JsonNode root) {
        JsonNode basePathNode = root.get("basePath");
        String basePath = basePathNode != null && basePathNode.isTextual()
                ? basePathNode.textValue().trim()
                : "";
        if (!basePath.isEmpty() && !basePath.startsWith("/")) {
            basePath = "/" + basePath;
        }
        JsonNode host = root.get("host");
        if (host == null || !host.isTextual() || host.textValue().isBlank()) {
            return basePathOnly(basePath, "/host", "the export has no 'host'", "/basePath");
        }
        return split(
                UrlParts.join(
                        scheme(root.get("schemes")) + "://" + host.textValue().trim(), basePath),
                "/host",
                "/basePath");
    }

    /** API Gateway serves HTTPS only; an export that lists it among others still means it. */
    private static String scheme(JsonNode schemes) {
        if (schemes != null && schemes.isArray() && !schemes.isEmpty()) {
            for (JsonNode scheme : schemes) {
                if ("https".equalsIgnoreCase(scheme.asText())) {
                    return "https";
                }
            }
            return schemes.get(0).asText().toLowerCase(java.util.Locale.ROOT);
        }
        return "https";
    }

    /** Each {@code {name}} with a default replaced by it, joined with one slash on either side. */
    private static String expand(String template, JsonNode variables) {
        Matcher matcher = VARIABLE.matcher(template);
        String joined = "";
        int last = 0;
        while (matcher.find()) {
            joined = UrlParts.join(joined, template.substring(last, matcher.start()));
            JsonNode value =
                    variables == null ? null : variables.path(matcher.group(1)).get("default");
            joined = UrlParts.join(
                    joined, value != null && value.isValueNode() && !value.isNull() ? value.asText() : matcher.group());
            last = matcher.end();
        }
        return UrlParts.join(joined, template.substring(last));
    }

    /** Splits {@code url} into host and path; a host that is incomplete leaves the path alone. */
    private String split(String url, String hostPointer, String pathPointer) {
        String absolute = url.startsWith("//") ? "https:" + url : url;
        Matcher scheme = SCHEME.matcher(absolute);
        if (!scheme.find()) {
            return basePathOnly(url, hostPointer, "the server URL '" + url + "' has no host", pathPointer);
        }
        int pathStart = absolute.indexOf('/', scheme.end());
        String origin = pathStart < 0 ? absolute : absolute.substring(0, pathStart);
        String path = pathStart < 0 ? "" : absolute.substring(pathStart);
        if (VARIABLE.matcher(origin).find()) {
            return basePathOnly(
                    path, hostPointer, "the host in '" + url + "' has a placeholder with no value", pathPointer);
        }
        path = UrlParts.withoutTrailingSlashes(path);
        if (VARIABLE.matcher(path).find()) {
            problems.warning(
                    pathPointer,
                    "the server URL '" + url + "' has a variable with no default: set the"
                            + " server URL at run time with " + setting);
            return null;
        }
        return origin + path;
    }

    /** The base path when the host is missing or unusable: kept for the runtime to join onto the setting. */
    private String basePathOnly(String path, String pointer, String why, String pathPointer) {
        String trimmed = UrlParts.withoutTrailingSlashes(path);
        if (VARIABLE.matcher(trimmed).find()) {
            problems.warning(
                    pathPointer,
                    why + " and its path '" + trimmed + "' a variable with no default: set"
                            + " the server URL at run time with " + setting);
            return null;
        }
        if (trimmed.isEmpty()) {
            problems.warning(pointer, why + ": set the server URL at run time with " + setting);
            return null;
        }
        String basePath = trimmed.startsWith("/") ? trimmed : "/" + trimmed;
        problems.warning(
                pointer,
                why + ": set the host at run time with " + setting + "; the base path '" + basePath
                        + "' is kept and joined onto it");
        return basePath;
    }
}
