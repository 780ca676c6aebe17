package dev.apigwmcp.runtime.inbound;

import dev.apigwmcp.runtime.protocol.JsonRpc;
import dev.apigwmcp.runtime.protocol.RpcError;
import dev.apigwmcp.runtime.tools.Caller;
import dev.apigwmcp.runtime.transport.HttpTransport;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handler in front of the MCP endpoint: {@code GET /healthz} and {@code GET /readyz} without authorization (and
 * without Host checks, as probes address the gateway by its address); with inbound authorization, the protected
 * resource metadata (public) and, for every other path, the bearer token check. A request that passes goes on with
 * its {@link Caller} in {@link HttpTransport#CALLER_ATTRIBUTE}; every path behind this gate (the MCP endpoint, and
 * a metrics endpoint served by the transport) needs the token.
 */
public final class InboundGate extends Handler.Wrapper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InboundGate.class);
    static final String HEALTH = "/healthz";
    static final String READY = "/readyz";

    private final String mcpPath;
    private final Authorizer authorizer;
    private final ProtectedResource resource;
    private final Set<String> metadataPaths;
    private final Readiness readiness;

    /** @param authorizer {@code null} without inbound authorization (then {@code resource} is {@code null} too) */
    InboundGate(String mcpPath, Authorizer authorizer, ProtectedResource resource, Readiness readiness) {
        this.mcpPath = mcpPath;
        this.authorizer = authorizer;
        this.resource = resource;
        this.metadataPaths = resource == null ? Set.of() : resource.metadataPaths();
        this.readiness = readiness;
    }

    /** Whether requests need a verified token. */
    public boolean authorizes() {
        return authorizer != null;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (HEALTH.equals(path) || READY.equals(path)) {
            // No details: a probe needs the status, an attacker would like versions, targets and counts.
            boolean up = HEALTH.equals(path) || readiness.isReady();
            return plain(request, response, callback, up ? HttpStatus.OK_200 : HttpStatus.SERVICE_UNAVAILABLE_503,
                    up ? "ok\n" : "not ready\n");
        }
        if (authorizer == null) {
            request.setAttribute(HttpTransport.CALLER_ATTRIBUTE, new Caller(null, Set.of(), null, false,
                    headers(request)));
            return super.handle(request, response, callback);
        }
        if (metadataPaths.contains(path)) {
            return metadata(request, response, callback);
        }
        Authorizer.Decision decision = authorizer.authorize(request.getHeaders().getValuesList(HttpHeader.AUTHORIZATION));
        if (decision instanceof Authorizer.Refused refused) {
            return refuse(request, response, callback, refused);
        }
        Authorizer.Admitted admitted = (Authorizer.Admitted) decision;
        request.setAttribute(HttpTransport.CALLER_ATTRIBUTE, new Caller(admitted.subject(), admitted.scopes(),
                admitted.token(), admitted.readOnlyTools(), headers(request)));
        return super.handle(request, response, callback);
    }

    private URI resourceOf(Request request) {
        return resource.resource(request.getHttpURI().getScheme(), request.getHttpURI().getAuthority());
    }

    private boolean metadata(Request request, Response response, Callback callback) {
        // Public metadata, read by browser-based clients too: any origin may read it.
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        if ("OPTIONS".equals(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, "GET, OPTIONS");
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, "*");
            response.setStatus(HttpStatus.NO_CONTENT_204);
            callback.succeeded();
            return true;
        }
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD, OPTIONS");
            return plain(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "use GET\n");
        }
        byte[] document = resource.document(resourceOf(request));
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, "HEAD".equals(request.getMethod()) ? ByteBuffer.allocate(0) : ByteBuffer.wrap(document),
                callback);
        return true;
    }

    private boolean refuse(Request request, Response response, Callback callback, Authorizer.Refused refused) {
        URI metadataUrl = ProtectedResource.metadataUrl(resourceOf(request));
        StringBuilder challenge = new StringBuilder("Bearer resource_metadata=\"").append(metadataUrl).append('"');
        if (!refused.scope().isEmpty()) {
            challenge.append(", scope=\"").append(String.join(" ", refused.scope())).append('"');
        }
        if (refused.error() != null) {
            challenge.append(", error=\"").append(refused.error()).append('"');
        }
        if (refused.description() != null) {
            challenge.append(", error_description=\"").append(refused.description()).append('"');
        }
        String why = refused.description() == null ? "no bearer token" : refused.description();
        if (refused.error() == null) {
            LOG.debug("refused {} {}: {} ({})", request.getMethod(), Request.getPathInContext(request), why,
                    refused.status());
        } else {
            LOG.info("refused {} {}: {} ({})", request.getMethod(), Request.getPathInContext(request), why,
                    refused.status());
        }
        response.setStatus(refused.status());
        response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, challenge.toString());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        String message = (refused.status() == HttpStatus.FORBIDDEN_403 ? "Forbidden: " : refused.status()
                == HttpStatus.BAD_REQUEST_400 ? "Bad request: " : "Unauthorized: ") + why
                + "; see the WWW-Authenticate header and " + metadataUrl;
        response.write(true, ByteBuffer.wrap(JsonRpc.error(null, RpcError.of(JsonRpc.INVALID_REQUEST, message))),
                callback);
        return true;
    }

    private static boolean plain(Request request, Response response, Callback callback, int status, String text) {
        if (status == HttpStatus.OK_200 || status == HttpStatus.SERVICE_UNAVAILABLE_503) {
            if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
                response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
                status = HttpStatus.METHOD_NOT_ALLOWED_405;
                text = "use GET\n";
            }
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, "HEAD".equals(request.getMethod()) ? ByteBuffer.allocate(0)
                : ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    /**
     * The request's headers that may ever be forwarded, by lower-case name (most of a request's are not: left out
     * here, per request, rather than copied for {@link Caller} to drop).
     */
    private static Map<String, List<String>> headers(Request request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            String name = field.getLowerCaseName();
            if (Caller.notForwardable(name) == null) {
                headers.computeIfAbsent(name, n -> new ArrayList<>()).add(field.getValue());
            }
        }
        return headers;
    }

    @Override
    public void close() {
        if (authorizer != null) {
            authorizer.close();
        }
    }

    @Override
    public String toString() {
        return "InboundGate[" + mcpPath + (authorizer == null ? ", no authorization" : ", bearer tokens") + "]";
    }
}
