package dev.apigwmcp.runtime.protocol;

import dev.apigwmcp.runtime.tools.TraceContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls one incoming message started (an HTTP POST, which may be a batch, or a stdio line), so that the
 * transport can cancel exactly those when its client goes away, and the budget they count against beyond their
 * session. Calls are tracked by identity, not by request id: a rejected duplicate id must not reach the call that
 * owns the id. It also carries the W3C trace context the transport request came with (HTTP {@code traceparent}
 * headers), which its calls continue unless their own {@code params._meta} names one.
 */
public final class CallScope {
    private final CallBudget budget;
    private final TraceContext trace;
    private final Set<InFlightCall> calls = ConcurrentHashMap.newKeySet();
    private volatile CancelReason cancelled;

    /** A scope limited only by the session. */
    public CallScope() {
        this(null);
    }

    /** A scope whose calls also count against {@code budget} ({@code null}: none). */
    public CallScope(CallBudget budget) {
        this(budget, null);
    }

    /**
     * A scope whose calls count against {@code budget} ({@code null}: none) and continue {@code trace}
     * ({@code null}: the request carried none).
     */
    public CallScope(CallBudget budget, TraceContext trace) {
        this.budget = budget;
        this.trace = trace;
    }

    /** The transport request's trace context, or {@code null}. */
    public TraceContext trace() {
        return trace;
    }

    /** Cancels every call this message started, and any it would still start. */
    public void cancel(CancelReason reason) {
        cancelled = reason;
        for (InFlightCall call : calls) {
            call.cancel(reason);
        }
    }

    /** Calls of this scope still in flight (for tests). */
    public int inFlight() {
        return calls.size();
    }

    RpcError acquire() {
        return budget == null ? null : budget.acquire();
    }

    void release() {
        if (budget != null) {
            budget.release();
        }
    }

    void add(InFlightCall call) {
        calls.add(call);
        CancelReason reason = cancelled;
        if (reason != null) {
            call.cancel(reason);
        }
    }

    void remove(InFlightCall call) {
        calls.remove(call);
    }
}
