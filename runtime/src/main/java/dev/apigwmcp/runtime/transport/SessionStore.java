package dev.apigwmcp.runtime.transport;

import dev.apigwmcp.runtime.protocol.CancelReason;
import dev.apigwmcp.runtime.protocol.ClientSession;
import dev.apigwmcp.runtime.protocol.RpcError;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Legacy-era Streamable HTTP sessions: issued at {@code initialize}, capped in number overall and per client
 * address, expired when idle. A session is idle only while none of its calls runs; one that never got a request
 * after {@code initialize} expires sooner. At a cap, room is made by dropping an idle session (never used ones
 * first, then the least recently used) rather than refusing the newcomer: a dropped session's client is told
 * 404 and starts a new one, as the spec asks, whereas a refused client could do nothing. Only when every session
 * in the way has a call running is {@code initialize} refused. Ending a session cancels whatever it still runs.
 */
final class SessionStore {
    /** What {@link #create} gave: a session, or the error that refuses one. */
    record Created(ClientSession session, RpcError refusal) {
    }

    private record Entry(ClientSession session, String client) {
    }

    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private final int maxSessions;
    private final int maxPerClient;
    private final long idleNanos;
    private final long unusedNanos;
    private final LongSupplier clock;
    private final SecureRandom random = new SecureRandom();

    SessionStore(int maxSessions, int maxPerClient, Duration idle, Duration unusedIdle, LongSupplier nanoClock) {
        if (maxSessions < 1 || maxPerClient < 1) {
            throw new IllegalArgumentException("session caps must be at least 1, got " + maxSessions + " and " + maxPerClient);
        }
        this.maxSessions = maxSessions;
        this.maxPerClient = maxPerClient;
        this.idleNanos = idle.toNanos();
        this.unusedNanos = Math.min(unusedIdle.toNanos(), idleNanos);
        this.clock = nanoClock;
    }

    /** A new session for {@code client} (its address), making room at a cap if an idle session allows. */
    synchronized Created create(String client) {
        if (sessions.size() >= maxSessions || count(client) >= maxPerClient) {
            reap();
        }
        if (count(client) >= maxPerClient && !evictIdle(entry -> entry.client().equals(client))) {
            return new Created(null, RpcError.limit("Server busy: this client already has " + maxPerClient
                    + " sessions, each with a call in flight; end one (DELETE) or retry later",
                    "max-sessions-per-client", maxPerClient));
        }
        if (sessions.size() >= maxSessions && !evictIdle(entry -> true)) {
            return new Created(null, RpcError.limit("Server busy: all " + maxSessions
                    + " sessions have a call in flight; retry later", "max-sessions", maxSessions));
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        ClientSession session = new ClientSession(HexFormat.of().formatHex(bytes), clock);
        sessions.put(session.id(), new Entry(session, client));
        return new Created(session, null);
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
    void reap() {
        long now = clock.getAsLong();
        sessions.forEach((id, entry) -> {
            if (expired(entry.session(), now)) {
                remove(id);
            }
        });
    }

    int size() {
        return sessions.size();
    }

    void closeAll() {
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
