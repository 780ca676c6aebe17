package dev.apigwmcp.maven.packaging;

/** The gateway jar cannot be written: an input cannot be read, or the main class is in none of them. */
public final class PackagingException extends Exception {

    private static final long serialVersionUID = 1L;

    public PackagingException(String message) {
        super(message);
    }
}
