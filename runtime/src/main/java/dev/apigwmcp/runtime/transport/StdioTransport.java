package dev.apigwmcp.runtime.transport;

import dev.apigwmcp.runtime.protocol.CancelReason;
import dev.apigwmcp.runtime.protocol.ClientSession;
import dev.apigwmcp.runtime.protocol.Frame;
import dev.apigwmcp.runtime.protocol.FrameParser;
import dev.apigwmcp.runtime.protocol.Handshake;
import dev.apigwmcp.runtime.protocol.JsonRpc;
import dev.apigwmcp.runtime.protocol.McpServer;
import dev.apigwmcp.runtime.protocol.Reply;
import dev.apigwmcp.runtime.protocol.RpcError;
import dev.apigwmcp.runtime.protocol.ServerOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MCP over stdio: one JSON-RPC message per line on stdin, one per line on stdout. Lines are read on one thread;
 * replies are written when their request completes, so tool calls run concurrently and may answer out of order.
 * Writes are serialised so frames never interleave. Stdout carries nothing but frames.
 *
 * <p>The server may still be starting when the first lines arrive: a plain {@code initialize} is then answered at
 * once ({@link Handshake}), and any other message waits for the start, in order. A start that fails ends {@link
 * #run} with its exception.
 */
public final class StdioTransport {
    private static final Logger LOG = LoggerFactory.getLogger(StdioTransport.class);
    /** How long calls still running at end of input may take, unless the settings say otherwise. */
    private static final Duration DEFAULT_DRAIN = Duration.ofSeconds(20);
    /** Frames below this size are assembled with their newline and written at once. */
    private static final int SMALL_FRAME_BYTES = 64 * 1024;
    /** The largest message read, unless the settings say otherwise (as {@code --max-request-bytes}). */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

    private final CompletableFuture<McpServer> starting;
    private final ServerOptions options;
    /** The server once started; read and written on the reading thread only. */
    private McpServer server;

    private final InputStream in;
    private final OutputStream out;
    private final ClientSession session = new ClientSession("stdio");
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private final Duration drain;
    private final int maxMessageBytes;
    private volatile boolean outputBroken;
    /** A small frame being written, with its newline; guarded by {@code out}. */
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);

    public StdioTransport(McpServer server, InputStream in, OutputStream out) {
        this(server, in, out, DEFAULT_DRAIN);
    }

    /** @param drain how long calls still running at end of input may take to answer before they are cancelled */
    public StdioTransport(McpServer server, InputStream in, OutputStream out, Duration drain) {
        this(CompletableFuture.completedFuture(server), server.options(), in, out, drain);
    }

    /**
     * A transport for a server still starting.
     *
     * @param starting the server, completed when it has started, or exceptionally when it cannot start
     * @param options  its options, for the answer to {@code initialize} while it starts
     */
    public StdioTransport(
            CompletableFuture<McpServer> starting,
            ServerOptions options,
            InputStream in,
            OutputStream out,
            Duration drain) {
        this(starting, options, in, out, drain, DEFAULT_MAX_MESSAGE_BYTES);
    }

    /**
     * A transport for a server still starting, reading messages of at most {@code maxMessageBytes}: a longer line
     * is answered with an error and skipped, never held.
     */
    public StdioTransport(
            CompletableFuture<McpServer> starting,
            ServerOptions options,
            InputStream in,
            OutputStream out,
            Duration drain,
            int maxMessageBytes) {
        this.starting = starting;
        this.options = options;
        this.in = in;
        this.out = out;
        this.drain = drain;
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * Serves until end of input (or until stdout breaks), the start included; returns the process exit code, 0.
     * A failed start is thrown as it was thrown (unwrapped), once the line that needs the server is read or at
     * the end of input.
     */
    public int run() {
        try (in) {
            MessageLines lines = new MessageLines(in, maxMessageBytes);
            MessageLines.Line line;
            while (!outputBroken && (line = lines.next()) != null) {
                if (line.tooLarge()) {
                    refuse(line.size());
                } else if (!blank(line.bytes())) {
                    accept(line.bytes());
                }
            }
        } catch (IOException e) {
            LOG.warn("stdin closed with an error: {}", e.getMessage());
        }
        drain();
        started();
        return 0;
    }

    /** A message over the limit: answered (without an id, which was not read) and skipped. */
    private void refuse(long size) {
        LOG.warn(
                "a message of {} bytes was refused: the limit is {} bytes (--max-request-bytes)",
                size,
                maxMessageBytes);
        write(Reply.error(
                null,
                RpcError.of(
                        JsonRpc.INVALID_REQUEST,
                        "Request too large: the message has " + size + " bytes, more than the limit of "
                                + maxMessageBytes + " bytes (--max-request-bytes)")));
    }

    private static boolean blank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\f' && b != 0x0B) {
                return false;
            }
        }
        return true;
    }

    private void accept(byte[] line) {
        if (server == null && !starting.isDone()) {
            byte[] answer = Handshake.answer(line, session, options);
            if (answer != null) {
                write(answer);
                return;
            }
        }
        McpServer ready = started();
        Frame frame = FrameParser.parse(line);
        CompletableFuture<Reply> reply = ready.handle(frame, session, this::write);
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

    /** The server, waiting for its start; a failed start's exception is rethrown as thrown. */
    private McpServer started() {
        if (server == null) {
            try {
                server = starting.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                if (e.getCause() instanceof Error cause) {
                    throw cause;
                }
                throw e;
            }
        }
        return server;
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
