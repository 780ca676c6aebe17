package dev.apigwmcp.generator.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToolCatalogTest {

    @Test
    void readsToolsSortedByName() throws Exception {
        ToolCatalog catalog = ToolCatalog.parse("""
                {"tools":[{"name":"b","inputSchema":{"type":"object"}},
                          {"name":"a","title":"A","description":"d","inputSchema":{"type":"object"},
                           "outputSchema":{"type":"object"},"annotations":{"readOnlyHint":true}}]}
                """, "tools.json");

        assertThat(catalog.tools()).containsOnlyKeys("a", "b");
        assertThat(catalog.tools().keySet()).containsExactly("a", "b");
        ToolCatalog.Tool a = catalog.tools().get("a");
        assertThat(a.title()).isEqualTo("A");
        assertThat(a.outputSchema()).isNotNull();
        assertThat(catalog.tools().get("b").outputSchema()).isNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "{;catalog/tools.json: not valid JSON (line 1, column 2)",
                "[];catalog/tools.json: expected a JSON object",
                "{\"tools\":{}};catalog/tools.json#/tools: expected an array of tools",
                "{\"tools\":[1]};catalog/tools.json#/tools/0: expected a tool object",
                "{\"tools\":[{\"inputSchema\":{}}]};catalog/tools.json#/tools/0/name: expected a non-empty string",
                "{\"tools\":[{\"name\":\"x\"}]};catalog/tools.json#/tools/0/inputSchema: expected a JSON Schema object (tool x)",
                "{\"tools\":[{\"name\":\"x\",\"inputSchema\":{}},{\"name\":\"x\",\"inputSchema\":{}}]};"
                        + "catalog/tools.json#/tools/1/name: duplicate tool name x"
            })
    void rejectsMalformedCatalogsNamingThePlace(String json, String message) {
        assertThatThrownBy(() -> ToolCatalog.parse(json, "catalog/tools.json"))
                .isInstanceOf(CatalogFormatException.class)
                .hasMessageStartingWith(message);
    }
}
