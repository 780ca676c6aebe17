package dev.apigwmcp.runtime.search;

import static dev.apigwmcp.runtime.search.ToolIndexTest.tool;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Acronyms learnt from the catalog's own titles and descriptions. */
class AcronymsTest {

    /** Five pull-request tools and a few others, as a code host's catalog has them. */
    static List<SearchDocument> codeHost() {
        List<SearchDocument> tools = new ArrayList<>();
        tools.add(tool(
                "a___createPull", "create pull", "Create a pull request", "Opens a pull request.", "POST", "", ""));
        tools.add(tool(
                "a___listPulls", "list pulls", "List pull requests", "Pull requests of a repository.", "GET", "", ""));
        tools.add(tool("a___mergePull", "merge pull", "Merge a pull request", "Merges it.", "PUT", "", ""));
        tools.add(tool("a___updatePull", "update pull", "Update a pull request", "Changes a title.", "PATCH", "", ""));
        tools.add(tool("a___listFiles", "list files", "List pull request files", "At most 3000 files.", "GET", "", ""));
        tools.add(
                tool("a___getRepo", "get repo", "Get a repository", "A public repository, or private.", "GET", "", ""));
        return tools;
    }

    @Test
    void anAcronymBecomesThePhraseTheCatalogWritesItsInitialsAs() {
        assertThat(Acronyms.of(codeHost()).spell("approve the PR")).isEqualTo("approve the pull request");
    }

    @Test
    void aPluralAcronymBecomesThePluralPhrase() {
        assertThat(Acronyms.of(codeHost()).spell("which PRs are open")).isEqualTo("which pull requests are open");
    }

    @Test
    void lowerCaseWordsAndUnknownAcronymsStayAsTheyAre() {
        Acronyms acronyms = Acronyms.of(codeHost());

        assertThat(acronyms.spell("a pr for the CI")).isEqualTo("a pr for the CI");
    }

    @Test
    void aPhraseFewerThanFiveToolsUseIsNoAcronym() {
        assertThat(Acronyms.of(codeHost().subList(0, 4)).spell("approve the PR"))
                .isEqualTo("approve the PR");
    }

    @Test
    void initialsTwoPhrasesShareAboutEquallyAreLeftAlone() {
        List<SearchDocument> tools = codeHost();
        IntStream.range(0, 5)
                .forEach(i -> tools.add(
                        tool("a___rule" + i, "rule", "Get a protection rule", "A protection rule.", "GET", "", "")));

        assertThat(Acronyms.of(tools).spell("approve the PR")).isEqualTo("approve the PR");
    }

    @Test
    void anAcronymTheCatalogItselfUsesAsAWordIsLeftAlone() {
        List<SearchDocument> tools = codeHost();
        IntStream.range(0, 6)
                .forEach(i ->
                        tools.add(tool("a___pr" + i, "pr", "Label a PR", "Adds a label to the PR.", "POST", "", "")));

        assertThat(Acronyms.of(tools).spell("approve the PR")).isEqualTo("approve the PR");
    }
}
