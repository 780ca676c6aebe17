package dev.apigwmcp.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
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
 * several, the server warm) and the resident memory after them ({@code VmRSS} of {@code /proc/<pid>/status}).
 *
 * <p>Usage: {@code StdioProbe ROUNDS LISTS RAW_FILE CONTENDERS_FILE}; each line of the contenders file is
 * {@code name|command with space-separated arguments}. Prints one Markdown table row per contender.
 */
public final class StdioProbe {

    private static final Pattern NEXT_CURSOR = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOOL = Pattern.compile("\"inputSchema\"\\s*:");

    record Run(String contender, int round, double coldStartMs, double firstListMs, double warmListMs, int tools,
            int listBytes, double rssMb) {
    }

    private StdioProbe() {
    }

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
                contenders.put(line.substring(0, bar).trim(), List.of(line.substring(bar + 1).trim().split("\\s+")));
            }
        }
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        contenders.keySet().forEach(name -> runs.put(name, new ArrayList<>()));
        for (int round = 1; round <= rounds; round++) {
            for (Map.Entry<String, List<String>> contender : contenders.entrySet()) {
                Run run = probe(contender.getKey(), round, contender.getValue(), lists);
                runs.get(contender.getKey()).add(run);
                Files.writeString(raw, json(run) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                System.err.println("StdioProbe: " + json(run));
            }
        }
        for (Map.Entry<String, List<Run>> entry : runs.entrySet()) {
            List<Run> own = entry.getValue();
            System.out.println(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d | %s |", entry.getKey(),
                    Stats.of(own.stream().map(Run::coldStartMs).toList()).text("%.0f"),
                    Stats.of(own.stream().map(Run::firstListMs).toList()).text("%.1f"),
                    Stats.of(own.stream().map(Run::warmListMs).toList()).text("%.2f"),
                    own.get(0).tools(),
                    Stats.of(own.stream().map(Run::rssMb).toList()).text("%.0f")));
        }
    }

    private static Run probe(String name, int round, List<String> command, int lists) throws IOException,
            InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            OutputStream in = process.getOutputStream();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8), 1 << 16);
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                    + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"stdio-probe\",\"version\":\"1\"}}}");
            await(out, 1, name);
            double coldStart = (System.nanoTime() - start) / 1e6;
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            int id = 2;
            long listStart = System.nanoTime();
            int[] counts = listAll(in, out, id, name);
            id += counts[2];
            double firstList = (System.nanoTime() - listStart) / 1e6;
            double[] warm = new double[lists];
            for (int i = 0; i < lists; i++) {
                long t = System.nanoTime();
                id += listAll(in, out, id, name)[2];
                warm[i] = (System.nanoTime() - t) / 1e6;
            }
            double rss = rssMb(process.pid());
            in.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
            }
            return new Run(name, round, coldStart, firstList, Stats.of(warm).median(), counts[0], counts[1], rss);
        } finally {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Lists every page; returns {tools, bytes, requests}. */
    private static int[] listAll(OutputStream in, BufferedReader out, int firstId, String name) throws IOException {
        int tools = 0;
        int bytes = 0;
        int id = firstId;
        String cursor = null;
        do {
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/list\",\"params\":{"
                    + (cursor == null ? "" : "\"cursor\":\"" + cursor + "\"") + "}}");
            String answer = await(out, id, name);
            id++;
            bytes += answer.length();
            Matcher matcher = TOOL.matcher(answer);
            while (matcher.find()) {
                tools++;
            }
            Matcher next = NEXT_CURSOR.matcher(answer);
            cursor = next.find() ? next.group(1) : null;
        } while (cursor != null);
        return new int[] {tools, bytes, id - firstId};
    }

    private static void send(OutputStream in, String line) throws IOException {
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Reads lines until the answer to {@code id}; notifications and log lines on stdout are skipped. */
    private static String await(BufferedReader out, int id, String name) throws IOException {
        String marker = "\"id\":" + id;
        String line;
        while ((line = out.readLine()) != null) {
            if (line.contains(marker + ",") || line.contains(marker + "}")) {
                if (line.contains("\"error\"") && !line.contains("\"result\"")) {
                    throw new IOException(name + ": request " + id + " failed: " + line.substring(0, Math.min(300, line.length())));
                }
                return line;
            }
        }
        throw new IOException(name + ": stdout ended before the answer to request " + id);
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
        return String.format(Locale.ROOT, "{\"contender\":\"%s\",\"round\":%d,\"coldStartMs\":%.1f,\"firstListMs\":%.2f,"
                        + "\"warmListMs\":%.3f,\"tools\":%d,\"listBytes\":%d,\"rssMb\":%.1f}", run.contender(), run.round(),
                run.coldStartMs(), run.firstListMs(), run.warmListMs(), run.tools(), run.listBytes(), run.rssMb());
    }
}
