package dev.apigwmcp.maven.generation;

/** The few log calls the orchestration makes; the Mojo adapts Maven's {@code Log}, tests collect lines. */
public interface BuildLog {
    void info(String line);

    void warn(String line);

    void debug(String line);
}
