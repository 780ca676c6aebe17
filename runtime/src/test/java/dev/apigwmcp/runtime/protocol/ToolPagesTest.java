package dev.apigwmcp.runtime.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwmcp.runtime.tools.ToolListing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/** Pages assembled from per-tool bytes must be exactly what serialising each whole result would give. */
class ToolPagesTest {

    private final ObjectNode serverInfo =
            JsonRpc.NODES.objectNode().put("name", "apigw-mcp").put("version", "1");

    @Test
    void everyFlavourAndPageIsByteForByteTheSerialisedResult() {
        List<ObjectNode> tools = tools(7);
        ServerOptions options = new ServerOptions("apigw-mcp", "1", null, 3, 60_000);
        ToolPages pages = new ToolPages(listings(tools), options, serverInfo);

        assertThat(pages.pageCount()).isEqualTo(3);
        for (ToolPages.Flavour flavour : ToolPages.Flavour.values()) {
            for (int page = 0; page < 3; page++) {
                StringNode cursor = page == 0 ? null : StringNode.valueOf(ToolPages.cursor(page));
                assertThat(text(pages.page(flavour, cursor)))
                        .as(flavour + " page " + page)
                        .isEqualTo(expected(
                                tools.subList(page * 3, Math.min(7, page * 3 + 3)),
                                page < 2 ? ToolPages.cursor(page + 1) : null,
                                flavour,
                                options));
            }
        }
    }

    @Test
    void theLegacyFlavourLeavesOutOutputSchemasWithoutChangingTheTools() {
        List<ObjectNode> tools = tools(2);
        ToolPages pages = new ToolPages(listings(tools), new ServerOptions("apigw-mcp", "1", null, 100, 0), serverInfo);

        String legacy = text(pages.page(ToolPages.Flavour.LEGACY_2025_03_26, null));

        assertThat(legacy).doesNotContain("outputSchema").contains("\"name\":\"tool0\"");
        assertThat(tools.get(0).has("outputSchema")).isTrue();
        assertThat(text(pages.page(ToolPages.Flavour.LEGACY, null))).contains("outputSchema");
    }

    @Test
    void anEmptyCatalogIsOnePageWithAnEmptyList() {
        ToolPages pages = new ToolPages(List.of(), new ServerOptions("apigw-mcp", "1", null, 10, 0), serverInfo);

        assertThat(pages.pageCount()).isEqualTo(1);
        assertThat(text(pages.page(ToolPages.Flavour.LEGACY, null))).isEqualTo("{\"tools\":[]}");
    }

    @Test
    void aCursorThatWasNeverIssuedIsRejected() {
        ToolPages pages =
                new ToolPages(listings(tools(2)), new ServerOptions("apigw-mcp", "1", null, 1, 0), serverInfo);

        assertThatThrownBy(() -> pages.page(ToolPages.Flavour.MODERN, StringNode.valueOf(ToolPages.cursor(5))))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("unknown tools/list cursor");
    }

    private static List<ToolListing> listings(List<ObjectNode> tools) {
        return tools.stream().map(ToolListing::of).toList();
    }

    /** The result built as one tree and serialised whole, as the server did before pages were assembled. */
    private String expected(List<ObjectNode> slice, String next, ToolPages.Flavour flavour, ServerOptions options) {
        ObjectNode result = JsonRpc.NODES.objectNode();
        ArrayNode array = result.putArray("tools");
        for (ObjectNode tool : slice) {
            ObjectNode copy = tool.deepCopy();
            if (flavour == ToolPages.Flavour.LEGACY_2025_03_26) {
                copy.remove("outputSchema");
            }
            array.add(copy);
        }
        if (next != null) {
            result.put("nextCursor", next);
        }
        if (flavour == ToolPages.Flavour.MODERN) {
            result.put("ttlMs", options.listTtlMs());
            result.put("cacheScope", "public");
            result.put("resultType", "complete");
            result.putObject("_meta").set(ProtocolVersions.META_SERVER_INFO, serverInfo);
        }
        return JsonRpc.MAPPER.writeValueAsString(result);
    }

    private static List<ObjectNode> tools(int count) {
        List<ObjectNode> tools = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode tool =
                    JsonRpc.NODES.objectNode().put("name", "tool" + i).put("description", "Tool \"" + i + "\" ü");
            tool.putObject("inputSchema").put("type", "object").putObject("properties");
            if (i % 2 == 0) {
                tool.putObject("outputSchema").put("type", "object");
            }
            tool.putObject("annotations").put("readOnlyHint", true);
            tools.add(tool);
        }
        return tools;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
