package dev.apigwmcp.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The tool search as a client meets it over stdio: starts the gateway, answers {@code initialize}, then times the
 * first {@code search_tools} call (it builds the index), then every query of a labelled query file in turn
 * (warm, after one pass), and reads the resident memory before the first search and after the last.
 *
 * <p>Usage: {@code StdioSearchProbe QUERIES.tsv ROUNDS command...}. Prints one line per round.
 */
public final class StdioSearchProbe {

    private StdioSearchProbe() {}

    public static void main(String[] args) throws Exception {
        List<String> queries = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                queries.add(line.split("\t")[0]);
            }
        }
        int rounds = Integer.parseInt(args[1]);
        List<String> command = Arrays.asList(args).subList(2, args.length);
        for (int round = 1; round <= rounds; round++) {
            probe(command, queries);
        }
    }

    private static void probe(List<String> command, List<String> queries) throws Exception {
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            OutputStream in = process.getOutputStream();
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            send(
                    in,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"search-probe\",\"version\":\"1\"}}}");
            await(out, 1);
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            double rssBefore = rssMb(process.pid());
            int id = 2;
            long start = System.nanoTime();
            search(in, out, id++, queries.get(0));
            double first = (System.nanoTime() - start) / 1e6;
            for (String query : queries) {
                search(in, out, id++, query);
            }
            List<Double> warm = new ArrayList<>();
            for (String query : queries) {
                long t = System.nanoTime();
                search(in, out, id++, query);
                warm.add((System.nanoTime() - t) / 1e6);
            }
            double rssAfter = rssMb(process.pid());
            warm.sort(null);
            System.out.println(String.format(
                    Locale.ROOT,
                    "first search %.0f ms; warm searches (%d) p50 %.2f ms,"
                            + " p90 %.2f ms; RSS %.0f MB before the first search, %.0f MB after",
                    first,
                    warm.size(),
                    warm.get(warm.size() / 2),
                    warm.get(warm.size() * 9 / 10),
                    rssBefore,
                    rssAfter));
            in.close();
            process.waitFor(10, TimeUnit.SECONDS);
        } finally {
            process.destroyForcibly();
        }
    }

    private static void search(OutputStream in, BufferedReader out, int id, String query) throws IOException {
        send(
                in,
                "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":"
                        + "\"search_tools\",\"arguments\":{\"query\":\"" + query.replace("\"", "\\\"") + "\"}}}");
        String answer = await(out, id);
        if (!answer.contains("\"structuredContent\"")) {
            throw new IOException("search " + id + " failed: " + answer.substring(0, Math.min(300, answer.length())));
        }
    }

    private static void send(OutputStream in, String line) throws IOException {
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    private static String await(BufferedReader out, int id) throws IOException {
        String marker = "\"id\":" + id;
        String line;
        while ((line = out.readLine()) != null) {
            if (line.contains(marker + ",") || line.contains(marker + "}")) {
                return line;
            }
        }
        throw new IOException("stdout ended before the answer to request " + id);
    }

    private static double rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return -1;
    }
}
