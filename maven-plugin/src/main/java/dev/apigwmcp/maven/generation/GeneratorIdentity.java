package dev.apigwmcp.maven.generation;

import dev.apigwmcp.generator.Generator;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the generated output depends on besides the configuration and exports: the generator itself. A release is
 * its version. A {@code -SNAPSHOT} changes without a new version while it is being developed, so its identity also
 * covers the plugin's and the generator's code (each jar's size and time, or each class file's in a build
 * folder): otherwise an incremental build would keep output that an earlier snapshot generated.
 */
public final class GeneratorIdentity {

    private GeneratorIdentity() {}

    /**
     * The version, for a snapshot a fingerprint of the code that generates, and the search embedding model when
     * one is among the plugin's dependencies (adding or removing it changes the output: search vectors).
     */
    public static String of(String version) {
        String model = Generator.searchEmbeddingModel().orElse(null);
        return model == null ? code(version) : code(version) + " embeddings: " + model;
    }

    private static String code(String version) {
        if (version == null || !version.endsWith("-SNAPSHOT")) {
            return String.valueOf(version);
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Class<?> type : List.of(Generator.class, GeneratorIdentity.class)) {
                addCode(digest, type);
            }
            return version + " " + HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static void addCode(MessageDigest digest, Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            digest.update(type.getName().getBytes(StandardCharsets.UTF_8)); // unknown: never equal to a known one
            digest.update(Long.toString(System.nanoTime()).getBytes(StandardCharsets.US_ASCII));
            return;
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    files.filter(Files::isRegularFile).sorted().forEach(file -> add(digest, location, file));
                }
            } else {
                add(digest, location.getParent(), location);
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            digest.update(Long.toString(System.nanoTime()).getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static void add(MessageDigest digest, Path root, Path file) {
        try {
            String entry = root.relativize(file) + " " + Files.size(file) + " "
                    + Files.getLastModifiedTime(file).toMillis() + "\n";
            digest.update(entry.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            digest.update(Long.toString(System.nanoTime()).getBytes(StandardCharsets.US_ASCII));
        }
    }
}
