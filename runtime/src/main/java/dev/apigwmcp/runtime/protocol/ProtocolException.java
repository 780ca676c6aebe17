package dev.apigwmcp.runtime.protocol;

/**
 * Thrown inside the protocol layer to answer a request with a JSON-RPC error. It carries no stack trace: it is
 * control flow that ends in an error reply, never a crash report.
 */
public final class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient RpcError error;

    public ProtocolException(RpcError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public ProtocolException(int code, String message) {
        this(RpcError.of(code, message));
    }

    public RpcError error() {
        return error;
    }
}
