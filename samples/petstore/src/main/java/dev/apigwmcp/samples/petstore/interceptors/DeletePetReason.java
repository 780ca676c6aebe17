package dev.apigwmcp.samples.petstore.interceptors;

import dev.apigwmcp.generated.petstore.DeletePetTool;
import dev.apigwmcp.runtime.spi.InterceptedCall;
import dev.apigwmcp.runtime.spi.ToolInterceptor;

/**
 * Typed example: works on {@link DeletePetTool.Input}, the generated arguments record of
 * {@code petstore___deletePet}, rather than a JSON tree. A deletion without an audit reason gets one naming the
 * caller, so the API's audit log says who asked.
 */
public final class DeletePetReason extends ToolInterceptor.Typed<DeletePetTool.Input> {

    public DeletePetReason() {
        super(DeletePetTool.NAME, DeletePetTool.Input.class);
    }

    @Override
    protected DeletePetTool.Input beforeCall(DeletePetTool.Input arguments, InterceptedCall call) {
        if (arguments.xRequestReason() != null) {
            return arguments;
        }
        String who = call.caller().subject() == null
                ? "an anonymous caller"
                : call.caller().subject();
        return new DeletePetTool.Input(arguments.petId(), "deleted through MCP by " + who);
    }
}
