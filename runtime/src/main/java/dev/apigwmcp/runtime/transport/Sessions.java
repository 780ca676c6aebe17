package dev.apigwmcp.runtime.transport;

import dev.apigwmcp.runtime.protocol.ClientSession;
import dev.apigwmcp.runtime.protocol.RpcError;

/**
 * Legacy-era sessions as the endpoint sees them: made at {@code initialize}, found by the id the client sends,
 * ended by DELETE. Two kinds: {@link SessionStore} (random ids, the session lives in this process) and
 * {@link PortableSessions} (sealed ids that any replica holding the key can open).
 */
interface Sessions {
    /** What {@link #create} or {@link #find} gave: a session, a refusal, or neither (unknown id: 404). */
    record Found(ClientSession session, RpcError refusal) {
        static final Found NONE = new Found(null, null);
    }

    /** A session for an {@code initialize} from {@code client} (its address), or the refusal at a cap. */
    Found create(String client);

    /** The {@code initialize} succeeded: the id the client is to send from now on. */
    String established(ClientSession session);

    /** The {@code initialize} failed: the session is forgotten. */
    void abandon(ClientSession session);

    /** The session of this id (marked active), a refusal (no room for its local state), or {@link Found#NONE}. */
    Found find(String id, String client);

    /** Ends a session (DELETE): its calls still running here are cancelled. Whether the id named a live session. */
    boolean end(String id);

    /** Drops what has expired; run periodically. */
    void reap();

    /** Local session state held now. */
    int size();

    /** Cancels everything still running (the gateway stops). */
    void closeAll();
}
