package dev.apigwmcp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Maven log written with {@code -Dorg.slf4j.simpleLogger.showDateTime=true} and the format
 * {@code HH:mm:ss.SSS}, and prints the milliseconds from the header line of the apigw-mcp plugin's
 * {@code generate} execution to the next timestamped line: the time the plugin itself took.
 *
 * <p>Usage: {@code PluginTime MAVEN_LOG}.
 */
public final class PluginTime {

    private static final Pattern STAMP = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d) ");

    private PluginTime() {}

    public static void main(String[] args) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        LocalTime start = null;
        for (String line : lines) {
            Matcher m = STAMP.matcher(line);
            if (!m.find()) {
                continue;
            }
            LocalTime time = LocalTime.parse(m.group(1));
            if (start != null) {
                System.out.println(Duration.between(start, time).toMillis());
                return;
            }
            if (line.contains("apigw-mcp-maven-plugin") && line.contains(":generate")) {
                start = time;
            }
        }
        System.err.println("PluginTime: no apigw-mcp generate execution (or no line after it) in " + args[0]);
        System.exit(1);
    }
}
