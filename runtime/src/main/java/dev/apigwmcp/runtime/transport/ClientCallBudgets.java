package dev.apigwmcp.runtime.transport;

import dev.apigwmcp.runtime.protocol.CallBudget;
import dev.apigwmcp.runtime.protocol.RpcError;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tool calls in flight per client address, over all its sessions and sessionless (modern) requests: a session cap
 * alone does not stop one client from opening many sessions or many modern requests. An address with nothing in
 * flight has no entry, so the map holds only addresses that are busy right now.
 */
final class ClientCallBudgets {
    private final int max;
    private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

    ClientCallBudgets(int max) {
        this.max = max;
    }

    CallBudget forClient(String address) {
        return new CallBudget() {
            @Override
            public RpcError acquire() {
                boolean[] admitted = {false};
                inFlight.compute(address, (key, count) -> {
                    int now = count == null ? 0 : count;
                    if (now >= max) {
                        return count;
                    }
                    admitted[0] = true;
                    return now + 1;
                });
                return admitted[0]
                        ? null
                        : RpcError.limit(
                                "Server busy: this client already has " + max
                                        + " tool calls in flight; wait for one to finish",
                                "max-calls-per-client",
                                max);
            }

            @Override
            public void release() {
                inFlight.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
            }
        };
    }

    /** Calls in flight from {@code address} (for tests). */
    int inFlight(String address) {
        return inFlight.getOrDefault(address, 0);
    }
}
