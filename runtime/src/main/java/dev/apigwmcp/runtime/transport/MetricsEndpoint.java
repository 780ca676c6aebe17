package dev.apigwmcp.runtime.transport;

import dev.apigwmcp.runtime.telemetry.MetricsRegistry;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /metrics}: the call metrics in Prometheus' text format, for users without an OpenTelemetry collector.
 * Reached only through {@link McpHttpHandler}, so it is served on the MCP endpoint's bind address, behind the
 * handler in front of it (inbound authorization: a bearer token) and behind its Host and Origin checks.
 */
final class MetricsEndpoint {

    static final String PATH = "/metrics";

    private final MetricsRegistry metrics;

    MetricsEndpoint(MetricsRegistry metrics) {
        this.metrics = metrics;
    }

    boolean handle(Request request, Response response, Callback callback) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.setStatus(HttpStatus.METHOD_NOT_ALLOWED_405);
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            response.write(
                    true, ByteBuffer.wrap("Method not allowed: use GET\n".getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            metrics.writePrometheus(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, MetricsRegistry.CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        boolean head = "HEAD".equals(request.getMethod());
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(bytes.toByteArray()), callback);
        return true;
    }
}
