package dev.apigwmcp.runtime.execution;

import dev.apigwmcp.runtime.tools.ToolListing;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a target's {@code tools.json} in the layout the generator writes it, without a JSON parser: the line
 * {@code {"tools":[}, then each tool as one line of compact JSON (ending in a comma but for the last), then
 * {@code ]}}. A tool line is already the bytes {@code tools/list} sends, so start-up only finds where lines end,
 * reads each name (the generator writes {@code "name"} first, and names are {@code [A-Za-z0-9_-]}) and notes
 * whether the tool has a top-level {@code outputSchema}, in one pass over the bytes.
 *
 * <p>Anything else — another layout, a name that needs escaping, unbalanced braces, a repeated name — makes
 * {@link #read} return {@code null}, and the caller reads the file with a JSON parser, which reports problems
 * precisely. The check is structural, not a full JSON validation: the file comes from the generator, inside the
 * same jar.
 */
final class ToolLinesReader {

    private static final byte[] HEAD = "{\"tools\":[\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TAIL = "]}\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NAME = "{\"name\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INPUT_SCHEMA = "\"inputSchema\":{".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OUTPUT_SCHEMA = "\"outputSchema\":".getBytes(StandardCharsets.US_ASCII);

    private ToolLinesReader() {}

    /** The tools by name in file order, or {@code null} when {@code bytes} are not in the generator's layout. */
    static Map<String, ToolListing> read(byte[] bytes) {
        if (!startsWith(bytes, 0, HEAD)
                || bytes.length < HEAD.length + TAIL.length
                || !startsWith(bytes, bytes.length - TAIL.length, TAIL)) {
            return null;
        }
        Map<String, ToolListing> tools = new LinkedHashMap<>();
        int end = bytes.length - TAIL.length;
        int line = HEAD.length;
        while (line < end) {
            int next = line;
            while (next < end && bytes[next] != '\n') {
                next++;
            }
            if (next == end) {
                return null; // the last tool line must end with a newline before the tail
            }
            boolean last = next + 1 == end;
            int stop = last ? next : next - 1; // drop the separating comma
            if (!last && bytes[next - 1] != ',') {
                return null;
            }
            ToolListing tool = tool(bytes, line, stop);
            if (tool == null || tools.put(tool.name(), tool) != null) {
                return null;
            }
            line = next + 1;
        }
        return tools;
    }

    /** One tool object in {@code bytes[from, to)}, or {@code null} when it is not in the expected shape. */
    private static ToolListing tool(byte[] bytes, int from, int to) {
        if (!startsWith(bytes, from, NAME) || to - from < NAME.length + 2 || bytes[to - 1] != '}') {
            return null;
        }
        int nameEnd = from + NAME.length;
        while (nameEnd < to && isNameByte(bytes[nameEnd])) {
            nameEnd++;
        }
        if (nameEnd == from + NAME.length || nameEnd >= to || bytes[nameEnd] != '"') {
            return null;
        }
        String name = new String(bytes, from + NAME.length, nameEnd - from - NAME.length, StandardCharsets.US_ASCII);
        // Walk the object: depth counts braces and brackets outside strings; at depth 1, a string that reads
        // "inputSchema":{ or "outputSchema": is a member name (a value is never followed by a colon).
        int depth = 0;
        boolean input = false;
        boolean output = false;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '"') {
                if (depth == 1) {
                    input |= startsWith(bytes, i, INPUT_SCHEMA);
                    output |= startsWith(bytes, i, OUTPUT_SCHEMA);
                }
                i = stringEnd(bytes, i + 1, to);
                if (i < 0) {
                    return null;
                }
            } else if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']') {
                depth--;
                if (depth == 0 && i != to - 1 || depth < 0) {
                    return null;
                }
            }
        }
        if (depth != 0 || !input) {
            return null;
        }
        return new ToolListing(name, Arrays.copyOfRange(bytes, from, to), output);
    }

    /** The index of the quote that closes the string whose content starts at {@code i}, or -1. */
    private static int stringEnd(byte[] bytes, int i, int to) {
        for (; i < to; i++) {
            byte b = bytes[i];
            if (b == '\\') {
                i++;
            } else if (b == '"') {
                return i;
            } else if (b == '\n') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isNameByte(byte b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b == '-';
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        return at >= 0
                && at + prefix.length <= bytes.length
                && Arrays.equals(bytes, at, at + prefix.length, prefix, 0, prefix.length);
    }
}
