package dev.apigwmcp.runtime.transport;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * CORS for the MCP endpoint, in front of everything else on its path (inbound authorization included), so that a
 * browser-based client served from an origin the endpoint already admits (a loopback origin, or one of
 * {@code --allowed-origins}) can use it: the preflight {@code OPTIONS} is answered without a token (a browser sends
 * none with it), and every answer names the origin and exposes {@code Mcp-Session-Id} and {@code WWW-Authenticate},
 * which a script could not read otherwise. An origin the endpoint refuses gets no CORS header and its 403, as before;
 * so does every origin that only a {@code *} admits (it is meant for clients behind a proxy, not for every web
 * page); a request without {@code Origin} (not a browser) passes untouched.
 */
final class CrossOrigin extends Handler.Wrapper {
    static final String EXPOSED = McpEndpoint.SESSION_HEADER + ", WWW-Authenticate";
    static final String METHODS = "POST, DELETE";
    /** How long a browser may keep a preflight's answer, in seconds. */
    static final String MAX_AGE = "600";

    private final McpEndpoint endpoint;
    private final String path;

    CrossOrigin(McpEndpoint endpoint, String path, Handler next) {
        super(next);
        this.endpoint = endpoint;
        this.path = path;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin == null
                || !path.equals(Request.getPathInContext(request))
                || !endpoint.originNamed(origin)
                || endpoint.screenHostAndOrigin(new McpHttpHandler.JettyHead(request)) != null) {
            return super.handle(request, response, callback);
        }
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        response.getHeaders().add(HttpHeader.VARY, "Origin");
        String preflight = request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD);
        if (!"OPTIONS".equals(request.getMethod()) || preflight == null) {
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED);
            return super.handle(request, response, callback);
        }
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, METHODS);
        // The origin is admitted: it may send what any other client may (protocol headers, forwarded ones).
        String headers = request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_HEADERS);
        if (headers != null) {
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, headers);
        }
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_MAX_AGE, MAX_AGE);
        response.setStatus(HttpStatus.NO_CONTENT_204);
        callback.succeeded();
        return true;
    }
}
