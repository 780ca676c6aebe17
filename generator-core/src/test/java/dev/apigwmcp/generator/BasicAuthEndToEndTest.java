package dev.apigwmcp.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.execution.GeneratedToolServiceFactory;
import dev.apigwmcp.runtime.tools.ProgressListener;
import dev.apigwmcp.runtime.tools.ToolService;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * From an export's {@code http basic} scheme to the header on the wire: the legacy-basic export is generated and
 * compiled, the runtime serves it with the user name and password in environment variables it names, and a
 * backend on 127.0.0.1 checks each request's {@code Authorization: Basic} header (and API key) as such a backend
 * does.
 */
class BasicAuthEndToEndTest {

    private static final String USER = "inventory-bot";
    private static final String PASSWORD = "s3cret: pässword";
    private static final String KEY = "key-1";

    @TempDir
    Path out;

    private HttpServer backend;
    /** What the backend concluded of each path's last request: "basic", "key", "basic+key" or "none". */
    private final Map<String, String> seen = new ConcurrentHashMap<>();

    @BeforeEach
    void startBackend() throws IOException {
        backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        backend.createContext("/", this::answer);
        backend.start();
    }

    @AfterEach
    void stopBackend() {
        backend.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            boolean basic = authorization != null && authorization.startsWith("Basic ") && validPair(authorization);
            boolean key = KEY.equals(exchange.getRequestHeaders().getFirst("X-Inventory-Key"));
            seen.put(
                    exchange.getRequestURI().getPath(),
                    basic && key ? "basic+key" : basic ? "basic" : key ? "key" : "none");
            byte[] body = "[\"bolt\"]".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream stream = exchange.getResponseBody()) {
                stream.write(body);
            }
        }
    }

    private static boolean validPair(String authorization) {
        String pair = new String(
                Base64.getDecoder().decode(authorization.substring("Basic ".length())), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        return colon > 0
                && pair.substring(0, colon).equals(USER)
                && pair.substring(colon + 1).equals(PASSWORD);
    }

    @Test
    void eachToolSendsTheCredentialsItsExportAsksFor() throws Exception {
        GenerationResult result = Generator.generate(new GeneratorConfig(List.of(TestSpecs.legacyBasic())));
        assertThat(result.errors()).isEmpty();
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader generated = GeneratedJava.compile(result, out)) {
            thread.setContextClassLoader(generated);
            ToolService service = new GeneratedToolServiceFactory()
                    .create(
                            Settings.of(Map.of(
                                    "target.inventory.base-url",
                                    "http://127.0.0.1:" + backend.getAddress().getPort() + "/api",
                                    "target.inventory.basic-username-env",
                                    "INVENTORY_USER",
                                    "target.inventory.basic-password-env",
                                    "INVENTORY_PASSWORD",
                                    "target.inventory.api-key-env",
                                    "INVENTORY_KEY")),
                            Map.of("INVENTORY_USER", USER, "INVENTORY_PASSWORD", PASSWORD, "INVENTORY_KEY", KEY));
            try {
                assertThat(call(service, "inventory___listItems", "{}")).isFalse();
                assertThat(call(service, "inventory___getItem", "{\"sku\":\"a1\"}"))
                        .isFalse();
                assertThat(call(service, "inventory___deleteItem", "{\"sku\":\"b2\"}"))
                        .isFalse();
            } finally {
                ((AutoCloseable) service).close();
            }
        } finally {
            thread.setContextClassLoader(before);
        }

        assertThat(seen)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "/api/items", "basic",
                        // basic or the key: the key wins, so the password is not sent where it is not needed
                        "/api/items/a1", "key",
                        "/api/items/b2", "basic+key"));
    }

    /** Whether the call's result is an error. */
    private static boolean call(ToolService service, String tool, String arguments) {
        ObjectNode result = service.call(tool, JsonMapper.builder().build().readTree(arguments), ProgressListener.NONE)
                .join();
        return result.path("isError").asBoolean();
    }
}
