package dev.apigwmcp.generator.agentcore;

import dev.apigwmcp.generator.Problem;
import java.util.List;

/**
 * What an AgentCore Gateway target becomes.
 *
 * @param target   the equivalent target, already checked by the configuration rules
 * @param settings the gateway settings its outbound credentials and headers need, in a stable order
 * @param notes    one per setting that has no exact equivalent or needs the user's action, each located in the
 *                 AgentCore file
 */
public record AgentCoreImport(AgentCoreTarget target, List<GatewaySetting> settings, List<Problem> notes) {

    public AgentCoreImport {
        settings = List.copyOf(settings);
        notes = List.copyOf(notes);
    }
}
