package dev.apigwmcp.runtime.inbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/** Whether an address stays on this machine: plain http is accepted only there, and binding there needs no auth. */
final class Loopback {

    private Loopback() {}

    /** {@code https}, or {@code http} to a loopback host ({@code localhost} or a literal loopback address). */
    static boolean secureOrLocal(URI url) {
        return "https".equalsIgnoreCase(url.getScheme())
                || ("http".equalsIgnoreCase(url.getScheme()) && literal(url.getHost()));
    }

    /** {@code localhost} or a literal loopback address (no name lookup). */
    static boolean literal(String host) {
        if (host == null) {
            return false;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.toLowerCase(Locale.ROOT).equals("localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Whether binding this interface keeps the port on this machine; a name is looked up as the bind would. */
    static boolean bindAddress(String host) {
        if (literal(host)) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false; // not bindable either; the bind names the problem
        }
    }
}
