package dev.apigwmcp.runtime.spi;

/**
 * Thrown by a {@link ToolInterceptor} to refuse a call: the client gets a tool error ({@code isError: true}) with
 * this message as it is, and nothing goes upstream. Write the message for the model and the user who reads it; it
 * must not carry secrets.
 */
public final class ToolCallRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ToolCallRejected(String message) {
        super(message == null || message.isBlank() ? "The call was refused." : message, null, false, false);
    }
}
