package dev.apigwmcp.generator.select;

import dev.apigwmcp.generator.model.ApiOperation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Tool names: the override's name, else the {@code operationId}, else a name derived from method and path
 * ({@code GET /pets/{petId}/photos} → {@code get_pets_petId_photos}; {@code /} → {@code root}). Characters
 * outside {@code [A-Za-z0-9_-]} become {@code _}; the target prefix {@code <target>___} is added when enabled;
 * a name over 64 characters keeps its first 55 and gets {@code _} plus 8 hex digits of its SHA-256, so every
 * name satisfies the strictest LLM clients' {@code ^[A-Za-z0-9_-]{1,64}$}.
 */
public final class ToolNamer {

    /** The pattern every final name satisfies. */
    public static final Pattern PORTABLE_NAME = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

    public static final int MAX_LENGTH = 64;
    private static final int KEEP_WHEN_SHORTENED = 55;
    private static final Pattern INVALID = Pattern.compile("[^A-Za-z0-9_-]+");

    private final String prefix;

    /** @param target the target name, or {@code null} for no prefix */
    public ToolNamer(String target) {
        this.prefix = target == null ? "" : target + "___";
    }

    /** The name before prefixing and shortening. */
    public String baseName(ApiOperation operation, String overrideName) {
        if (overrideName != null) {
            return overrideName;
        }
        if (operation.operationId() != null) {
            String sanitized = sanitize(operation.operationId());
            if (!sanitized.isEmpty()) {
                return sanitized;
            }
        }
        return derivedName(operation);
    }

    /** The final name: prefixed, then shortened if needed. */
    public String finalName(String baseName) {
        String full = prefix + baseName;
        if (full.length() <= MAX_LENGTH) {
            return full;
        }
        return full.substring(0, KEEP_WHEN_SHORTENED) + "_" + shortHash(full);
    }

    /** {@code GET /pets/{petId}/photos} → {@code get_pets_petId_photos}. */
    public static String derivedName(ApiOperation operation) {
        StringBuilder name = new StringBuilder(operation.method().name().toLowerCase(java.util.Locale.ROOT));
        boolean any = false;
        for (String segment : operation.path().split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            String clean = sanitize(segment.replace("{", "").replace("}", "").replace("+", ""));
            if (!clean.isEmpty()) {
                name.append('_').append(clean);
                any = true;
            }
        }
        if (!any) {
            name.append("_root");
        }
        return name.toString();
    }

    /** Replaces each run of characters outside {@code [A-Za-z0-9_-]} with one {@code _}, trimming edge ones. */
    public static String sanitize(String text) {
        String replaced = INVALID.matcher(text).replaceAll("_");
        int start = 0;
        int end = replaced.length();
        while (start < end && replaced.charAt(start) == '_') {
            start++;
        }
        while (end > start && replaced.charAt(end - 1) == '_') {
            end--;
        }
        return replaced.substring(start, end);
    }

    /** 8 hex digits of the SHA-256 of {@code text}. */
    public static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
