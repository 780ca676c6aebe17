package dev.apigwmcp.samples.petstore.interceptors;

import dev.apigwmcp.runtime.spi.InterceptedCall;
import dev.apigwmcp.runtime.spi.ToolCallRejected;
import dev.apigwmcp.runtime.spi.ToolInterceptor;
import dev.apigwmcp.runtime.spi.ToolSelector;

/**
 * Worked example: a tool that may destroy data ({@code destructiveHint}, which the generator sets for DELETE and
 * ANY operations) runs only for a caller whose verified token carries {@link #SCOPE}. Without inbound
 * authorization (stdio, or HTTP without {@code --inbound.jwt.discovery-url}) no caller has it, so such tools are
 * refused there too.
 */
public final class DeleteNeedsAdminScope implements ToolInterceptor {

    static final String SCOPE = "pets/admin";

    @Override
    public int order() {
        // Before anything that might spend effort on a call that is refused anyway.
        return -200;
    }

    @Override
    public ToolSelector selector() {
        return ToolSelector.destructive();
    }

    @Override
    public void beforeCall(InterceptedCall call) {
        if (!call.caller().hasScope(SCOPE)) {
            throw new ToolCallRejected("Tool " + call.tool().name() + " deletes data, so it needs an access token with"
                    + " the " + SCOPE + " scope"
                    + (call.caller().authenticated() ? "; this one lacks it." : "; this call came without one."));
        }
    }
}
