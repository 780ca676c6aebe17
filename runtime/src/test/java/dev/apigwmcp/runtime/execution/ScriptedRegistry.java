package dev.apigwmcp.runtime.execution;

import dev.apigwmcp.runtime.spi.GeneratedTool;
import dev.apigwmcp.runtime.spi.ToolRegistry;
import java.util.List;

/** A target whose resources are the test resources {@code apigw-mcp/targets/<target>/}, with scripted tools. */
record ScriptedRegistry(String targetName, List<ScriptedTool> tools) implements ToolRegistry {

    ScriptedRegistry(String targetName, ScriptedTool... tools) {
        this(targetName, List.of(tools));
    }

    /** A target whose tools send no arguments (their requests are method and path alone). */
    static ScriptedRegistry withoutArguments(String targetName, String... tools) {
        return new ScriptedRegistry(
                targetName,
                java.util.Arrays.stream(tools)
                        .map(name -> new ScriptedTool(name, (arguments, request) -> {}))
                        .toList());
    }

    @Override
    public String resourceFolder() {
        return "apigw-mcp/targets/" + targetName + "/";
    }

    @Override
    public List<String> toolNames() {
        return tools.stream().map(ScriptedTool::name).sorted().toList();
    }

    @Override
    public GeneratedTool<?> newTool(String name) {
        return tools.stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no tool " + name));
    }
}
