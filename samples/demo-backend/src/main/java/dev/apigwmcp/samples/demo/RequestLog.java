package dev.apigwmcp.samples.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Every request the demo backend received, in arrival order; optionally also appended to a file as one JSON object
 * per line, so that a test in another process can see what the gateway sent.
 */
public final class RequestLog {

    private final List<RecordedCall> calls = new ArrayList<>();
    private final Path file;

    /** @param file where to append JSON lines, or {@code null} to keep the log in memory only */
    public RequestLog(Path file) {
        this.file = file;
    }

    public static RequestLog inMemory() {
        return new RequestLog(null);
    }

    synchronized void add(RecordedCall call) {
        calls.add(call);
        if (file != null) {
            try {
                Files.writeString(
                        file,
                        DemoJson.mapper().writeValueAsString(call) + "\n",
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to the demo request log " + file, e);
            }
        }
    }

    /** A snapshot of the calls so far. */
    public synchronized List<RecordedCall> calls() {
        return List.copyOf(calls);
    }

    /** Reads a log file written by {@link #RequestLog(Path)} (missing file: no calls). */
    public static List<RecordedCall> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<RecordedCall> calls = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                calls.add(DemoJson.mapper().readValue(line, RecordedCall.class));
            }
        }
        return calls;
    }
}
