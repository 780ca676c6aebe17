package dev.apigwmcp.runtime.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which tools a selector selects: name patterns, targets, annotation hints with MCP's defaults, combinations. */
class ToolSelectorTest {

    private static ToolInfo tool(String name, String target, Map<String, Boolean> hints) {
        return new ToolInfo(name, target, "GET", "/x", null, hints);
    }

    private static ToolInfo tool(String name) {
        return tool(name, "petstore", Map.of());
    }

    @Test
    void aPatternsStarMatchesAnyRunOfCharactersAndEverythingElseLiterally() {
        ToolSelector selector = ToolSelector.tools("petstore-browse___Get*", "a.b");
        assertThat(selector.selects(tool("petstore-browse___GetPet"))).isTrue();
        assertThat(selector.selects(tool("petstore-browse___Get"))).isTrue();
        assertThat(selector.selects(tool("petstore___GetPet"))).isFalse();
        assertThat(selector.selects(tool("a.b"))).isTrue();
        assertThat(selector.selects(tool("axb"))).isFalse();
    }

    @Test
    void aNameWithoutStarMatchesExactlyAndCaseSensitively() {
        ToolSelector selector = ToolSelector.tools("petstore___getPet");
        assertThat(selector.selects(tool("petstore___getPet"))).isTrue();
        assertThat(selector.selects(tool("petstore___GetPet"))).isFalse();
        assertThat(selector.selects(tool("petstore___getPets"))).isFalse();
    }

    @Test
    void aTargetSelectorComparesTheTarget() {
        assertThat(ToolSelector.targets("orders").selects(tool("x", "orders", Map.of())))
                .isTrue();
        assertThat(ToolSelector.targets("orders").selects(tool("x", "petstore", Map.of())))
                .isFalse();
    }

    @Test
    void hintsListedInTheCatalogWinOverMcpDefaults() {
        ToolInfo readOnly = tool("r", "t", Map.of("readOnlyHint", true, "destructiveHint", false));
        ToolInfo delete = tool("d", "t", Map.of("readOnlyHint", false, "destructiveHint", true));
        ToolInfo post = tool("p", "t", Map.of("readOnlyHint", false, "destructiveHint", false));
        assertThat(ToolSelector.destructive().selects(delete)).isTrue();
        assertThat(ToolSelector.destructive().selects(post)).isFalse();
        assertThat(ToolSelector.destructive().selects(readOnly)).isFalse();
        assertThat(ToolSelector.readOnly().selects(readOnly)).isTrue();
        assertThat(ToolSelector.hint("destructiveHint", false).selects(post)).isTrue();
    }

    @Test
    void aReadOnlyToolIsNeverDestructiveWhateverItsDestructiveHintSays() {
        ToolInfo odd = tool("r", "t", Map.of("readOnlyHint", true, "destructiveHint", true));
        assertThat(ToolSelector.destructive().selects(odd)).isFalse();
    }

    @Test
    void andNeedsBothAndOrEither() {
        ToolSelector gets = ToolSelector.tools("*___get*");
        ToolSelector orders = ToolSelector.targets("orders");
        ToolInfo ordersGet = tool("orders___getOrder", "orders", Map.of());
        ToolInfo petsGet = tool("petstore___getPet", "petstore", Map.of());
        assertThat(gets.and(orders).selects(ordersGet)).isTrue();
        assertThat(gets.and(orders).selects(petsGet)).isFalse();
        assertThat(orders.or(gets).selects(petsGet)).isTrue();
        assertThat(orders.or(ToolSelector.targets("x")).selects(petsGet)).isFalse();
    }
}
