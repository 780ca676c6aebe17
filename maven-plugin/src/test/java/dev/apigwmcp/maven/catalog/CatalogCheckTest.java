package dev.apigwmcp.maven.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.maven.catalog.CatalogCheck.FailOn;
import dev.apigwmcp.maven.catalog.CatalogCheck.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which catalog differences fail the build under each policy, and what the build then says. */
class CatalogCheckTest {

    private static final String ONE_TOOL = tools(
            "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}},"
                    + "\"required\":[\"id\"],\"additionalProperties\":false}",
            "Get one.");

    @TempDir
    Path dir;

    private Path generated;
    private Path reviewed;
    private final CatalogCheck check =
            new CatalogCheck(path -> dir.relativize(path).toString());

    private static String tools(String inputSchema, String description) {
        return "{\"tools\":[{\"name\":\"get\",\"description\":\"" + description + "\",\"inputSchema\":" + inputSchema
                + "}]}\n";
    }

    @BeforeEach
    void generatedCatalog() throws Exception {
        generated = Files.createDirectories(dir.resolve("generated"));
        reviewed = dir.resolve("reviewed");
        Files.writeString(generated.resolve("tools.json"), ONE_TOOL);
        Files.writeString(generated.resolve("TOOLS.md"), "# Tools\n");
    }

    private void review(String toolsJson, String toolsMd) throws Exception {
        Files.createDirectories(reviewed);
        Files.writeString(reviewed.resolve("tools.json"), toolsJson);
        Files.writeString(reviewed.resolve("TOOLS.md"), toolsMd);
    }

    private Verdict check(FailOn policy) throws Exception {
        return check.check(generated, reviewed, dir.resolve("catalog-diff.md"), policy, "mvn apigw-mcp:update-catalog");
    }

    @Test
    void identicalCatalogsPassUnderEveryPolicy() throws Exception {
        review(ONE_TOOL, "# Tools\n");
        for (FailOn policy : FailOn.values()) {
            Verdict verdict = check(policy);
            assertThat(verdict.identical()).isTrue();
            assertThat(verdict.fail()).isFalse();
            assertThat(verdict.headline()).contains("matches the reviewed catalog in reviewed");
        }
    }

    @Test
    void aBreakingChangeFailsUnlessThePolicyIsNone() throws Exception {
        // The reviewed catalog had no required argument: requiring one now breaks existing callers.
        review(
                tools(
                        "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}},"
                                + "\"additionalProperties\":false}",
                        "Get one."),
                "# Tools\n");

        assertThat(check(FailOn.ANY).fail()).isTrue();
        assertThat(check(FailOn.BREAKING).fail()).isTrue();
        Verdict none = check(FailOn.NONE);
        assertThat(none.fail()).isFalse();
        assertThat(none.headline()).contains("(1 breaking, 0 compatible)");
        assertThat(none.lines())
                .contains(
                        "diff written to catalog-diff.md",
                        "to accept the new catalog run: mvn apigw-mcp:update-catalog");
        assertThat(none.markdown()).contains("To accept: `mvn apigw-mcp:update-catalog`");
    }

    @Test
    void aCompatibleChangeFailsOnlyUnderAny() throws Exception {
        review(
                tools(
                        "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}},\"required\":[\"id\"],"
                                + "\"additionalProperties\":false}",
                        "Get one pet."),
                "# Tools\n");

        assertThat(check(FailOn.ANY).fail()).isTrue();
        assertThat(check(FailOn.BREAKING).fail()).isFalse();
        assertThat(check(FailOn.BREAKING).headline()).contains("(0 breaking, 1 compatible)");
    }

    @Test
    void aTextOnlyDifferenceSaysSo() throws Exception {
        review(ONE_TOOL, "# Tools (old)\n");

        Verdict verdict = check(FailOn.ANY);
        assertThat(verdict.fail()).isTrue();
        assertThat(verdict.lines()).contains("no semantic change; TOOLS.md differ in text only");
        assertThat(check(FailOn.BREAKING).fail()).isFalse();
    }

    @Test
    void aMissingReviewedCatalogFailsUnlessThePolicyIsNoneAndSaysHowToCreateIt() throws Exception {
        Verdict verdict = check(FailOn.BREAKING);
        assertThat(verdict.fail()).isTrue();
        assertThat(verdict.headline())
                .isEqualTo("apigw-mcp: there is no reviewed tool catalog at"
                        + " reviewed/tools.json; create it with: mvn apigw-mcp:update-catalog");
        assertThat(verdict.markdown()).contains("There is no reviewed catalog yet.");
        assertThat(check(FailOn.NONE).fail()).isFalse();
    }

    @Test
    void policiesAreReadInAnyCaseAndAnythingElseIsRefused() {
        assertThat(FailOn.parse(" Breaking ")).contains(FailOn.BREAKING);
        assertThat(FailOn.parse("sometimes")).isEmpty();
        assertThat(FailOn.parse(null)).isEmpty();
    }
}
