package dev.apigwmcp.runtime.transport;

import dev.apigwmcp.runtime.protocol.CancelReason;
import dev.apigwmcp.runtime.protocol.ClientSession;
import dev.apigwmcp.runtime.protocol.Frame;
import dev.apigwmcp.runtime.protocol.FrameParser;
import dev.apigwmcp.runtime.protocol.McpServer;
import dev.apigwmcp.runtime.protocol.Reply;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MCP over stdio: one JSON-RPC message per line on stdin, one per line on stdout. Lines are read on one thread;
 * replies are written when their request completes, so tool calls run concurrently and may answer out of order.
 * Writes are serialised so frames never interleave. Stdout carries nothing but frames.
 */
public final class StdioTransport {
    private static final Logger LOG = LoggerFactory.getLogger(StdioTransport.class);
    /** How long calls still running at end of input may take, unless the settings say otherwise. */
    private static final Duration DEFAULT_DRAIN = Duration.ofSeconds(20);
    /** Frames below this size are assembled with their newline and written at once. */
    private static final int SMALL_FRAME_BYTES = 64 * 1024;

    private final McpServer server;
    private final InputStream in;
    private final OutputStream out;
    private final ClientSession session = new ClientSession("stdio");
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private final Duration drain;
    private volatile boolean outputBroken;
    /** A small frame being written, with its newline; guarded by {@code out}. */
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);

    public StdioTransport(McpServer server, InputStream in, OutputStream out) {
        this(server, in, out, DEFAULT_DRAIN);
    }

    /** @param drain how long calls still running at end of input may take to answer before they are cancelled */
    public StdioTransport(McpServer server, InputStream in, OutputStream out, Duration drain) {
        this.server = server;
        this.in = in;
        this.out = out;
        this.drain = drain;
    }

    /** Serves until end of input (or until stdout breaks); returns the process exit code, 0. */
    public int run() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while (!outputBroken && (line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                accept(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            LOG.warn("stdin closed with an error: {}", e.getMessage());
        }
        drain();
        return 0;
    }

    private void accept(byte[] line) {
        Frame frame = FrameParser.parse(line);
        CompletableFuture<Reply> reply = server.handle(frame, session, this::write);
        if (reply.isDone()) {
            writeReply(reply.join());
            return;
        }
        pending.add(reply);
        reply.whenComplete((done, failure) -> {
            pending.remove(reply);
            if (done != null) {
                writeReply(done);
            }
        });
    }

    private void writeReply(Reply reply) {
        // An optional reply answers a request the client cancelled: on stdio the spec's "no response" is possible.
        if (reply != null && !reply.isOptional()) {
            write(reply);
        }
    }

    private void write(byte[] frame) {
        write(Reply.of(frame));
    }

    /**
     * Writes one frame and its newline atomically, in one write to {@code out}: stdout is usually a
     * {@code PrintStream} that flushes every write, so each part would otherwise be a system call of its own.
     */
    private void write(Reply frame) {
        synchronized (out) {
            if (outputBroken) {
                return;
            }
            try {
                if (frame.length() < SMALL_FRAME_BYTES) {
                    frame.writeTo(line);
                    line.write('\n');
                    line.writeTo(out);
                } else {
                    // A large frame (a tools/list page) is written from its parts, not copied.
                    frame.writeTo(out);
                    out.write('\n');
                }
                out.flush();
            } catch (IOException e) {
                // The client went away: stop reading too, there is no one left to answer.
                outputBroken = true;
                LOG.warn("stdout closed: {}", e.getMessage());
            } finally {
                line.reset();
            }
        }
    }

    /**
     * End of input: requests still running may answer for the drain time (input piped in and closed still gets
     * its answers, also from an upstream that takes seconds), then everything left is cancelled. When stdout broke, no one can read an answer, so the calls
     * are cancelled at once.
     */
    private void drain() {
        CompletableFuture<?>[] waiting = pending.toArray(CompletableFuture[]::new);
        if (waiting.length > 0 && !outputBroken) {
            try {
                CompletableFuture.allOf(waiting).get(drain.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                LOG.info("End of input: cancelling {} unfinished request(s)", pending.size());
            }
        }
        session.cancelAll(CancelReason.CLIENT_GONE);
    }
}
