package dev.apigwmcp.runtime.upstream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An upstream on 127.0.0.1 that misbehaves on purpose, on raw sockets so that it can do what an HTTP server
 * library would not: trickle a body, stall after the headers, reset or close without answering. Each request is
 * recorded (as a {@link TestUpstream.Recorded}, so SigV4 can be checked) and answered by the {@link Behaviour}
 * the scripted function picks for it; a well-behaved answer keeps the connection alive for the next request.
 */
public final class MisbehavingUpstream implements AutoCloseable {

    /** What to do with one request's connection; returns whether the connection may serve another request. */
    @FunctionalInterface
    public interface Behaviour {
        boolean answer(Socket socket, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "misbehaving-upstream");
        thread.setDaemon(true);
        return thread;
    });
    private final BlockingQueue<TestUpstream.Recorded> requests = new LinkedBlockingQueue<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger closedByClient = new AtomicInteger();
    private volatile Function<TestUpstream.Recorded, Behaviour> script = r -> json(200, "{}");

    public MisbehavingUpstream() throws IOException {
        server = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    /** {@code http://127.0.0.1:<port>/prod}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/prod");
    }

    public void script(Function<TestUpstream.Recorded, Behaviour> script) {
        this.script = script;
    }

    /** Every request received so far, in order, removing them. */
    public List<TestUpstream.Recorded> drain() {
        List<TestUpstream.Recorded> all = new ArrayList<>();
        requests.drainTo(all);
        return all;
    }

    /** The next request, waiting up to {@code millis}; {@code null} when none came. */
    public TestUpstream.Recorded poll(long millis) throws InterruptedException {
        return requests.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Connections the gateway closed while this upstream was still holding them open. */
    public int closedByClient() {
        return closedByClient.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                sockets.add(socket);
                threads.execute(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                TestUpstream.Recorded request = read(in);
                if (request == null) {
                    return;
                }
                requests.add(request);
                if (!script.apply(request).answer(socket, out)) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the gateway went away (or the test ended): nothing to answer
        } finally {
            sockets.remove(socket);
        }
    }

    /** One request head and its Content-Length body; {@code null} at end of stream. */
    private static TestUpstream.Recorded read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] bytes = head.toByteArray();
            int n = bytes.length;
            if (n >= 4
                    && bytes[n - 4] == '\r'
                    && bytes[n - 3] == '\n'
                    && bytes[n - 2] == '\r'
                    && bytes[n - 1] == '\n') {
                break;
            }
        }
        if (b < 0) {
            return null;
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] first = lines[0].split(" ");
        Map<String, List<String>> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(
                                lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        int length = headers.containsKey("content-length")
                ? Integer.parseInt(headers.get("content-length").get(0))
                : 0;
        byte[] body = in.readNBytes(length);
        URI target = URI.create(first[1]);
        return new TestUpstream.Recorded(first[0], target.getRawPath(), target.getRawQuery(), headers, body);
    }

    // ---- behaviours ----

    /** A complete answer; the connection stays open. */
    public static Behaviour answer(int status, Map<String, String> headers, byte[] body) {
        return (socket, out) -> {
            StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " X\r\n");
            headers.forEach((name, value) ->
                    head.append(name).append(": ").append(value).append("\r\n"));
            head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return true;
        };
    }

    public static Behaviour json(int status, String json) {
        return answer(status, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
    }

    /** Headers announcing {@code length} bytes, then one byte every {@code everyMillis}. */
    public static Behaviour trickle(int length, long everyMillis) {
        return (socket, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            for (int i = 0; i < length; i++) {
                Thread.sleep(everyMillis);
                out.write(' ');
                out.flush();
            }
            return false;
        };
    }

    /** Headers and the first bytes of a longer body, then nothing until the gateway closes the connection. */
    public Behaviour stallAfterHeaders() {
        return (socket, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"id\":"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            holdUntilClosed(socket);
            return false;
        };
    }

    /** No answer at all, until the gateway closes the connection. */
    public Behaviour silence() {
        return (socket, out) -> {
            holdUntilClosed(socket);
            return false;
        };
    }

    /** Resets the connection (RST) without a byte of answer. */
    public static Behaviour reset() {
        return (socket, out) -> {
            socket.setSoLinger(true, 0);
            socket.close();
            return false;
        };
    }

    /** Closes the connection (FIN) without a byte of answer. */
    public static Behaviour closeWithoutAnswer() {
        return (socket, out) -> {
            socket.close();
            return false;
        };
    }

    private void holdUntilClosed(Socket socket) throws IOException {
        try {
            if (socket.getInputStream().read() < 0) {
                closedByClient.incrementAndGet();
            }
        } catch (SocketException e) {
            closedByClient.incrementAndGet(); // reset by the gateway: closed too
        }
    }

    /** Waits until {@code count} held connections were closed by the gateway, at most {@code millis}. */
    public boolean awaitClosedByClient(int count, long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (closedByClient.get() < count) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        threads.shutdownNow();
    }
}
