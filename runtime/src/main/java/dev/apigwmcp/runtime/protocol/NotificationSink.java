package dev.apigwmcp.runtime.protocol;

/** Where a transport sends notifications that belong to one request (progress), before its response. */
@FunctionalInterface
public interface NotificationSink {

    /** A transport that cannot stream notifications for this request drops them. */
    NotificationSink DISCARD = frame -> {};

    /** Sends one serialised notification; must be safe to call from any thread. */
    void send(byte[] frame);
}
