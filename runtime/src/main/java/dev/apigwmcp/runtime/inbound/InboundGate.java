package dev.apigwmcp.runtime.inbound;

import dev.apigwmcp.runtime.tools.Caller;
import dev.apigwmcp.runtime.transport.HttpTransport;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The handler in front of the MCP endpoint: {@code GET /healthz} and {@code GET /readyz} without authorization (and
 * without Host checks, as probes address the gateway by its address); every other request goes through the
 * {@link InboundCheck} (with inbound authorization, the protected resource metadata and the bearer token check). A
 * request that passes goes on with its {@link Caller} in {@link HttpTransport#CALLER_ATTRIBUTE}; every path behind
 * this gate (the MCP endpoint, and a metrics endpoint served by the transport) needs the token.
 */
public final class InboundGate extends Handler.Wrapper implements AutoCloseable {

    static final String HEALTH = "/healthz";
    static final String READY = "/readyz";

    private final String mcpPath;
    private final InboundCheck check;
    private final Readiness readiness;

    InboundGate(String mcpPath, InboundCheck check, Readiness readiness) {
        this.mcpPath = mcpPath;
        this.check = check;
        this.readiness = readiness;
    }

    /** Whether requests need a verified token. */
    public boolean authorizes() {
        return check.authorizes();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (HEALTH.equals(path) || READY.equals(path)) {
            // No details: a probe needs the status, an attacker would like versions, targets and counts.
            boolean up = HEALTH.equals(path) || readiness.isReady();
            return plain(
                    request,
                    response,
                    callback,
                    up ? HttpStatus.OK_200 : HttpStatus.SERVICE_UNAVAILABLE_503,
                    up ? "ok\n" : "not ready\n");
        }
        InboundCheck.Outcome outcome = check.check(
                request.getMethod(),
                path,
                request.getHttpURI().getScheme(),
                request.getHttpURI().getAuthority(),
                request.getHeaders().getValuesList(HttpHeader.AUTHORIZATION),
                headers(request));
        if (outcome instanceof InboundCheck.Answer answer) {
            response.setStatus(answer.status());
            answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
            response.write(true, ByteBuffer.wrap(answer.body()), callback);
            return true;
        }
        request.setAttribute(HttpTransport.CALLER_ATTRIBUTE, ((InboundCheck.Pass) outcome).caller());
        return super.handle(request, response, callback);
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
        response.write(
                true,
                "HEAD".equals(request.getMethod())
                        ? ByteBuffer.allocate(0)
                        : ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)),
                callback);
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
        check.close();
    }

    @Override
    public String toString() {
        return "InboundGate[" + mcpPath + (check.authorizes() ? ", bearer tokens" : ", no authorization") + "]";
    }
}
