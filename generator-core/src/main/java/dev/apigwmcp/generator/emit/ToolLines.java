package dev.apigwmcp.generator.emit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A target's {@code tools.json} as the runtime reads it: the {@code tools/list} result with one tool per line in
 * compact JSON, so the gateway finds its tools' bytes without a JSON parser at start
 * ({@code dev.apigwmcp.runtime.execution.ToolLinesReader}):
 * <pre>
 * {"tools":[
 * {"name":"a",...},
 * {"name":"b",...}
 * ]}
 * </pre>
 * The catalog's {@code tools.json}, which people review, stays pretty-printed.
 */
public final class ToolLines {

    private static final byte[] HEAD = "{\"tools\":[\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TAIL = "]}\n".getBytes(StandardCharsets.US_ASCII);

    private ToolLines() {}

    /** The list result from tools' {@link #line}s, already sorted by name. */
    public static byte[] listResult(List<byte[]> lines) {
        int size = HEAD.length + TAIL.length;
        for (byte[] line : lines) {
            size += line.length + 2;
        }
        byte[] out = new byte[size];
        System.arraycopy(HEAD, 0, out, 0, HEAD.length);
        int at = HEAD.length;
        for (int i = 0; i < lines.size(); i++) {
            byte[] line = lines.get(i);
            System.arraycopy(line, 0, out, at, line.length);
            at += line.length;
            if (i < lines.size() - 1) {
                out[at++] = ',';
            }
            out[at++] = '\n';
        }
        System.arraycopy(TAIL, 0, out, at, TAIL.length);
        return Arrays.copyOf(out, at + TAIL.length);
    }

    /**
     * One tool's line: its pretty-printed JSON (UTF-8) made compact. Tools are compacted one by one, in parallel:
     * the list of a large API is many megabytes (BENCHMARKS.md, "Generator").
     */
    public static byte[] line(byte[] prettyTool) {
        byte[] out = new byte[prettyTool.length];
        return Arrays.copyOf(out, compact(prettyTool, out, 0));
    }

    /**
     * Copies JSON into {@code out} from {@code at} without the whitespace between tokens, and returns where it
     * ended: the same bytes a compact writer gives, since string contents (where whitespace is kept) are escaped
     * the same way in both, and a raw newline cannot occur in one. A plain loop over arrays, because it runs over
     * megabytes often before the JIT has compiled anything.
     */
    static int compact(byte[] json, byte[] out, int at) {
        boolean inString = false;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (inString) {
                if (b == '\\') {
                    out[at++] = b;
                    b = json[++i];
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                continue;
            }
            out[at++] = b;
        }
        return at;
    }
}
