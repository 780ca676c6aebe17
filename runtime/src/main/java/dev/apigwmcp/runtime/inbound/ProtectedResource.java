package dev.apigwmcp.runtime.inbound;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The gateway as an OAuth 2.0 protected resource (RFC 9728): its URL, the metadata document that names the
 * issuer, and where that document is served. The MCP authorization spec has clients find the document from the
 * {@code resource_metadata} of a 401's challenge, else at the path-suffixed well-known URL, else at the root one;
 * all are served.
 *
 * @param configured the public URL of the MCP endpoint ({@code inbound.resource}), or {@code null}: each request's
 *                   own URL (scheme, {@code Host} and the endpoint's path)
 * @param mcpPath    the endpoint's path on this server
 * @param issuer     the authorization server clients get tokens from
 * @param scopes     {@code scopes_supported}
 */
record ProtectedResource(URI configured, String mcpPath, String issuer, List<String> scopes) {

    static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    ProtectedResource {
        scopes = List.copyOf(scopes);
    }

    /** The paths the metadata is served at. */
    Set<String> metadataPaths() {
        Set<String> paths = new LinkedHashSet<>(List.of(WELL_KNOWN, WELL_KNOWN + mcpPath));
        if (configured != null
                && configured.getRawPath() != null
                && configured.getRawPath().length() > 1) {
            // Behind a proxy that serves the endpoint under another path, clients derive the document's URL from it.
            paths.add(WELL_KNOWN + configured.getRawPath());
        }
        return paths;
    }

    /** The resource's URL for a request that reached this server as {@code scheme://authority}. */
    URI resource(String scheme, String authority) {
        if (configured != null) {
            return configured;
        }
        try {
            URI derived = new URI(scheme + "://" + authority + mcpPath);
            if (derived.getHost() != null) {
                return derived;
            }
        } catch (java.net.URISyntaxException e) {
            // an odd Host header: fall through
        }
        return URI.create("http://localhost" + mcpPath);
    }

    /** Where the metadata of this resource is (RFC 9728 section 3.1: the well-known part before the path). */
    static URI metadataUrl(URI resource) {
        String path = resource.getRawPath() == null || resource.getRawPath().equals("/") ? "" : resource.getRawPath();
        return URI.create(resource.getScheme() + "://" + resource.getRawAuthority() + WELL_KNOWN + path);
    }

    /** The metadata document (RFC 9728 section 2). */
    byte[] document(URI resource) {
        ObjectNode document = JSON.createObjectNode();
        document.put("resource", resource.toString());
        document.putArray("authorization_servers").add(issuer);
        ArrayNode supported = document.putArray("scopes_supported");
        scopes.forEach(supported::add);
        document.putArray("bearer_methods_supported").add("header");
        document.put("resource_name", "apigw-mcp");
        return JSON.writeValueAsString(document).getBytes(StandardCharsets.UTF_8);
    }
}
