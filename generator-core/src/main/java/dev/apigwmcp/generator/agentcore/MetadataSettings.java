package dev.apigwmcp.generator.agentcore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * AgentCore's {@code metadataConfiguration}: request headers it passed on become the gateway's
 * {@code forward-headers}; query parameters and response headers have no equivalent and are said so.
 */
final class MetadataSettings {

    private static final Set<String> CREDENTIALS =
            Set.of("authorization", "proxy-authorization", "cookie", "x-api-key");
    private static final Set<String> GATEWAY_OWNED = Set.of(
            "host",
            "content-length",
            "content-type",
            "content-encoding",
            "transfer-encoding",
            "connection",
            "keep-alive",
            "upgrade",
            "te",
            "trailer",
            "expect",
            "accept-encoding",
            "origin",
            "forwarded",
            "via");

    private final String target;
    private final Findings findings;

    MetadataSettings(String target, Findings findings) {
        this.target = target;
        this.findings = findings;
    }

    void read(JsonObject file, List<GatewaySetting> settings) {
        JsonObject metadata = file.object("metadataConfiguration", false);
        if (metadata == null) {
            return;
        }
        List<String> headers = metadata.strings("allowedRequestHeaders", false);
        if (headers != null) {
            List<String> forwarded = new ArrayList<>();
            for (int i = 0; i < headers.size(); i++) {
                String header = headers.get(i);
                if (neverForwarded(header)) {
                    findings.note(
                            metadata.pointer("allowedRequestHeaders") + "/" + i,
                            "the gateway never forwards " + header
                                    + " (a credential, or a header it sets itself); left out of forward-headers");
                } else if (!header.isEmpty()) {
                    forwarded.add(header);
                }
            }
            if (!forwarded.isEmpty()) {
                settings.add(new GatewaySetting(
                        "target." + target + ".forward-headers",
                        String.join(",", forwarded),
                        "metadataConfiguration.allowedRequestHeaders: headers of the MCP HTTP request sent on"));
            }
        }
        if (metadata.has("allowedQueryParameters")) {
            metadata.strings("allowedQueryParameters", false);
            findings.note(
                    metadata.pointer("allowedQueryParameters"),
                    "has no equivalent: apigw-mcp passes no"
                            + " query parameter of the MCP endpoint's URL on; a tool's query parameters are its arguments");
        }
        if (metadata.has("allowedResponseHeaders")) {
            metadata.strings("allowedResponseHeaders", false);
            findings.note(
                    metadata.pointer("allowedResponseHeaders"),
                    "has no equivalent: apigw-mcp returns the"
                            + " response body (text and structured content), not the upstream's headers");
        }
        metadata.unread("has no equivalent in apigw-mcp and is not imported");
    }

    /**
     * The headers the gateway refuses in forward-headers: the runtime's rule ({@code Caller.notForwardable}, which
     * generator-core cannot call), so the printed settings start; a difference would be refused at start, by name.
     */
    static boolean neverForwarded(String header) {
        String name = header.toLowerCase(Locale.ROOT);
        return CREDENTIALS.contains(name)
                || GATEWAY_OWNED.contains(name)
                || name.startsWith("x-amz-")
                || name.startsWith("proxy-")
                || name.startsWith("mcp-")
                || name.startsWith("sec-");
    }
}
