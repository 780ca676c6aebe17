package dev.apigwmcp.runtime.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The upstream client keeps TLS's defaults: a certificate the JVM does not trust is refused, never accepted. */
@Timeout(30)
class UpstreamTlsTest {

    @Test
    void anUntrustedCertificateIsRefusedWithTheHandshakeNamed(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("self-signed.p12");
        String keytool = Path.of(ProcessHandle.current().info().command().orElseThrow())
                .resolveSibling("keytool")
                .toString();
        Process process = new ProcessBuilder(
                        keytool,
                        "-genkeypair",
                        "-alias",
                        "upstream",
                        "-keyalg",
                        "EC",
                        "-dname",
                        "CN=127.0.0.1",
                        "-ext",
                        "san=ip:127.0.0.1",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        "changeit")
                .redirectErrorStream(true)
                .start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(keystore)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try (UpstreamClient client = new UpstreamClient(Duration.ofSeconds(5), 1000)) {
            UpstreamRequest request = new UpstreamRequest(
                    "GET",
                    URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/x"),
                    List.of(),
                    null,
                    Duration.ofSeconds(5));
            assertThatThrownBy(() -> client.exchange(request, Duration.ofSeconds(5)))
                    .isInstanceOfSatisfying(UpstreamFailure.class, failure -> {
                        assertThat(failure.kind()).isEqualTo(UpstreamFailure.Kind.CONNECT_FAILED);
                        assertThat(failure.getMessage()).startsWith("TLS handshake failed: ");
                    });
        } finally {
            server.stop(0);
        }
    }
}
