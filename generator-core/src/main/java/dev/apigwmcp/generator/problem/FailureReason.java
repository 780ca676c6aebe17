package dev.apigwmcp.generator.problem;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Why reading a file or reaching a host failed at build time, in words rather than an exception's class name. The
 * build side's counterpart of the runtime's {@code config.FailureReason}: the generator and the Maven plugin do not
 * depend on the runtime jar (its server and SDK libraries have no place on a build's class path).
 */
public final class FailureReason {

    private static final int MAX_CAUSES = 10;

    private FailureReason() {}

    /** The first cause in the chain whose kind is known, else the first message line, else the kind in words. */
    public static String describe(Throwable failure) {
        Throwable outer =
                failure instanceof UncheckedIOException && failure.getCause() != null ? failure.getCause() : failure;
        Throwable cause = outer;
        for (int i = 0; cause != null && i < MAX_CAUSES; i++, cause = cause.getCause()) {
            String known = known(cause);
            if (known != null) {
                return known;
            }
        }
        String message = outer.getMessage();
        return message == null || message.isBlank()
                ? "an unexpected error: " + words(outer)
                : message.strip().lines().findFirst().orElse("");
    }

    private static String known(Throwable cause) {
        String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
        if (cause instanceof NoSuchFileException) {
            return "there is no such file";
        }
        if (cause instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (message.endsWith("is a directory")) {
            return "it is a directory";
        }
        if (cause instanceof SocketTimeoutException || message.contains("timed out")) {
            return "the connection timed out";
        }
        if (cause instanceof ConnectException) {
            return "the connection was refused";
        }
        if (cause instanceof NoRouteToHostException) {
            return "there is no route to the host";
        }
        if (cause instanceof UnknownHostException) {
            return "there is no such host" + (message.isEmpty() ? "" : " (" + cause.getMessage() + ")");
        }
        if (cause instanceof SSLException) {
            return "the TLS handshake failed";
        }
        return null;
    }

    /** "NullPointerException" -> "null pointer". */
    static String words(Throwable failure) {
        String name = failure.getClass().getSimpleName().replaceAll("(Exception|Error)$", "");
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return spaced.isBlank() ? "unknown" : spaced;
    }
}
