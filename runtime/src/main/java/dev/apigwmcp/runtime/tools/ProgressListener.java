package dev.apigwmcp.runtime.tools;

/** Receives progress of one tool call; the protocol layer turns it into {@code notifications/progress}. */
@FunctionalInterface
public interface ProgressListener {

    /** Ignores progress (the client sent no progress token). */
    ProgressListener NONE = (progress, total, message) -> {};

    /**
     * @param progress monotonically increasing progress value
     * @param total    total when known, else {@code null}
     * @param message  short human-readable status, or {@code null}
     */
    void progress(double progress, Double total, String message);
}
