package dev.apigwmcp.generator.agentcore;

import dev.apigwmcp.generator.config.ConfigDialect;
import dev.apigwmcp.generator.model.JsonPointer;

/**
 * Places in an AgentCore target file as JSON pointers, so that a configuration rule the imported target breaks
 * points at the member the user wrote for AgentCore:
 * {@code orders.json#/targetConfiguration/mcp/apiGateway/apiGatewayToolConfiguration/toolFilters/1/methods}.
 *
 * @param file the file's name as shown to the user
 */
record AgentCoreDialect(String file) implements ConfigDialect {

    static final String TOOL_CONFIGURATION = "/targetConfiguration/mcp/apiGateway/apiGatewayToolConfiguration";
    private static final String TARGET = "";

    @Override
    public String targets() {
        return TARGET;
    }

    @Override
    public String target(int index, String name) {
        return TARGET;
    }

    @Override
    public String member(String parent, String member) {
        return JsonPointer.append(parent, member);
    }

    @Override
    public String entry(String parent, String list, int index) {
        String base = TARGET.equals(parent) ? TOOL_CONFIGURATION : parent;
        return JsonPointer.append(base, list) + "/" + index;
    }

    @Override
    public String name(String member) {
        return "'" + member + "'";
    }
}
