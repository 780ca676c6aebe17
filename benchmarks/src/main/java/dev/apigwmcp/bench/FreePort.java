package dev.apigwmcp.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Prints a free 127.0.0.1 port, for servers that cannot report the one they bound (the npm peer). */
public final class FreePort {

    private FreePort() {}

    public static void main(String[] args) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            System.out.println(socket.getLocalPort());
        }
    }
}
