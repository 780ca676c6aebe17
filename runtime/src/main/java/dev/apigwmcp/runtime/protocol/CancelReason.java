package dev.apigwmcp.runtime.protocol;

/**
 * Why a call stopped before it had a result. It decides how the request is still answered: a request always gets
 * an answer on a transport that needs one (a plain JSON POST), and the reason is said in it.
 */
public enum CancelReason {
    /** The client sent {@code notifications/cancelled}; the spec asks for no response where none is needed. */
    CLIENT_CANCELLED("the client cancelled it", true),
    /** The client's connection closed (its HTTP stream or stdin): no one is left to read an answer. */
    CLIENT_GONE("the client's connection closed", true),
    /** The session ended while the call ran (DELETE, expiry or eviction). */
    SESSION_ENDED("its session ended", false),
    /** The platform's time for the request ran out (AWS Lambda's function timeout is near). */
    TIME_LIMIT("the time the platform allows for one request ran out", false),
    /** The gateway is stopping. */
    SHUTDOWN("the gateway is shutting down", false);

    private final String because;
    private final boolean clientSide;

    CancelReason(String because, boolean clientSide) {
        this.because = because;
        this.clientSide = clientSide;
    }

    /** The end of "the call was stopped because ...". */
    public String because() {
        return because;
    }

    /** Whether the client itself ended the request, so that an answer may be left out where the transport allows. */
    public boolean clientSide() {
        return clientSide;
    }
}
