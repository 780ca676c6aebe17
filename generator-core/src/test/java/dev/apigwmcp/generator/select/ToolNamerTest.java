package dev.apigwmcp.generator.select;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.generator.model.ApiOperation;
import dev.apigwmcp.generator.model.HttpMethod;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToolNamerTest {

    private static ApiOperation operation(HttpMethod method, String path, String operationId) {
        return new ApiOperation(
                path,
                method,
                "/paths",
                operationId,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                List.of(),
                null,
                null,
                false,
                List.of());
    }

    @ParameterizedTest
    @CsvSource({
        "GET, /pets/{petId}/photos, get_pets_petId_photos",
        "GET, /, get_root",
        "ANY, /admin/{proxy+}, any_admin_proxy",
        "DELETE, /v1/users.json, delete_v1_users_json"
    })
    void derivedNamesComeFromMethodAndPath(HttpMethod method, String path, String expected) {
        assertThat(ToolNamer.derivedName(operation(method, path, null))).isEqualTo(expected);
    }

    @Test
    void operationIdIsSanitisedToThePortableAlphabet() {
        ToolNamer namer = new ToolNamer("gh");
        String base = namer.baseName(operation(HttpMethod.GET, "/x", "repos/get-content"), null);
        assertThat(base).isEqualTo("repos_get-content");
        assertThat(namer.finalName(base)).isEqualTo("gh___repos_get-content");
    }

    @Test
    void overrideBeatsOperationIdAndUnusableOperationIdFallsBackToPath() {
        ToolNamer namer = new ToolNamer(null);
        assertThat(namer.baseName(operation(HttpMethod.GET, "/a", "getA"), "fetchA"))
                .isEqualTo("fetchA");
        assertThat(namer.baseName(operation(HttpMethod.GET, "/a", "???"), null)).isEqualTo("get_a");
    }

    @Test
    void longNamesAreShortenedWithAStableHash() {
        ToolNamer namer = new ToolNamer("target");
        String base = "a".repeat(80);
        String name = namer.finalName(base);
        assertThat(name).hasSize(64).startsWith("target___aaaa").matches(ToolNamer.PORTABLE_NAME);
        assertThat(namer.finalName(base)).isEqualTo(name);
        assertThat(namer.finalName("a".repeat(79) + "b")).isNotEqualTo(name);
    }

    @Test
    void shortNamesAreKeptAsTheyAre() {
        assertThat(new ToolNamer(null).finalName("x".repeat(64))).isEqualTo("x".repeat(64));
    }
}
