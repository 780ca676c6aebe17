package dev.apigwmcp.runtime.transport;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seals {@link SessionClaims} into a session id and opens them again, with AES-256-GCM from the JDK: the id is
 * encrypted (a client learns nothing from it) and authenticated (a changed or made-up id does not open). Layout,
 * base64url without padding: format byte {@code 1}, the sealing key's 4-byte fingerprint, a random 12-byte nonce,
 * then the claims as compact JSON, encrypted, with GCM's 16-byte tag; the first five bytes are authenticated too.
 * Random nonces are safe for far more ids than a key will ever seal (rotate keys with {@link SessionKeys}).
 */
final class SessionTokens {
    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int HEADER_BYTES = 1 + SessionKeys.ID_BYTES;
    /** Longer ids are not ours: refused before any decoding. */
    static final int MAX_LENGTH = 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SessionKeys keys;
    private final SecureRandom random = new SecureRandom();

    SessionTokens(SessionKeys keys) {
        this.keys = keys;
    }

    String seal(SessionClaims claims) {
        SessionKeys.Key key = keys.sealing();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] header =
                ByteBuffer.allocate(HEADER_BYTES).put(FORMAT).put(key.id()).array();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header);
            byte[] sealed = cipher.doFinal(encode(claims));
            ByteBuffer token = ByteBuffer.allocate(HEADER_BYTES + NONCE_BYTES + sealed.length)
                    .put(header)
                    .put(nonce)
                    .put(sealed);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to seal a session id: " + e.getMessage(), e);
        }
    }

    /** The claims of a token this gateway's keys sealed, or {@code null} for anything else. */
    SessionClaims open(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (bytes.length < HEADER_BYTES + NONCE_BYTES + TAG_BITS / 8 || bytes[0] != FORMAT) {
            return null;
        }
        byte[] keyId = new byte[SessionKeys.ID_BYTES];
        System.arraycopy(bytes, 1, keyId, 0, keyId.length);
        SessionKeys.Key key = keys.opening(keyId);
        if (key == null) {
            return null;
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    key.secret(),
                    new GCMParameterSpec(TAG_BITS, bytes, HEADER_BYTES, NONCE_BYTES));
            cipher.updateAAD(bytes, 0, HEADER_BYTES);
            int offset = HEADER_BYTES + NONCE_BYTES;
            return decode(cipher.doFinal(bytes, offset, bytes.length - offset));
        } catch (GeneralSecurityException e) {
            return null; // tampered, truncated, or sealed by a key with the same fingerprint but other bytes
        }
    }

    private static byte[] encode(SessionClaims claims) {
        ObjectNode node = JSON.createObjectNode();
        node.put("sid", claims.sessionId());
        node.put("ver", claims.protocolVersion());
        ArrayNode capabilities = node.putArray("caps");
        new TreeSet<>(claims.clientCapabilities()).forEach(capabilities::add);
        node.put("iat", claims.issuedAt());
        node.put("exp", claims.expiresAt());
        return JSON.writeValueAsBytes(node);
    }

    private static SessionClaims decode(byte[] plain) {
        try {
            JsonNode node = JSON.readTree(new String(plain, StandardCharsets.UTF_8));
            List<String> capabilities = new ArrayList<>();
            node.path("caps").forEach(name -> capabilities.add(name.asString()));
            if (!node.path("sid").isString()
                    || !node.path("ver").isString()
                    || !node.path("exp").isNumber()) {
                return null;
            }
            return new SessionClaims(
                    node.get("sid").asString(),
                    node.get("ver").asString(),
                    new TreeSet<>(capabilities),
                    node.path("iat").asLong(),
                    node.get("exp").asLong());
        } catch (JacksonException | IllegalArgumentException e) {
            return null;
        }
    }
}
