package dev.apigwmcp.runtime.protocol;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;

/**
 * What the server remembers about one client connection: the legacy handshake (negotiated version, whether
 * {@code notifications/initialized} arrived, log level) and the requests still running, so that
 * {@code notifications/cancelled} can stop them. On stdio there is one per process; on HTTP one per
 * {@code Mcp-Session-Id}.
 */
public final class ClientSession {
    private final String id;
    private volatile String protocolVersion;
    private volatile boolean initialized;
    private volatile String logLevel = "info";
    private volatile long lastUsedNanos;
    private final Map<JsonNode, Future<?>> inFlight = new ConcurrentHashMap<>();

    public ClientSession(String id, long nowNanos) {
        this.id = id;
        this.lastUsedNanos = nowNanos;
    }

    public String id() {
        return id;
    }

    /** The version {@code initialize} negotiated, or {@code null} before it. */
    public String protocolVersion() {
        return protocolVersion;
    }

    void negotiated(String version) {
        this.protocolVersion = version;
    }

    public boolean initialized() {
        return initialized;
    }

    void markInitialized() {
        this.initialized = true;
    }

    public String logLevel() {
        return logLevel;
    }

    void logLevel(String level) {
        this.logLevel = level;
    }

    public long lastUsedNanos() {
        return lastUsedNanos;
    }

    public void touch(long nowNanos) {
        this.lastUsedNanos = nowNanos;
    }

    void started(JsonNode requestId, Future<?> call) {
        inFlight.put(requestId, call);
    }

    void finished(JsonNode requestId) {
        inFlight.remove(requestId);
    }

    /** Cancels a running request; unknown or finished ids are ignored, as the spec asks. */
    public boolean cancelRequest(JsonNode requestId) {
        Future<?> call = inFlight.remove(requestId);
        return call != null && call.cancel(true);
    }

    /** Cancels everything still running (the session ended). */
    public void cancelAll() {
        inFlight.values().forEach(call -> call.cancel(true));
        inFlight.clear();
    }

    int inFlightCount() {
        return inFlight.size();
    }
}
