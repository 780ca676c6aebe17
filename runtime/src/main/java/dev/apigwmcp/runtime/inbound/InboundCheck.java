package dev.apigwmcp.runtime.inbound;

import dev.apigwmcp.runtime.protocol.JsonRpc;
import dev.apigwmcp.runtime.protocol.RpcError;
import dev.apigwmcp.runtime.tools.Caller;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inbound authorization of one request, whatever carried it (the HTTP transport's {@link InboundGate}, or an AWS
 * Lambda event): the protected resource metadata for its well-known paths, the bearer token check for every other
 * path, and the {@link Caller} a request that passes goes on as. Transport-neutral, so that every way into the
 * gateway refuses with the same status, challenge and body.
 */
public final class InboundCheck implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InboundGate.class);

    private final Authorizer authorizer;
    private final ProtectedResource resource;
    private final Set<String> metadataPaths;

    /** @param authorizer {@code null} without inbound authorization (then {@code resource} is {@code null} too) */
    InboundCheck(Authorizer authorizer, ProtectedResource resource) {
        this.authorizer = authorizer;
        this.resource = resource;
        this.metadataPaths = resource == null ? Set.of() : resource.metadataPaths();
    }

    /** What becomes of a request. */
    public sealed interface Outcome permits Pass, Answer {}

    /** The request goes on, as this caller. */
    public record Pass(Caller caller) implements Outcome {}

    /**
     * The request is answered here: a refusal with its challenge, or the metadata document.
     *
     * @param headers response headers by their usual spelling
     */
    public record Answer(int status, Map<String, String> headers, byte[] body) implements Outcome {
        public Answer {
            headers = Map.copyOf(headers);
        }
    }

    /** Whether requests need a verified token. */
    public boolean authorizes() {
        return authorizer != null;
    }

    /**
     * Decides for one request.
     *
     * @param method        the HTTP method, upper case
     * @param path          the request's path on this server
     * @param scheme        the scheme the client used ({@code http} or {@code https})
     * @param authority     the authority the client addressed ({@code Host})
     * @param authorization every {@code Authorization} header of the request
     * @param headers       the request's headers by lower-case name, for the caller's forwardable ones
     */
    public Outcome check(
            String method,
            String path,
            String scheme,
            String authority,
            List<String> authorization,
            Map<String, List<String>> headers) {
        if (authorizer == null) {
            return new Pass(new Caller(null, Set.of(), null, false, headers));
        }
        if (metadataPaths.contains(path)) {
            return metadata(method, scheme, authority);
        }
        Authorizer.Decision decision = authorizer.authorize(authorization);
        if (decision instanceof Authorizer.Refused refused) {
            return refuse(method, path, resource.resource(scheme, authority), refused);
        }
        Authorizer.Admitted admitted = (Authorizer.Admitted) decision;
        return new Pass(
                new Caller(admitted.subject(), admitted.scopes(), admitted.token(), admitted.readOnlyTools(), headers));
    }

    private Answer metadata(String method, String scheme, String authority) {
        // Public metadata, read by browser-based clients too: any origin may read it.
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Access-Control-Allow-Origin", "*");
        if ("OPTIONS".equals(method)) {
            headers.put("Access-Control-Allow-Methods", "GET, OPTIONS");
            headers.put("Access-Control-Allow-Headers", "*");
            return new Answer(204, headers, new byte[0]);
        }
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            headers.put("Allow", "GET, HEAD, OPTIONS");
            headers.put("Content-Type", "text/plain; charset=utf-8");
            return new Answer(405, headers, "use GET\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        headers.put("Content-Type", "application/json");
        headers.put("Cache-Control", "no-store");
        byte[] document = resource.document(resource.resource(scheme, authority));
        return new Answer(200, headers, "HEAD".equals(method) ? new byte[0] : document);
    }

    private static Answer refuse(String method, String path, URI resourceUrl, Authorizer.Refused refused) {
        URI metadataUrl = ProtectedResource.metadataUrl(resourceUrl);
        StringBuilder challenge = new StringBuilder("Bearer resource_metadata=\"")
                .append(metadataUrl)
                .append('"');
        if (!refused.scope().isEmpty()) {
            challenge
                    .append(", scope=\"")
                    .append(String.join(" ", refused.scope()))
                    .append('"');
        }
        if (refused.error() != null) {
            challenge.append(", error=\"").append(refused.error()).append('"');
        }
        if (refused.description() != null) {
            challenge
                    .append(", error_description=\"")
                    .append(refused.description())
                    .append('"');
        }
        String why = refused.description() == null ? "no bearer token" : refused.description();
        if (refused.error() == null) {
            LOG.debug("refused {} {}: {} ({})", method, path, why, refused.status());
        } else {
            LOG.info("refused {} {}: {} ({})", method, path, why, refused.status());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("WWW-Authenticate", challenge.toString());
        headers.put("Content-Type", "application/json");
        headers.put("Cache-Control", "no-store");
        String message =
                (refused.status() == 403 ? "Forbidden: " : refused.status() == 400 ? "Bad request: " : "Unauthorized: ")
                        + why + "; see the WWW-Authenticate header and " + metadataUrl;
        return new Answer(
                refused.status(), headers, JsonRpc.error(null, RpcError.of(JsonRpc.INVALID_REQUEST, message)));
    }

    @Override
    public void close() {
        if (authorizer != null) {
            authorizer.close();
        }
    }
}
