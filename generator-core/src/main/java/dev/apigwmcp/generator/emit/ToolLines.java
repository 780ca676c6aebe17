package dev.apigwmcp.generator.emit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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

    private ToolLines() {
    }

    /** The list result from tools' pretty-printed JSON (UTF-8), already sorted by name. */
    public static byte[] listResult(List<byte[]> prettyTools) {
        int size = HEAD.length + TAIL.length;
        for (byte[] tool : prettyTools) {
            size += tool.length + 2;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.writeBytes(HEAD);
        for (int i = 0; i < prettyTools.size(); i++) {
            compact(prettyTools.get(i), out);
            if (i < prettyTools.size() - 1) {
                out.write(',');
            }
            out.write('\n');
        }
        out.writeBytes(TAIL);
        return out.toByteArray();
    }

    /**
     * Copies JSON without the whitespace between tokens: the same bytes a compact writer gives, since string
     * contents (where whitespace is kept) are escaped the same way in both, and a raw newline cannot occur in
     * one.
     */
    static void compact(byte[] json, ByteArrayOutputStream out) {
        boolean inString = false;
        int from = 0;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                out.write(json, from, i - from);
                from = i + 1;
            }
        }
        out.write(json, from, json.length - from);
    }
}
