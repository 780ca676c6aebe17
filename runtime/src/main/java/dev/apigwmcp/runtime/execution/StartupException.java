package dev.apigwmcp.runtime.execution;

import java.util.List;

/**
 * The tools cannot be served as configured: each problem is one line naming the target, tool, file or setting at
 * fault. The launcher prints the message and exits; there is no stack trace worth showing.
 */
public final class StartupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public StartupException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
