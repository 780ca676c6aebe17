package dev.apigwmcp.runtime.protocol;

import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;

/**
 * One {@code tools/call} that has been admitted and not yet ended: its request id in the session, the running
 * future once started, and why it was cancelled, if it was. Cancellation may come before the future exists (the
 * session ended while the call was being started); it then cancels the future as soon as it is attached.
 */
final class InFlightCall {
    private final JsonNode id;
    private Future<?> future;
    private CancelReason reason;

    InFlightCall(JsonNode id) {
        this.id = id;
    }

    JsonNode id() {
        return id;
    }

    void attach(Future<?> running) {
        boolean cancelNow;
        synchronized (this) {
            future = running;
            cancelNow = reason != null;
        }
        if (cancelNow) {
            running.cancel(true);
        }
    }

    /** Cancels the call for {@code why}; the first reason wins. Returns whether this call was cancelled now. */
    boolean cancel(CancelReason why) {
        Future<?> running;
        synchronized (this) {
            if (reason != null) {
                return false;
            }
            reason = why;
            running = future;
        }
        // Outside the lock: cancelling completes the future, whose callbacks write the answer on this thread.
        if (running != null) {
            running.cancel(true);
        }
        return true;
    }

    synchronized CancelReason reason() {
        return reason;
    }
}
