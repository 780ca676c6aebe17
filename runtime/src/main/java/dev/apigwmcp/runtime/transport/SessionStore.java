package dev.apigwmcp.runtime.transport;

import dev.apigwmcp.runtime.protocol.ClientSession;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Legacy-era Streamable HTTP sessions: issued at {@code initialize}, expired after an idle period, capped in
 * number so a client cannot exhaust memory by opening sessions.
 */
final class SessionStore {
    private final Map<String, ClientSession> sessions = new ConcurrentHashMap<>();
    private final int maxSessions;
    private final long idleNanos;
    private final LongSupplier clock;
    private final SecureRandom random = new SecureRandom();

    SessionStore(int maxSessions, Duration idle, LongSupplier nanoClock) {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("session cap must be at least 1, got " + maxSessions);
        }
        this.maxSessions = maxSessions;
        this.idleNanos = idle.toNanos();
        this.clock = nanoClock;
    }

    /** A new session, or {@code null} when the cap is reached even after dropping idle ones. */
    synchronized ClientSession create() {
        if (sessions.size() >= maxSessions) {
            evictIdle();
        }
        if (sessions.size() >= maxSessions) {
            return null;
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        ClientSession session = new ClientSession(HexFormat.of().formatHex(bytes), clock.getAsLong());
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session of this id (and marks it used), or {@code null} when unknown or expired. */
    ClientSession get(String id) {
        ClientSession session = sessions.get(id);
        if (session == null) {
            return null;
        }
        long now = clock.getAsLong();
        if (now - session.lastUsedNanos() > idleNanos) {
            remove(id);
            return null;
        }
        session.touch(now);
        return session;
    }

    boolean remove(String id) {
        ClientSession session = sessions.remove(id);
        if (session != null) {
            session.cancelAll();
            return true;
        }
        return false;
    }

    int size() {
        return sessions.size();
    }

    private void evictIdle() {
        long now = clock.getAsLong();
        sessions.values().removeIf(session -> {
            boolean idle = now - session.lastUsedNanos() > idleNanos;
            if (idle) {
                session.cancelAll();
            }
            return idle;
        });
    }

    void closeAll() {
        sessions.values().forEach(ClientSession::cancelAll);
        sessions.clear();
    }
}
