package dev.apigwmcp.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;

/**
 * The fast upstream every contender calls: {@code GET /prod/pets/{id}} answers one fixed JSON pet,
 * {@code GET /prod/pets/{id}/photos} one fixed list of photos, anything else 404. No auth, no state, no logging, so the measured cost is the gateway's and the network stack's, not the
 * backend's. Usage: {@code PetUpstream PORT_FILE} (binds a free 127.0.0.1 port and writes it to PORT_FILE).
 */
public final class PetUpstream {

    private static final byte[] PET = """
            {"id":7,"type":"dog","price":249.5,"name":"Rex","tags":["good","boy"],"owner":{"name":"Ana","email":"ana@example.com"}}\
            """.getBytes(StandardCharsets.UTF_8);
    /** The photos of a pet ({@code GET /prod/pets/{id}/photos}, the PetStore's API-key method). */
    private static final byte[] PHOTOS = """
            [{"url":"https://photos.example/pets/7/small.jpg","width":320,"height":240}]\
            """.getBytes(StandardCharsets.UTF_8);

    private static final byte[] NOT_FOUND = "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8);

    private PetUpstream() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: PetUpstream PORT_FILE");
            System.exit(2);
        }
        // Without TCP_NODELAY small answers wait for delayed ACKs (~40 ms); read once when the first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", PetUpstream::handle);
        server.start();
        Path portFile = Path.of(args[0]);
        Path temporary = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(temporary, Integer.toString(server.getAddress().getPort()));
        Files.move(temporary, portFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            boolean get = "GET".equals(exchange.getRequestMethod()) && path.startsWith("/prod/pets/");
            int slash = path.indexOf('/', "/prod/pets/".length());
            byte[] body =
                    !get ? NOT_FOUND : slash < 0 ? PET : path.substring(slash).equals("/photos") ? PHOTOS : NOT_FOUND;
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == NOT_FOUND ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
