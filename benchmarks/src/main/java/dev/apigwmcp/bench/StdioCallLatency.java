package dev.apigwmcp.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Sequential {@code tools/call} latency over stdio: starts the gateway command given as arguments, does the
 * legacy handshake, sends N calls one after another and prints p50/p90/p99 of the second half (the first half
 * warms the JIT). Separates the tool-execution path from the HTTP transport's own cost.
 *
 * <pre>java -cp harness dev.apigwmcp.bench.StdioCallLatency TOOL ARGUMENTS_JSON N -- java -jar gateway.jar ...</pre>
 */
public final class StdioCallLatency {

    public static void main(String[] args) throws Exception {
        String tool = args[0];
        String arguments = args[1];
        int calls = Integer.parseInt(args[2]);
        List<String> command = Arrays.asList(args).subList(4, args.length);
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (BufferedWriter in =
                        new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
                BufferedReader out =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            send(
                    in,
                    "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}");
            out.readLine();
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            long[] nanos = new long[calls];
            for (int i = 0; i < calls; i++) {
                long start = System.nanoTime();
                send(
                        in,
                        "{\"jsonrpc\":\"2.0\",\"id\":" + (i + 1) + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
                                + tool + "\",\"arguments\":" + arguments + "}}");
                String line = out.readLine();
                nanos[i] = System.nanoTime() - start;
                if (line == null || line.contains("\"isError\":true") || line.contains("\"error\"")) {
                    throw new IllegalStateException("call " + (i + 1) + " failed: " + line);
                }
            }
            long[] measured = Arrays.copyOfRange(nanos, calls / 2, calls);
            Arrays.sort(measured);
            System.out.printf(
                    java.util.Locale.ROOT,
                    "{\"mode\":\"stdio\",\"calls\":%d,\"p50Ms\":%.3f,\"p90Ms\":%.3f,\"p99Ms\":%.3f}%n",
                    measured.length,
                    at(measured, 0.5),
                    at(measured, 0.9),
                    at(measured, 0.99));
        } finally {
            process.destroy();
        }
    }

    private static void send(BufferedWriter in, String frame) throws java.io.IOException {
        in.write(frame);
        in.write('\n');
        in.flush();
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1e6;
    }
}
