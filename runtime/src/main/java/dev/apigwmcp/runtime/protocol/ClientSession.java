package dev.apigwmcp.runtime.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import tools.jackson.databind.JsonNode;

/**
 * What the server remembers about one client connection: the legacy handshake (negotiated version, whether
 * {@code notifications/initialized} arrived, log level), whether the client has used the session for anything
 * but the handshake, and the calls in flight by request id, so that {@code notifications/cancelled} can stop
 * them, a request id cannot be reused while its call runs, and ending the session ends its calls. On stdio there
 * is one per process; on HTTP one per {@code Mcp-Session-Id} and replica: a portable session (a sealed id, see the
 * transport) is {@linkplain #resumed resumed} from its id on a replica that has not seen it yet.
 */
public final class ClientSession {
    private final String id;
    private final LongSupplier clock;
    private volatile String protocolVersion;
    private volatile boolean initialized;
    private volatile boolean used;
    private volatile String logLevel = "info";
    private volatile Set<String> clientCapabilities = Set.of();
    private volatile long lastUsedNanos;
    private final Map<JsonNode, InFlightCall> inFlight = new ConcurrentHashMap<>();

    /** A session whose idle time is measured with {@code nanoClock}. */
    public ClientSession(String id, LongSupplier nanoClock) {
        this.id = id;
        this.clock = nanoClock;
        this.lastUsedNanos = nanoClock.getAsLong();
    }

    /** A session on the system clock. */
    public ClientSession(String id) {
        this(id, System::nanoTime);
    }

    /**
     * A session whose handshake happened elsewhere (on another replica, as its sealed id says): initialized, with
     * the negotiated version and the client's capabilities, and nothing in flight.
     */
    public static ClientSession resumed(
            String id, String protocolVersion, Set<String> clientCapabilities, LongSupplier nanoClock) {
        ClientSession session = new ClientSession(id, nanoClock);
        session.negotiated(protocolVersion);
        session.clientCapabilities(clientCapabilities);
        session.markInitialized();
        return session;
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

    /**
     * The names of the capabilities the client declared at {@code initialize} ({@code roots}, {@code sampling},
     * {@code elicitation}, ...): what a tools-only server could ever branch on, and all a sealed id carries of them.
     */
    public Set<String> clientCapabilities() {
        return clientCapabilities;
    }

    void clientCapabilities(Set<String> names) {
        this.clientCapabilities = Set.copyOf(names);
    }

    public boolean initialized() {
        return initialized;
    }

    void markInitialized() {
        this.initialized = true;
    }

    /** Whether a request other than {@code initialize} arrived: a session never used may be dropped sooner. */
    public boolean used() {
        return used;
    }

    void markUsed() {
        this.used = true;
    }

    public String logLevel() {
        return logLevel;
    }

    void logLevel(String level) {
        this.logLevel = level;
    }

    /** When the session was last active: its last request, or the end of its last call. */
    public long lastUsedNanos() {
        return lastUsedNanos;
    }

    public void touch() {
        this.lastUsedNanos = clock.getAsLong();
    }

    /**
     * Admits a call under this session's limit: {@code null} when admitted, else the error to answer with. A
     * request id already in flight is refused: the spec forbids reusing an id in a session, and a second call
     * under the same id could be neither cancelled nor told apart in the answers.
     */
    synchronized RpcError admit(InFlightCall call, int maxInFlight) {
        if (inFlight.containsKey(call.id())) {
            return RpcError.of(
                    JsonRpc.INVALID_REQUEST,
                    "Invalid request: id " + call.id()
                            + " is already used by a request still in flight in this session; use a new id for each request");
        }
        if (inFlight.size() >= maxInFlight) {
            return RpcError.limit(
                    "Server busy: this session already has " + maxInFlight
                            + " tool calls in flight; wait for one to finish",
                    "max-calls-per-session",
                    maxInFlight);
        }
        inFlight.put(call.id(), call);
        return null;
    }

    /** The call ended (answered or cancelled): its id is free again and the session was active just now. */
    void finished(InFlightCall call) {
        inFlight.remove(call.id(), call);
        touch();
    }

    /** Cancels a running request; unknown or finished ids are ignored, as the spec asks. */
    public boolean cancelRequest(JsonNode requestId) {
        InFlightCall call = inFlight.get(requestId);
        return call != null && call.cancel(CancelReason.CLIENT_CANCELLED);
    }

    /** Cancels every call still running (the session ended, or its client went away). */
    public void cancelAll(CancelReason reason) {
        List<InFlightCall> running = new ArrayList<>(inFlight.values());
        running.forEach(call -> call.cancel(reason));
    }

    /** Calls in flight in this session. */
    public int inFlightCount() {
        return inFlight.size();
    }
}
