package dev.apigwmcp.generator.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogDiffRendererTest {

    private final CatalogDiff diff = new CatalogDiff(List.of(
            new CatalogChange("b", null, ChangeKind.TOOL_ADDED, Severity.COMPATIBLE, ""),
            new CatalogChange("a", "input.x|y", ChangeKind.ARGUMENT_REMOVED, Severity.BREAKING, "was required")));

    @Test
    void markdownHasCountsAndOneRowPerChangeInToolOrder() {
        String markdown =
                new CatalogDiffRenderer().markdown(diff, "src/main/apigw-mcp/catalog/tools.json", "target/tools.json");

        assertThat(markdown).isEqualTo("""
                # Tool catalog changes

                Compared `src/main/apigw-mcp/catalog/tools.json` (reviewed) with `target/tools.json` (generated).

                **1 breaking**, 1 compatible.

                | Severity | Tool | Where | Change | Detail |
                | --- | --- | --- | --- | --- |
                | **BREAKING** | `a` | `input.x\\|y` | argument removed | was required |
                | compatible | `b` |  | tool added |  |
                """);
    }

    @Test
    void logLinesListBreakingChangesFirst() {
        List<String> lines = new CatalogDiffRenderer()
                .logLines(new CatalogDiff(List.of(
                        new CatalogChange("a", null, ChangeKind.TOOL_ADDED, Severity.COMPATIBLE, ""),
                        new CatalogChange("z", "input.q", ChangeKind.ARGUMENT_NOW_REQUIRED, Severity.BREAKING, ""))));

        assertThat(lines).containsExactly("BREAKING z input.q: argument now required", "COMPATIBLE a: tool added");
    }

    @Test
    void emptyDiffSaysSo() {
        assertThat(new CatalogDiffRenderer().markdown(new CatalogDiff(List.of()), "a", "b"))
                .endsWith("No semantic changes.\n");
    }
}
