package dev.apigwmcp.maven.packaging;

import java.util.Locale;

/**
 * What the gateway jar does with an entry of one of its inputs, decided by the entry's name alone, so that the
 * same name is treated the same whichever input it comes from.
 */
enum EntryKind {
    /** A folder: written once. */
    DIRECTORY,
    /**
     * Left out: the inputs' manifests and jar indexes (the gateway jar has its own manifest), signature files
     * (they would not match the merged jar and make the JVM reject it) and {@code module-info.class} files (the
     * merged jar is no module, and each input brings its own).
     */
    DROPPED,
    /** {@code META-INF/services/<interface>}: the providers of every input, merged. */
    SERVICE,
    /** A licence or notice text directly in {@code META-INF/}: every distinct text kept, one after the other. */
    LEGAL,
    /** Everything else: the first input's copy wins; a different copy in a later input is reported. */
    ORDINARY;

    static final String SERVICES = "META-INF/services/";

    static EntryKind of(String name) {
        if (name.endsWith("/")) {
            return DIRECTORY;
        }
        if (name.equals("module-info.class")
                || name.startsWith("META-INF/versions/") && name.endsWith("/module-info.class")) {
            return DROPPED;
        }
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.startsWith("META-INF/") && upper.indexOf('/', "META-INF/".length()) < 0) {
            String file = upper.substring("META-INF/".length());
            if (file.equals("MANIFEST.MF")
                    || file.equals("INDEX.LIST")
                    || file.startsWith("SIG-")
                    || file.endsWith(".SF")
                    || file.endsWith(".DSA")
                    || file.endsWith(".RSA")
                    || file.endsWith(".EC")) {
                return DROPPED;
            }
            if (file.contains("LICENSE") || file.contains("LICENCE") || file.contains("NOTICE")) {
                return LEGAL;
            }
        }
        if (name.startsWith(SERVICES)
                && name.length() > SERVICES.length()
                && name.indexOf('/', SERVICES.length()) < 0) {
            return SERVICE;
        }
        return ORDINARY;
    }
}
