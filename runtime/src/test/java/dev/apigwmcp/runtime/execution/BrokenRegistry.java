package dev.apigwmcp.runtime.execution;

import dev.apigwmcp.runtime.spi.GeneratedTool;
import dev.apigwmcp.runtime.spi.ToolRegistry;
import java.util.List;

/** A target whose resources do not fit its code: a tool without binding or code, a name another target has. */
public final class BrokenRegistry implements ToolRegistry {

    @Override
    public String targetName() {
        return "broken";
    }

    @Override
    public String resourceFolder() {
        return "apigw-mcp/targets/broken/";
    }

    @Override
    public List<String> toolNames() {
        return List.of(new PetsRegistry.GetPet().name());
    }

    @Override
    public GeneratedTool<?> newTool(String name) {
        return new PetsRegistry.GetPet();
    }
}
