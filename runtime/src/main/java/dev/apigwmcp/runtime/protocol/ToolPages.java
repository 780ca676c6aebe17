package dev.apigwmcp.runtime.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every {@code tools/list} result, serialised once at start: one list of pages per result flavour. Answering a
 * list request is then a byte copy, so a catalog of thousands of tools costs microseconds per page.
 */
final class ToolPages {

    /** The result shapes that differ on the wire. */
    enum Flavour { MODERN, LEGACY, LEGACY_2025_03_26 }

    private final List<byte[]> modern;
    private final List<byte[]> legacy;
    private final List<byte[]> legacyWithoutStructured;

    ToolPages(List<ObjectNode> tools, ServerOptions options, ObjectNode serverInfo) {
        int pages = Math.max(1, (tools.size() + options.pageSize() - 1) / options.pageSize());
        List<byte[]> m = new ArrayList<>(pages);
        List<byte[]> l = new ArrayList<>(pages);
        List<byte[]> b = new ArrayList<>(pages);
        for (int page = 0; page < pages; page++) {
            List<ObjectNode> slice = tools.subList(page * options.pageSize(), Math.min(tools.size(), (page + 1) * options.pageSize()));
            String next = page + 1 < pages ? cursor(page + 1) : null;
            m.add(serialise(slice, next, Flavour.MODERN, options, serverInfo));
            l.add(serialise(slice, next, Flavour.LEGACY, options, serverInfo));
            b.add(serialise(slice, next, Flavour.LEGACY_2025_03_26, options, serverInfo));
        }
        this.modern = List.copyOf(m);
        this.legacy = List.copyOf(l);
        this.legacyWithoutStructured = List.copyOf(b);
    }

    int pageCount() {
        return modern.size();
    }

    /** The serialised result of the page a cursor names ({@code null}: the first). */
    byte[] page(Flavour flavour, JsonNode cursor) {
        int index = pageIndex(cursor);
        return switch (flavour) {
            case MODERN -> modern.get(index);
            case LEGACY -> legacy.get(index);
            case LEGACY_2025_03_26 -> legacyWithoutStructured.get(index);
        };
    }

    private int pageIndex(JsonNode cursor) {
        if (cursor == null || cursor.isNull()) {
            return 0;
        }
        if (!cursor.isString()) {
            throw new ProtocolException(JsonRpc.INVALID_PARAMS, "Invalid params: tools/list cursor must be a string");
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor.asString()), StandardCharsets.UTF_8);
            if (decoded.startsWith("page:")) {
                int index = Integer.parseInt(decoded.substring(5));
                if (index > 0 && index < modern.size()) {
                    return index;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below: a cursor we did not issue
        }
        throw new ProtocolException(JsonRpc.INVALID_PARAMS, "Invalid params: unknown tools/list cursor \"" + abbreviate(cursor.asString()) + "\"");
    }

    static String cursor(int page) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("page:" + page).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] serialise(List<ObjectNode> slice, String next, Flavour flavour, ServerOptions options, ObjectNode serverInfo) {
        ObjectNode result = JsonRpc.NODES.objectNode();
        ArrayNode array = result.putArray("tools");
        for (ObjectNode tool : slice) {
            if (flavour == Flavour.LEGACY_2025_03_26 && tool.has("outputSchema")) {
                ObjectNode copy = tool.deepCopy();
                copy.remove("outputSchema");
                array.add(copy);
            } else {
                array.add(tool);
            }
        }
        if (next != null) {
            result.put("nextCursor", next);
        }
        if (flavour == Flavour.MODERN) {
            result.put("ttlMs", options.listTtlMs());
            // The catalog is compiled ahead of time and the same for every caller.
            result.put("cacheScope", "public");
            result.put("resultType", "complete");
            result.putObject("_meta").set(ProtocolVersions.META_SERVER_INFO, serverInfo);
        }
        return JsonRpc.MAPPER.writeValueAsBytes(result);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
