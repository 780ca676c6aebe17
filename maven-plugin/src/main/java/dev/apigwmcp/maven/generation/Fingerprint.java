package dev.apigwmcp.maven.generation;

import dev.apigwmcp.generator.TargetConfig;
import dev.apigwmcp.generator.ToolFilter;
import dev.apigwmcp.generator.ToolOverride;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * SHA-256 over everything that decides the generated output: the plugin version, each target's normalized
 * configuration and its export's bytes. Equal fingerprints mean the previous output is still right.
 *
 * @param hex the digest as lower-case hex
 */
public record Fingerprint(String hex) {

    public Fingerprint {
        Objects.requireNonNull(hex, "hex");
    }

    /**
     * @param pluginVersion the plugin's version (a new plugin may generate differently)
     * @param targets       the targets in configuration order
     * @param exports       each target's export bytes, in the same order
     */
    public static Fingerprint of(String pluginVersion, List<TargetConfig> targets, List<byte[]> exports) {
        if (targets.size() != exports.size()) {
            throw new IllegalArgumentException("one export per target expected");
        }
        MessageDigest digest = sha256();
        update(digest, "apigw-mcp fingerprint v1\nplugin=" + pluginVersion + "\n");
        for (int i = 0; i < targets.size(); i++) {
            update(digest, normalized(targets.get(i)));
            byte[] export = exports.get(i);
            // The length separates one export's bytes from the next target's text unambiguously.
            update(digest, "export-bytes=" + export.length + "\n");
            digest.update(export);
        }
        return new Fingerprint(HexFormat.of().formatHex(digest.digest()));
    }

    /**
     * The target's configuration as stable text. The export is named by its display path (relative to the
     * project), not its absolute path, so moving the checkout does not force a rebuild.
     */
    static String normalized(TargetConfig target) {
        StringBuilder out = new StringBuilder();
        out.append("target=").append(target.name()).append('\n')
                .append("file=").append(target.displayFile()).append('\n')
                .append("auth=").append(target.auth()).append('\n')
                .append("namePrefix=").append(target.namePrefix()).append('\n')
                .append("descriptionMaxLength=").append(target.descriptionMaxLength()).append('\n')
                .append("outputSchemaMaxBytes=").append(target.outputSchemaMaxBytes()).append('\n')
                .append("javaPackage=").append(target.javaPackage()).append('\n');
        for (ToolFilter filter : target.toolFilters()) {
            out.append("filter=").append(filter.filterPath()).append(' ').append(String.join(",", filter.methods()))
                    .append('\n');
        }
        for (ToolOverride override : target.toolOverrides()) {
            out.append("override=").append(override.method()).append(' ').append(override.path()).append(" -> ")
                    .append(override.name()).append(" | ").append(escape(override.description())).append('\n');
        }
        return out.toString();
    }

    private static String escape(String text) {
        return text == null ? "<none>" : text.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException(e);
        }
    }
}
