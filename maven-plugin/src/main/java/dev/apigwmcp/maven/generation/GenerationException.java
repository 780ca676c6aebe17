package dev.apigwmcp.maven.generation;

import java.util.List;

/** Generation could not run or reported errors; {@link #lines()} lists every one, for the build failure. */
public final class GenerationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> lines;

    public GenerationException(String headline, List<String> lines) {
        super(headline + System.lineSeparator() + String.join(System.lineSeparator(), lines));
        this.lines = List.copyOf(lines);
    }

    public List<String> lines() {
        return lines;
    }
}
