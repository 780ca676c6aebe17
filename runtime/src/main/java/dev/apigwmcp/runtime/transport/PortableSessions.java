package dev.apigwmcp.runtime.transport;

import dev.apigwmcp.runtime.protocol.ClientSession;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Legacy sessions that any replica serves: the id the client gets at {@code initialize} is the session itself,
 * sealed with the replicas' shared key ({@link SessionTokens}: negotiated version, client capabilities, issue and
 * expiry time), so no store is shared. What stays with one replica is the work it runs: calls in flight (so
 * {@code notifications/cancelled} stops a call only on the replica running it, and a call's progress streams on the
 * response of the replica that runs it), and the session's local state in {@link SessionStore}, kept under the
 * session's own id and bounded by its caps and idle expiry. Those bound this replica's memory only: when local
 * state is dropped (idle, or making room at a cap), the session goes on and its next request rebuilds the state
 * from the id. A session ends on every replica at its sealed expiry ({@code session.max-age-seconds}); DELETE ends
 * it on the replica that gets it (its calls there cancelled, its id refused there until it expires), while other
 * replicas, which cannot hear of it without a shared store, accept the id until its expiry.
 */
final class PortableSessions implements Sessions {
    private static final Logger LOG = LoggerFactory.getLogger(PortableSessions.class);

    private final SessionStore local;
    private final SessionTokens tokens;
    private final long maxAgeSeconds;
    private final LongSupplier epochSeconds;
    private final int maxEnded;
    /** Sessions ended here by DELETE, by their own id, with their expiry: refused here until then. */
    private final Map<String, Long> ended = new ConcurrentHashMap<>();

    PortableSessions(SessionStore local, SessionKeys keys, Duration maxAge, LongSupplier epochSeconds, int maxEnded) {
        this.local = local;
        this.tokens = new SessionTokens(keys);
        this.maxAgeSeconds = maxAge.toSeconds();
        this.epochSeconds = epochSeconds;
        this.maxEnded = maxEnded;
    }

    @Override
    public Found create(String client) {
        return local.create(client);
    }

    @Override
    public String established(ClientSession session) {
        long now = epochSeconds.getAsLong();
        return tokens.seal(new SessionClaims(
                session.id(), session.protocolVersion(), session.clientCapabilities(), now, now + maxAgeSeconds));
    }

    @Override
    public void abandon(ClientSession session) {
        local.remove(session.id());
    }

    @Override
    public Found find(String id, String client) {
        SessionClaims claims = live(id);
        if (claims == null) {
            return Found.NONE;
        }
        ClientSession held = local.get(claims.sessionId());
        if (held != null) {
            return new Found(held, null);
        }
        return local.adopt(
                claims.sessionId(),
                client,
                clock -> ClientSession.resumed(
                        claims.sessionId(), claims.protocolVersion(), claims.clientCapabilities(), clock));
    }

    @Override
    public boolean end(String id) {
        SessionClaims claims = live(id);
        if (claims == null) {
            return false;
        }
        if (ended.size() >= maxEnded) {
            reap();
        }
        if (ended.size() < maxEnded) {
            ended.put(claims.sessionId(), claims.expiresAt());
        } else {
            LOG.warn(
                    "{} sessions were ended by DELETE and have not expired yet; this one is ended, but its id will"
                            + " be accepted again here until it expires",
                    maxEnded);
        }
        local.remove(claims.sessionId());
        return true;
    }

    /** The claims of an id that opens, has not expired and was not ended here; else {@code null}. */
    private SessionClaims live(String id) {
        SessionClaims claims = tokens.open(id);
        if (claims == null) {
            LOG.debug("Refused a session id that this gateway's keys did not seal (or that was altered)");
            return null;
        }
        if (claims.expiresAt() <= epochSeconds.getAsLong()) {
            LOG.debug("Refused an expired session id");
            return null;
        }
        return ended.containsKey(claims.sessionId()) ? null : claims;
    }

    @Override
    public void reap() {
        local.reap();
        long now = epochSeconds.getAsLong();
        ended.values().removeIf(expiry -> expiry <= now);
    }

    @Override
    public int size() {
        return local.size();
    }

    @Override
    public void closeAll() {
        local.closeAll();
    }
}
