package dev.apigwmcp.runtime.protocol;

/**
 * A limit on calls in flight shared beyond one session, such as all calls from one client address. The transport
 * that knows the client supplies it through {@link CallScope}.
 */
public interface CallBudget {

    /** Takes a place for one call: {@code null} when there is room, else the error to answer with. */
    RpcError acquire();

    /** Gives back a place taken by {@link #acquire()}. */
    void release();
}
