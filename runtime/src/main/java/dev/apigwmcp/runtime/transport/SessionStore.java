package dev.apigwmcp.runtime.transport;

import dev.apigwmcp.runtime.protocol.CancelReason;
import dev.apigwmcp.runtime.protocol.ClientSession;
import dev.apigwmcp.runtime.protocol.RpcError;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Legacy-era Streamable HTTP sessions held in this process: issued at {@code initialize} under a random id, capped
 * in number overall and per client address, expired when idle. {@link PortableSessions} keeps its local state
 * (calls in flight, last use) here too, under the session's own id, and reads these caps and expiries as limits on
 * that state only. A session is idle only while none of its calls runs; one that never got a request
 * after {@code initialize} expires sooner. At a cap, room is made by dropping an idle session (never used ones
 * first, then the least recently used) rather than refusing the newcomer: a dropped session's client is told
 * 404 and starts a new one, as the spec asks, whereas a refused client could do nothing. Only when every session
 * in the way has a call running is {@code initialize} refused. Ending a session cancels whatever it still runs.
 */
final class SessionStore implements Sessions {
    private record Entry(ClientSession session, String client) {}

    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private final int maxSessions;
    private final int maxPerClient;
    private final long idleNanos;
    private final long unusedNanos;
    private final LongSupplier clock;
    private final SecureRandom random = new SecureRandom();

    SessionStore(int maxSessions, int maxPerClient, Duration idle, Duration unusedIdle, LongSupplier nanoClock) {
        if (maxSessions < 1 || maxPerClient < 1) {
            throw new IllegalArgumentException(
                    "session caps must be at least 1, got " + maxSessions + " and " + maxPerClient);
        }
        this.maxSessions = maxSessions;
        this.maxPerClient = maxPerClient;
        this.idleNanos = idle.toNanos();
        this.unusedNanos = Math.min(unusedIdle.toNanos(), idleNanos);
        this.clock = nanoClock;
    }

    /** A new session for {@code client} (its address), making room at a cap if an idle session allows. */
    @Override
    public Found create(String client) {
        String id = newId();
        return admit(client, id, () -> new ClientSession(id, clock));
    }

    /**
     * Local state for a session made elsewhere, under its own id, making room at a cap as {@link #create} does; the
     * session already held when another request got there first.
     */
    synchronized Found adopt(String id, String client, Function<LongSupplier, ClientSession> resume) {
        Entry held = sessions.get(id);
        if (held != null) {
            held.session().touch();
            return new Found(held.session(), null);
        }
        return admit(client, id, () -> resume.apply(clock));
    }

    private synchronized Found admit(String client, String id, Supplier<ClientSession> make) {
        if (sessions.size() >= maxSessions || count(client) >= maxPerClient) {
            reap();
        }
        if (count(client) >= maxPerClient && !evictIdle(entry -> entry.client().equals(client))) {
            return new Found(
                    null,
                    RpcError.limit(
                            "Server busy: this client already has " + maxPerClient
                                    + " sessions, each with a call in flight; end one (DELETE) or retry later",
                            "max-sessions-per-client",
                            maxPerClient));
        }
        if (sessions.size() >= maxSessions && !evictIdle(entry -> true)) {
            return new Found(
                    null,
                    RpcError.limit(
                            "Server busy: all " + maxSessions + " sessions have a call in flight; retry later",
                            "max-sessions",
                            maxSessions));
        }
        ClientSession session = make.get();
        sessions.put(id, new Entry(session, client));
        return new Found(session, null);
    }

    /** A fresh random session id: 128 bits, hex. */
    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public String established(ClientSession session) {
        return session.id();
    }

    @Override
    public void abandon(ClientSession session) {
        remove(session.id());
    }

    @Override
    public Found find(String id, String client) {
        ClientSession session = get(id);
        return session == null ? Found.NONE : new Found(session, null);
    }

    @Override
    public boolean end(String id) {
        return remove(id);
    }

    /** The live session of this id (and marks it active), or {@code null} when unknown or expired. */
    ClientSession get(String id) {
        Entry entry = sessions.get(id);
        if (entry == null) {
            return null;
        }
        if (expired(entry.session(), clock.getAsLong())) {
            remove(id);
            return null;
        }
        entry.session().touch();
        return entry.session();
    }

    /** Ends a session (DELETE, expiry, eviction): its calls still running are cancelled. */
    boolean remove(String id) {
        Entry entry = sessions.remove(id);
        if (entry != null) {
            entry.session().cancelAll(CancelReason.SESSION_ENDED);
            return true;
        }
        return false;
    }

    /** Drops every expired session; run periodically so that expired sessions free their memory. */
    @Override
    public void reap() {
        long now = clock.getAsLong();
        sessions.forEach((id, entry) -> {
            if (expired(entry.session(), now)) {
                remove(id);
            }
        });
    }

    @Override
    public int size() {
        return sessions.size();
    }

    @Override
    public void closeAll() {
        sessions.values().forEach(entry -> entry.session().cancelAll(CancelReason.SHUTDOWN));
        sessions.clear();
    }

    private boolean expired(ClientSession session, long now) {
        return session.inFlightCount() == 0
                && now - session.lastUsedNanos() > (session.used() ? idleNanos : unusedNanos);
    }

    private int count(String client) {
        int count = 0;
        for (Entry entry : sessions.values()) {
            if (entry.client().equals(client)) {
                count++;
            }
        }
        return count;
    }

    /** Drops the idle session among {@code candidates} that matters least: never used first, then least recent. */
    private boolean evictIdle(Predicate<Entry> candidates) {
        String victim = null;
        ClientSession chosen = null;
        for (Map.Entry<String, Entry> each : sessions.entrySet()) {
            ClientSession session = each.getValue().session();
            if (!candidates.test(each.getValue()) || session.inFlightCount() > 0) {
                continue;
            }
            if (chosen == null || before(session, chosen)) {
                victim = each.getKey();
                chosen = session;
            }
        }
        return victim != null && remove(victim);
    }

    private static boolean before(ClientSession a, ClientSession b) {
        if (a.used() != b.used()) {
            return !a.used();
        }
        return a.lastUsedNanos() - b.lastUsedNanos() < 0;
    }
}
