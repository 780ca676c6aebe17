package dev.apigwmcp.runtime.config;

/**
 * What the gateway tells Jetty before its first use. Jetty's {@code MemoryUtils} sizes its padding (against false
 * sharing between counters on one cache line) by the JVM's reference size, which it reads through the platform
 * MBean server unless {@value #REFERENCES_PER_CACHE_LINE} is set: starting that server loads ~220 management classes
 * and registers every platform bean, a few MB of a per-session gateway's memory for one VM option. The gateway
 * sets the property from the maximum heap instead (compressed references, 4 bytes, below 32 GB), and keeps any
 * value the user set. Only padding depends on it, never correctness.
 */
public final class JettyDefaults {

    static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    /** The JVM uses compressed (4-byte) references by default below this maximum heap. */
    private static final long COMPRESSED_REFERENCES_LIMIT = 32L * 1024 * 1024 * 1024;

    private JettyDefaults() {}

    /** Sets Jetty's properties the user has not set; call before any Jetty class is used. */
    public static void apply() {
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
            int referenceBytes = Runtime.getRuntime().maxMemory() < COMPRESSED_REFERENCES_LIMIT ? 4 : 8;
            System.setProperty(REFERENCES_PER_CACHE_LINE, String.valueOf(64 / referenceBytes));
        }
    }
}
