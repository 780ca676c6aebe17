package dev.apigwmcp.runtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.BindException;
import java.nio.channels.UnresolvedAddressException;
import org.junit.jupiter.api.Test;

/** Each way of failing to listen is one line that says why and names the setting to change. */
class ListenFailureTest {

    /** Jetty's shape: "Failed to bind to /host:port" with the operating system's reason as the cause. */
    private static IOException jetty(Throwable cause) {
        return new IOException("Failed to bind to /127.0.0.1:8080", cause);
    }

    @Test
    void aPortInUseIsSaidSoAndNamesPort() {
        assertThat(ListenFailure.describe("127.0.0.1", 8080, jetty(new BindException("Address already in use"))))
                .isEqualTo("port 8080 on 127.0.0.1 is already in use (another process listens there); choose another"
                        + " port with --port (APIGW_MCP_PORT), or --port 0 for any free port");
    }

    @Test
    void aPrivilegedPortNamesPort() {
        assertThat(ListenFailure.describe("0.0.0.0", 80, jetty(new BindException("Permission denied"))))
                .isEqualTo("no permission to listen on port 80 on 0.0.0.0 (ports below 1024 need administrator"
                        + " rights); choose another port with --port (APIGW_MCP_PORT)");
    }

    @Test
    void anAddressOfAnotherMachineNamesHost() {
        assertThat(ListenFailure.describe(
                        "192.0.2.1", 8080, jetty(new BindException("Cannot assign requested address"))))
                .isEqualTo("cannot listen on 192.0.2.1: it is not an address of this machine; set --host"
                        + " (APIGW_MCP_HOST) to one of its addresses, 127.0.0.1 (the default), or 0.0.0.0 for all");
    }

    @Test
    void anUnknownHostNameNamesHost() {
        assertThat(ListenFailure.describe("gateway.invalid", 8080, jetty(new UnresolvedAddressException())))
                .isEqualTo("cannot listen on gateway.invalid: it is not a known host name or IP address; set --host"
                        + " (APIGW_MCP_HOST) to an address of this machine, such as 127.0.0.1 (the default)");
    }

    @Test
    void anyOtherFailureKeepsTheReasonAndNamesBothSettings() {
        assertThat(ListenFailure.describe("127.0.0.1", 8080, jetty(new BindException("Too many open files"))))
                .isEqualTo("cannot listen on port 8080 on 127.0.0.1: Too many open files; check --host and --port");
        assertThat(ListenFailure.describe("127.0.0.1", 8080, new IllegalStateException("stopped")))
                .isEqualTo("cannot listen on port 8080 on 127.0.0.1: stopped; check --host and --port");
    }
}
