package dev.apigwmcp.generator.agentcore;

import dev.apigwmcp.generator.Problem;
import java.util.List;

/** The file cannot be imported; every problem names the file and, where there is one, the JSON pointer. */
public final class AgentCoreImportException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public AgentCoreImportException(List<Problem> problems) {
        super(problems.isEmpty() ? "cannot import" : problems.get(0).toString());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
