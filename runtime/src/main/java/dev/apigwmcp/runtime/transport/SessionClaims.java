package dev.apigwmcp.runtime.transport;

import java.util.Objects;
import java.util.Set;

/**
 * What a portable session id carries: all any replica needs to serve the session's requests.
 *
 * @param sessionId          the session's own random id (local state on each replica is kept under it)
 * @param protocolVersion    the version {@code initialize} negotiated
 * @param clientCapabilities the names of the capabilities the client declared
 * @param issuedAt           when {@code initialize} was answered, in epoch seconds
 * @param expiresAt          when the session ends on every replica, in epoch seconds
 */
record SessionClaims(
        String sessionId, String protocolVersion, Set<String> clientCapabilities, long issuedAt, long expiresAt) {
    SessionClaims {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(protocolVersion, "protocolVersion");
        clientCapabilities = Set.copyOf(clientCapabilities);
    }
}
