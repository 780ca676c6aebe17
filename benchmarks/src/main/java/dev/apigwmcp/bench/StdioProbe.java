package dev.apigwmcp.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts MCP stdio servers in turn (A B C A B C ...) and measures, per run: the cold start (process start to the
 * {@code initialize} answer), the first {@code tools/list} (all pages), later {@code tools/list} calls (median of
 * several, the server warm) and the resident memory after them ({@code VmRSS} of {@code /proc/<pid>/status}), and
 * again {@code -Dsettle.seconds} (default 5) later.
 *
 * <p>Usage: {@code StdioProbe ROUNDS LISTS RAW_FILE CONTENDERS_FILE}; each line of the contenders file is
 * {@code name|command with space-separated arguments}. Prints one Markdown table row per contender, and with
 * {@code -Dreference=NAME} each one's cold start divided by NAME's, per round.
 */
public final class StdioProbe {

    private static final Pattern NEXT_CURSOR = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOOL = Pattern.compile("\"inputSchema\"\\s*:");
    /** Seconds between the lists and the second resident-memory reading ({@code -Dsettle.seconds}). */
    private static final int SETTLE_SECONDS = Integer.getInteger("settle.seconds", 5);

    record Run(
            String contender,
            int round,
            double coldStartMs,
            double firstListMs,
            double warmListMs,
            double warmListFirstByteMs,
            int tools,
            int listBytes,
            double rssMb,
            double settledRssMb) {}

    private StdioProbe() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: StdioProbe ROUNDS LISTS RAW_FILE CONTENDERS_FILE");
            System.exit(2);
        }
        int rounds = Integer.parseInt(args[0]);
        int lists = Integer.parseInt(args[1]);
        Path raw = Path.of(args[2]);
        Map<String, List<String>> contenders = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[3]))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int bar = line.indexOf('|');
                contenders.put(
                        line.substring(0, bar).trim(),
                        List.of(line.substring(bar + 1).trim().split("\\s+")));
            }
        }
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        contenders.keySet().forEach(name -> runs.put(name, new ArrayList<>()));
        for (int round = 1; round <= rounds; round++) {
            for (Map.Entry<String, List<String>> contender : contenders.entrySet()) {
                Run run = probe(contender.getKey(), round, contender.getValue(), lists);
                runs.get(contender.getKey()).add(run);
                Files.writeString(
                        raw,
                        json(run) + "\n",
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                System.err.println("StdioProbe: " + json(run));
            }
        }
        for (Map.Entry<String, List<Run>> entry : runs.entrySet()) {
            List<Run> own = entry.getValue();
            System.out.println(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %s | %d | %s | %s |",
                    entry.getKey(),
                    Stats.of(own.stream().map(Run::coldStartMs).toList()).text("%.0f"),
                    Stats.of(own.stream().map(Run::firstListMs).toList()).text("%.1f"),
                    Stats.of(own.stream().map(Run::warmListMs).toList()).text("%.2f"),
                    Stats.of(own.stream().map(Run::warmListFirstByteMs).toList())
                            .text("%.2f"),
                    own.get(0).tools(),
                    Stats.of(own.stream().map(Run::rssMb).toList()).text("%.0f"),
                    Stats.of(own.stream().map(Run::settledRssMb).toList()).text("%.0f")));
        }
        // -Dreference=NAME: each contender's cold start divided by that contender's in the same round.
        String reference = System.getProperty("reference");
        if (reference != null && runs.containsKey(reference)) {
            System.out.println();
            System.out.println("| contender | cold start ÷ " + reference + " (per round) |");
            System.out.println("|---|---:|");
            List<Run> against = runs.get(reference);
            for (Map.Entry<String, List<Run>> entry : runs.entrySet()) {
                List<Double> ratios = new ArrayList<>();
                for (int i = 0; i < entry.getValue().size(); i++) {
                    ratios.add(entry.getValue().get(i).coldStartMs()
                            / against.get(i).coldStartMs());
                }
                System.out.println(
                        "| " + entry.getKey() + " | " + Stats.of(ratios).text("%.2f") + " |");
            }
        }
    }

    private static Run probe(String name, int round, List<String> command, int lists)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            OutputStream in = process.getOutputStream();
            LineReader out = new LineReader(process.getInputStream());
            send(
                    in,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"stdio-probe\",\"version\":\"1\"}}}");
            double coldStart = (await(out, 1, name).arrived() - start) / 1e6;
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            int id = 2;
            long[] counts = listAll(in, out, id, name);
            id += (int) counts[2];
            double firstList = counts[3] / 1e6;
            double[] warm = new double[lists];
            double[] warmFirstByte = new double[lists];
            for (int i = 0; i < lists; i++) {
                long[] again = listAll(in, out, id, name);
                id += (int) again[2];
                warm[i] = again[3] / 1e6;
                warmFirstByte[i] = again[4] / 1e6;
            }
            double rss = rssMb(process.pid());
            // Again once the start has settled: a server's background work (a warm-up, a collection) may still be
            // running right after the lists, and a client keeps the process for much longer than that.
            Thread.sleep(SETTLE_SECONDS * 1000L);
            double settled = rssMb(process.pid());
            in.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
            }
            return new Run(
                    name,
                    round,
                    coldStart,
                    firstList,
                    Stats.of(warm).median(),
                    Stats.of(warmFirstByte).median(),
                    (int) counts[0],
                    (int) counts[1],
                    rss,
                    settled);
        } finally {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Lists every page; returns {tools, bytes, requests, nanos, firstByteNanos}: nanos sums, per page, the time
     * from sending the request to the last byte of its answer line, before the probe decodes or scans anything;
     * firstByteNanos the time to the answer's first byte (the server's part, without moving the list).
     */
    private static long[] listAll(OutputStream in, LineReader out, int firstId, String name) throws IOException {
        long tools = 0;
        long bytes = 0;
        long nanos = 0;
        long firstByteNanos = 0;
        int id = firstId;
        String cursor = null;
        do {
            long sent = System.nanoTime();
            send(
                    in,
                    "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/list\",\"params\":{"
                            + (cursor == null ? "" : "\"cursor\":\"" + cursor + "\"") + "}}");
            Answer answer = await(out, id, name);
            nanos += answer.arrived() - sent;
            firstByteNanos += answer.firstByte() - sent;
            id++;
            bytes += answer.text().length();
            Matcher matcher = TOOL.matcher(answer.text());
            while (matcher.find()) {
                tools++;
            }
            Matcher next = NEXT_CURSOR.matcher(answer.text());
            cursor = next.find() ? next.group(1) : null;
        } while (cursor != null);
        return new long[] {tools, bytes, id - firstId, nanos, firstByteNanos};
    }

    private static void send(OutputStream in, String line) throws IOException {
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** An answer line, when its first byte arrived and when its last byte did. */
    private record Answer(String text, long firstByte, long arrived) {}

    /** Reads lines until the answer to {@code id}; notifications and log lines on stdout are skipped. */
    private static Answer await(LineReader out, int id, String name) throws IOException {
        String marker = "\"id\":" + id;
        byte[] bytes;
        while ((bytes = out.next()) != null) {
            long arrived = System.nanoTime();
            String line = new String(bytes, StandardCharsets.UTF_8);
            if (line.contains(marker + ",") || line.contains(marker + "}")) {
                if (line.contains("\"error\"") && !line.contains("\"result\"")) {
                    throw new IOException(
                            name + ": request " + id + " failed: " + line.substring(0, Math.min(300, line.length())));
                }
                return new Answer(line, out.lineFirstByte(), arrived);
            }
        }
        throw new IOException(name + ": stdout ended before the answer to request " + id);
    }

    /** Newline-delimited frames as bytes: the clock stops when a line is complete, before any decoding. */
    private static final class LineReader {
        private final InputStream in;
        private byte[] buffer = new byte[1 << 16];
        private int start;
        private int end;
        private long lastRead;
        private long lineFirstByte;

        LineReader(InputStream in) {
            this.in = in;
        }

        /** When the first byte of the line {@link #next} last returned arrived. */
        long lineFirstByte() {
            return lineFirstByte;
        }

        byte[] next() throws IOException {
            // Bytes of this line already buffered came with the last read; otherwise the next read brings them.
            lineFirstByte = start < end ? lastRead : -1;
            int scan = start;
            while (true) {
                for (int i = scan; i < end; i++) {
                    if (buffer[i] == '\n') {
                        byte[] line = Arrays.copyOfRange(buffer, start, i);
                        start = i + 1;
                        return line;
                    }
                }
                if (start > 0) {
                    System.arraycopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }
                scan = end;
                if (end == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
                int read = in.read(buffer, end, buffer.length - end);
                if (read < 0) {
                    return null;
                }
                lastRead = System.nanoTime();
                if (lineFirstByte < 0) {
                    lineFirstByte = lastRead;
                }
                end += read;
            }
        }
    }

    private static double rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    private static String json(Run run) {
        return String.format(
                Locale.ROOT,
                "{\"contender\":\"%s\",\"round\":%d,\"coldStartMs\":%.1f,\"firstListMs\":%.2f,"
                        + "\"warmListMs\":%.3f,\"warmListFirstByteMs\":%.3f,\"tools\":%d,\"listBytes\":%d,\"rssMb\":%.1f,"
                        + "\"settledRssMb\":%.1f}",
                run.contender(),
                run.round(),
                run.coldStartMs(),
                run.firstListMs(),
                run.warmListMs(),
                run.warmListFirstByteMs(),
                run.tools(),
                run.listBytes(),
                run.rssMb(),
                run.settledRssMb());
    }
}
