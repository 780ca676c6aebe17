package dev.apigwmcp.runtime.protocol;

import dev.apigwmcp.runtime.tools.ToolListing;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every {@code tools/list} result, serialised once: each tool arrives as compact JSON ({@link ToolListing}), and a
 * page is those bytes joined inside the page's envelope. The pages of a result flavour are assembled on the first
 * request of that flavour (a byte copy) and kept, so answering a list request is a byte copy and a flavour nobody
 * asks for costs nothing.
 */
final class ToolPages {

    /** The result shapes that differ on the wire. */
    enum Flavour {
        MODERN,
        LEGACY,
        LEGACY_2025_03_26
    }

    private static final byte[] OPEN = "{\"tools\":[".getBytes(StandardCharsets.UTF_8);

    private final List<ToolListing> tools;
    private final ServerOptions options;
    private final ObjectNode serverInfo;
    private final int pages;
    private final String cacheScope;
    private final Map<Flavour, List<byte[]>> byFlavour = new EnumMap<>(Flavour.class);

    ToolPages(List<ToolListing> tools, ServerOptions options, ObjectNode serverInfo) {
        this(tools, options, serverInfo, "public");
    }

    /** @param cacheScope {@code public} when every caller gets these pages, {@code private} when they vary */
    ToolPages(List<ToolListing> tools, ServerOptions options, ObjectNode serverInfo, String cacheScope) {
        this.tools = List.copyOf(tools);
        this.options = options;
        this.serverInfo = serverInfo;
        this.cacheScope = cacheScope;
        this.pages = Math.max(1, (tools.size() + options.pageSize() - 1) / options.pageSize());
    }

    int pageCount() {
        return pages;
    }

    /** The serialised result of the page a cursor names ({@code null}: the first). */
    byte[] page(Flavour flavour, JsonNode cursor) {
        int index = pageIndex(cursor);
        return pages(flavour).get(index);
    }

    private synchronized List<byte[]> pages(Flavour flavour) {
        List<byte[]> built = byFlavour.get(flavour);
        if (built == null) {
            built = build(flavour);
            byFlavour.put(flavour, built);
        }
        return built;
    }

    private List<byte[]> build(Flavour flavour) {
        byte[][] each = new byte[tools.size()][];
        for (int i = 0; i < each.length; i++) {
            ToolListing tool = tools.get(i);
            each[i] = flavour == Flavour.LEGACY_2025_03_26 ? tool.jsonWithoutOutputSchema() : tool.json();
        }
        List<byte[]> built = new ArrayList<>(pages);
        for (int page = 0; page < pages; page++) {
            int from = page * options.pageSize();
            int to = Math.min(tools.size(), from + options.pageSize());
            String next = page + 1 < pages ? cursor(page + 1) : null;
            built.add(page(each, from, to, envelopeTail(next, flavour)));
        }
        return List.copyOf(built);
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
                if (index > 0 && index < pages) {
                    return index;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below: a cursor we did not issue
        }
        throw new ProtocolException(
                JsonRpc.INVALID_PARAMS,
                "Invalid params: unknown tools/list cursor \"" + abbreviate(cursor.asString()) + "\"");
    }

    static String cursor(int page) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("page:" + page).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code {"tools":[t1,t2,...]} + the rest of the envelope}, byte for byte what Jackson writes for the whole. */
    private static byte[] page(byte[][] each, int from, int to, byte[] tail) {
        int size = OPEN.length + 1 + tail.length + Math.max(0, to - from - 1);
        for (int i = from; i < to; i++) {
            size += each[i].length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.writeBytes(OPEN);
        for (int i = from; i < to; i++) {
            if (i > from) {
                out.write(',');
            }
            out.writeBytes(each[i]);
        }
        out.write(']');
        out.writeBytes(tail);
        return out.toByteArray();
    }

    /** What follows the tools array: {@code ,"nextCursor":...,...}} or just {@code }}. */
    private byte[] envelopeTail(String next, Flavour flavour) {
        ObjectNode rest = JsonRpc.NODES.objectNode();
        if (next != null) {
            rest.put("nextCursor", next);
        }
        if (flavour == Flavour.MODERN) {
            rest.put("ttlMs", options.listTtlMs());
            // The catalog is compiled ahead of time: the same for every caller unless scopes choose what each sees.
            rest.put("cacheScope", cacheScope);
            rest.put("resultType", "complete");
            rest.putObject("_meta").set(ProtocolVersions.META_SERVER_INFO, serverInfo);
        }
        if (rest.isEmpty()) {
            return "}".getBytes(StandardCharsets.UTF_8);
        }
        byte[] object = JsonRpc.MAPPER.writeValueAsBytes(rest); // {"nextCursor":...}: drop '{', prefix ','
        byte[] tail = new byte[object.length];
        tail[0] = ',';
        System.arraycopy(object, 1, tail, 1, object.length - 1);
        return tail;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
