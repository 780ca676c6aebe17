package dev.apigwmcp.runtime.transport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys that seal portable session ids, shared by every replica of a gateway. The text holds one key per line,
 * each 32 random bytes in base64 ({@code openssl rand -base64 32}); blank lines and {@code #} comments are skipped.
 * The first key seals new ids and every key opens them, so that a key is rotated without ending sessions: add the
 * new key first, roll the replicas, and drop the old one once the sessions it sealed have expired. A key is known
 * in an id by a short fingerprint, never by itself, and no message here ever shows key material.
 */
public final class SessionKeys {
    static final int KEY_BYTES = 32;
    static final int ID_BYTES = 4;

    /** One AES-256 key and its fingerprint. */
    record Key(byte[] id, SecretKey secret) {}

    private final List<Key> keys;

    private SessionKeys(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * The keys in {@code text}, or an {@link IllegalArgumentException} whose message names {@code source} and the
     * line at fault (never its content).
     */
    public static SessionKeys parse(String text, String source) {
        List<Key> keys = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            byte[] bytes;
            try {
                bytes = line.contains("-") || line.contains("_")
                        ? Base64.getUrlDecoder().decode(line)
                        : Base64.getDecoder().decode(line);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + " is not base64; " + HOW_TO_MAKE);
            }
            if (bytes.length != KEY_BYTES) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + " holds " + bytes.length
                        + " bytes; a session key is " + KEY_BYTES + " (" + HOW_TO_MAKE + ")");
            }
            keys.add(key(bytes));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(source + " holds no key; " + HOW_TO_MAKE);
        }
        return new SessionKeys(keys);
    }

    /** One fresh random key: the ids it seals open only in this process. */
    public static SessionKeys random() {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return new SessionKeys(List.of(key(bytes)));
    }

    static final String HOW_TO_MAKE =
            "write one key per line, 32 random bytes in base64, for example from" + " `openssl rand -base64 32`";

    /** The key that seals new ids. */
    Key sealing() {
        return keys.get(0);
    }

    /** The key with this fingerprint, or {@code null}. */
    Key opening(byte[] id) {
        for (Key key : keys) {
            if (MessageDigest.isEqual(key.id(), id)) {
                return key;
            }
        }
        return null;
    }

    int size() {
        return keys.size();
    }

    private static Key key(byte[] bytes) {
        SecretKey secret = new SecretKeySpec(bytes, "AES");
        try {
            // A fingerprint of a derived value, so that it says nothing usable about the key itself.
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("apigw-mcp session key id".getBytes(StandardCharsets.US_ASCII));
            byte[] id = Arrays.copyOf(sha256.digest(bytes), ID_BYTES);
            Arrays.fill(bytes, (byte) 0);
            return new Key(id, secret);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "SessionKeys[" + keys.size() + " key(s)]";
    }
}
