package dev.apigwmcp.runtime.execution;

import dev.apigwmcp.runtime.config.StartupProblems;
import java.util.List;

/**
 * The tools cannot be served as configured: each problem is one line naming the target, tool, file or setting at
 * fault. The launcher prints the lines and exits with status 2 when a setting is wrong
 * ({@link #badSettings()}), otherwise 3; there is no stack trace worth showing.
 */
public final class StartupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;
    private final boolean badSettings;

    /** Problems that are all something missing or unusable, none a wrong setting. */
    public StartupException(List<String> problems) {
        this(problems, false);
    }

    public StartupException(StartupProblems problems) {
        this(problems.lines(), problems.hasBadSettings());
    }

    private StartupException(List<String> problems, boolean badSettings) {
        super(String.join(System.lineSeparator(), problems), null, false, false);
        this.problems = List.copyOf(problems);
        this.badSettings = badSettings;
    }

    public List<String> problems() {
        return problems;
    }

    /** Whether a setting's value is wrong (exit status 2) rather than something missing (exit status 3). */
    public boolean badSettings() {
        return badSettings;
    }
}
