package dev.apigwmcp.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Wall time of whole commands, run in turn (A B A B ...) so that both see the same machine load. {@code {run}} in
 * a command becomes the run's number (for fresh output folders). A command that fails stops the benchmark.
 *
 * <p>Usage: {@code CommandTimer ROUNDS RAW_FILE CONTENDERS_FILE} (lines {@code name|command}). Prints one Markdown
 * row per contender and, for the first two, the ratio of their medians.
 */
public final class CommandTimer {

    private CommandTimer() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: CommandTimer ROUNDS RAW_FILE CONTENDERS_FILE");
            System.exit(2);
        }
        int rounds = Integer.parseInt(args[0]);
        Path raw = Path.of(args[1]);
        Map<String, String> contenders = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[2]))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int bar = line.indexOf('|');
                contenders.put(
                        line.substring(0, bar).trim(), line.substring(bar + 1).trim());
            }
        }
        Map<String, List<Double>> times = new LinkedHashMap<>();
        contenders.keySet().forEach(name -> times.put(name, new ArrayList<>()));
        for (int round = 1; round <= rounds; round++) {
            for (Map.Entry<String, String> contender : contenders.entrySet()) {
                List<String> command = List.of(contender
                        .getValue()
                        .replace("{run}", Integer.toString(round))
                        .split("\\s+"));
                Path log = raw.resolveSibling(raw.getFileName() + "." + contender.getKey() + ".log");
                long start = System.nanoTime();
                Process process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .start();
                int code = process.waitFor();
                double ms = (System.nanoTime() - start) / 1e6;
                if (code != 0) {
                    System.err.println("CommandTimer: " + contender.getKey() + " exited " + code + "; see " + log);
                    System.exit(1);
                }
                times.get(contender.getKey()).add(ms);
                String line = String.format(
                        Locale.ROOT,
                        "{\"contender\":\"%s\",\"round\":%d,\"wallMs\":%.1f}",
                        contender.getKey(),
                        round,
                        ms);
                Files.writeString(
                        raw, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                System.err.println("CommandTimer: " + line);
            }
        }
        List<String> names = new ArrayList<>(times.keySet());
        for (String name : names) {
            Stats stats = Stats.of(times.get(name));
            String ratio = String.format(
                    Locale.ROOT,
                    "%.2f",
                    stats.median()
                            / Stats.of(times.get(names.get(names.size() - 1))).median());
            System.out.println("| " + name + " | " + stats.text("%.0f") + " | " + ratio + " |");
        }
    }
}
