package dev.apigwmcp.runtime;

/**
 * The gateway process's exit statuses, documented in {@code --help} and the README. 1 is what the JVM itself returns
 * for an uncaught exception, so it stays the "unexpected" code and a bug never passes for a user's mistake. 2 is the
 * usual status for bad usage. 3 separates "what you wrote is fine, something it needs is not there" (a credential,
 * a free port, the generated catalog): a supervisor may retry a 3 once the environment is fixed, never a 2.
 */
public enum ExitCode {
    OK(0, "done (--help, --list-tools, end of stdio input, HTTP server stopped)"),
    FAILED(1, "unexpected failure (an internal error)"),
    BAD_SETTINGS(2, "wrong setting: unknown option, variable, config key or target, or a malformed value"),
    CANNOT_START(
            3,
            "cannot start: a credential or required setting is missing or unusable, the port is taken or"
                    + " cannot be bound, or the generated catalog is broken");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** The table as {@code --help} prints it. */
    public static String table() {
        StringBuilder out = new StringBuilder("Exit status:\n");
        for (ExitCode exit : values()) {
            out.append("  ").append(exit.code).append("  ").append(exit.meaning).append('\n');
        }
        return out.toString();
    }
}
