package dev.apigwmcp.runtime.lambda;

import dev.apigwmcp.runtime.ExitCode;
import java.io.PrintStream;
import java.util.List;

/**
 * The function cannot serve as configured (Lambda reports an init error): its message is the problem lines, each
 * also written on stderr as the jar writes them; there is no stack trace worth showing.
 */
final class LambdaStartupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ExitCode exitCode;

    private LambdaStartupException(List<String> problems, ExitCode exitCode) {
        super(String.join("; ", problems), null, false, false);
        this.exitCode = exitCode;
    }

    static LambdaStartupException report(List<String> problems, ExitCode exitCode, PrintStream err) {
        problems.forEach(problem -> err.println("apigw-mcp: " + problem));
        err.flush();
        return new LambdaStartupException(problems, exitCode);
    }

    ExitCode exitCode() {
        return exitCode;
    }
}
