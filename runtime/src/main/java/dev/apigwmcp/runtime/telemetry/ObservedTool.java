package dev.apigwmcp.runtime.telemetry;

import java.net.URI;

/**
 * The fixed facts of a tool that telemetry reports: names and the request's shape, never values.
 *
 * @param target       the target's name, or {@code null} for a name that is no tool (reported in the log only)
 * @param tool         the tool's name
 * @param method       its HTTP method ({@code ANY} when an argument chooses it)
 * @param pathTemplate its path template as in the export, such as {@code /pets/{petId}}
 * @param baseUri      the target's base URL (scheme, host, port and stage path; no values), or {@code null}
 */
public record ObservedTool(String target, String tool, String method, String pathTemplate, URI baseUri) {

    /** A name that is no tool of this gateway: logged, never a metric label or span (clients choose it). */
    public static ObservedTool unknown(String name) {
        return new ObservedTool(null, name, null, null, null);
    }

    /** Whether this is a tool of the gateway (so it may label metrics). */
    public boolean known() {
        return target != null;
    }

    /** The request's path template below the host: the base URL's path (the stage) and the tool's template. */
    public String urlTemplate() {
        String base = baseUri == null || baseUri.getRawPath() == null ? "" : baseUri.getRawPath();
        return base + (pathTemplate == null ? "" : pathTemplate);
    }
}
