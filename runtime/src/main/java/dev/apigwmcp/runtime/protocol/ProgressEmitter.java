package dev.apigwmcp.runtime.protocol;

import dev.apigwmcp.runtime.tools.ProgressListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns {@link ProgressListener} calls into {@code notifications/progress} for one request. Drops values that do
 * not increase (the spec requires increasing progress) and anything after the request finished, so a late update
 * from the tool side never follows the response.
 */
final class ProgressEmitter implements ProgressListener {
    private final JsonNode token;
    private final NotificationSink sink;
    private double last = Double.NEGATIVE_INFINITY;
    private boolean closed;

    ProgressEmitter(JsonNode token, NotificationSink sink) {
        this.token = token;
        this.sink = sink;
    }

    @Override
    public synchronized void progress(double progress, Double total, String message) {
        if (closed || !(progress > last)) {
            return;
        }
        last = progress;
        ObjectNode params = JsonRpc.NODES.objectNode();
        params.set("progressToken", token);
        params.put("progress", progress);
        if (total != null) {
            params.put("total", total);
        }
        if (message != null) {
            params.put("message", message);
        }
        sink.send(JsonRpc.notification("notifications/progress", params));
    }

    synchronized void close() {
        closed = true;
    }
}
