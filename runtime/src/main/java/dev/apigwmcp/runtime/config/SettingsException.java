package dev.apigwmcp.runtime.config;

import java.util.List;

/**
 * A bad option or setting: unknown, malformed or naming a target the gateway does not have. Each problem is one
 * line for the user, naming the option, variable or file key as it was given; the launcher exits with status 2.
 */
public final class SettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public SettingsException(String message) {
        this(List.of(message));
    }

    /** Several problems found together, one line each. */
    public SettingsException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems), null, false, false);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
