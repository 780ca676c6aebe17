package dev.apigwmcp.runtime.config;

/** A bad option or setting value; its message is one line for the user, naming the option and the value's source. */
public final class SettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SettingsException(String message) {
        super(message, null, false, false);
    }
}
