package dev.apigwmcp.runtime.spi;

/** A tool argument whose value cannot be sent upstream; the runtime reports it as a tool error naming it. */
public final class ArgumentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String argument;

    public ArgumentException(String argument, String message) {
        super(message, null, false, false);
        this.argument = argument;
    }

    /** The tool argument (its JSON property name) that is at fault. */
    public String argument() {
        return argument;
    }
}
