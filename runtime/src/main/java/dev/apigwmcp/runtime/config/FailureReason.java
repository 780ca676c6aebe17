package dev.apigwmcp.runtime.config;

import java.io.EOFException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Why something failed, in words for a message rather than an exception's class name ("ConnectException" tells a
 * user less than "the connection was refused"). The one place that wording lives for every runtime message.
 */
public final class FailureReason {

    /** Messages that print an object ({@code Foo@1a2b3c}) say nothing to a reader. */
    private static final Pattern OBJECT_DUMP = Pattern.compile("\\w@[0-9a-f]{4,}");

    private static final int MAX_CAUSES = 10;

    private FailureReason() {}

    /**
     * "the connection was refused", "there is no such file", ...: the first cause in the chain whose kind is known,
     * else the failure's own first message line, else its kind in lower-case words.
     */
    public static String describe(Throwable failure) {
        Throwable outer = unwrap(failure);
        String known = knownInChain(outer);
        String message = known == null ? firstLine(outer) : known;
        return message != null ? message : "an unexpected error: " + kind(outer);
    }

    /**
     * As {@link #describe} but never the failure's own text, for a failure whose message may hold a secret: a known
     * kind's words, else "an unexpected error: illegal state".
     */
    public static String describeWithoutMessage(Throwable failure) {
        Throwable outer = unwrap(failure);
        String known = knownInChain(outer);
        return known != null ? known : "an unexpected error: " + kind(outer);
    }

    private static String knownInChain(Throwable outer) {
        Throwable cause = outer;
        for (int i = 0; cause != null && i < MAX_CAUSES; i++, cause = cause.getCause()) {
            String known = known(cause);
            if (known != null) {
                return known;
            }
        }
        return null;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof UncheckedIOException
                        || cause instanceof CompletionException
                        || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
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
        if (cause instanceof CharacterCodingException) {
            return "it is not UTF-8 text";
        }
        return network(cause, message);
    }

    private static String network(Throwable cause, String message) {
        if (cause instanceof HttpConnectTimeoutException || message.contains("connect timed out")) {
            return "the connection timed out";
        }
        if (cause instanceof HttpTimeoutException
                || cause instanceof SocketTimeoutException
                || cause instanceof TimeoutException) {
            return "it timed out";
        }
        if (cause instanceof ConnectException) {
            return message.contains("timed out") ? "the connection timed out" : "the connection was refused";
        }
        if (cause instanceof NoRouteToHostException) {
            return "there is no route to the host";
        }
        if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
            return "there is no such host" + (message.isEmpty() ? "" : " (" + cause.getMessage() + ")");
        }
        if (cause instanceof SSLException) {
            return message.contains("pkix") || message.contains("certificate")
                    ? "the TLS handshake failed: the server's certificate is not trusted"
                    : "the TLS handshake failed";
        }
        if (cause instanceof EOFException || cause instanceof ClosedChannelException) {
            return "the other side closed the connection";
        }
        return message.contains("connection reset") ? "the connection was reset" : null;
    }

    private static String firstLine(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank() || OBJECT_DUMP.matcher(message).find()) {
            return null;
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    /**
     * "NullPointerException" -> "null pointer": the failure's kind without reading as a class name, for a message
     * that must not carry the failure's own text.
     */
    static String kind(Throwable failure) {
        String name = failure.getClass().getSimpleName().replaceAll("(Exception|Error)$", "");
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return spaced.isBlank() ? "unknown" : spaced;
    }
}
