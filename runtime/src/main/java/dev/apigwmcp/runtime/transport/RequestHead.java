package dev.apigwmcp.runtime.transport;

/** What {@link McpEndpoint} reads of an HTTP request besides its body, whichever server or event carried it. */
public interface RequestHead {
    /** The method, upper case. */
    String method();

    /** The first value of a header (names are case-insensitive), or {@code null}. */
    String header(String name);

    /** The host name the request addressed (its {@code Host}, without the port), or {@code null}. */
    String host();

    /** The client's address, as the connection shows it. */
    String remoteAddress();

    /**
     * The host name a platform in front routed this request by and so vouches for (AWS's front end for a Lambda
     * event), accepted as the request's own; {@code null} when nothing in front vouches (a socket).
     */
    default String routedHost() {
        return null;
    }
}
