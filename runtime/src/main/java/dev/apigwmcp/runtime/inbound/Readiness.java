package dev.apigwmcp.runtime.inbound;

/**
 * Whether the gateway takes calls, for {@code GET /readyz}: from the moment it serves (the catalog is loaded, every
 * credential resolved and the issuer read, all before the port opens) until it starts to stop. Whether the
 * upstreams answer is not part of it: a load balancer that drained every gateway over one slow API would turn that
 * API's trouble into an outage of all the others.
 */
public final class Readiness {

    private volatile boolean ready;

    /** The gateway serves. */
    public void ready() {
        ready = true;
    }

    /** The gateway is stopping: load balancers should send no more requests. */
    public void stopping() {
        ready = false;
    }

    public boolean isReady() {
        return ready;
    }
}
