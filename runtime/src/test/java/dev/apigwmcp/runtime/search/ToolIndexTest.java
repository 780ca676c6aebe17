package dev.apigwmcp.runtime.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ranking on a small catalog: what each field and each rule of the analysis contributes. */
class ToolIndexTest {

    private static final ToolIndex INDEX = ToolIndex.of(List.of(
            tool(
                    "shop___createPet",
                    "create pet",
                    "Create a pet",
                    "Add a pet to the store.",
                    "POST",
                    "pets",
                    "name: The pet's name."),
            tool(
                    "shop___deletePet",
                    "delete pet",
                    "Delete a pet",
                    "Deletes one pet for good.",
                    "DELETE",
                    "pets",
                    "pet id"),
            tool(
                    "shop___updatePet",
                    "update pet",
                    "Update a pet",
                    "Changes a pet's details.",
                    "PATCH",
                    "pets",
                    "pet id"),
            tool("shop___getPet", "get pet", "Get a pet", "Fetch one pet by its id.", "GET", "pets", "pet id"),
            tool(
                    "shop___listPets",
                    "list pets",
                    "List pets",
                    "The pets in the store, a page at a time.",
                    "GET",
                    "pets",
                    "page: Page number."),
            tool("shop___listOrders", "list orders", "List orders", "Orders placed in the store.", "GET", "orders", ""),
            tool(
                    "shop___cancelOrder",
                    "cancel order",
                    "Cancel an order",
                    "Cancels an order before it ships.",
                    "DELETE",
                    "orders",
                    "order id"),
            tool(
                    "shop___getAuthenticatedUser",
                    "get authenticated user",
                    "Get the authenticated user",
                    "The profile of the user the token belongs to.",
                    "GET",
                    "user",
                    ""),
            tool(
                    "shop___listRepositories",
                    "list repositories",
                    "List repositories",
                    "Repositories of an owner.",
                    "GET",
                    "repositories",
                    "owner"),
            tool(
                    "shop___getInventory",
                    "get inventory",
                    "Get the inventory",
                    "Counts by status; pets that are sold do not count.",
                    "GET",
                    "store inventory",
                    "")));

    @Test
    void theToolWhoseTitleNamesTheTaskComesFirst() {
        assertThat(INDEX.search("delete a pet", 3, null)).first().isEqualTo("shop___deletePet");
    }

    @Test
    void wordsMatchTheirOtherForms() {
        assertThat(INDEX.search("listing of the pets", 1, null)).containsExactly("shop___listPets");
    }

    @Test
    void aMethodsEverydayVerbFindsTheToolThatUsesAnother() {
        assertThat(INDEX.search("rename the pet", 1, null)).containsExactly("shop___updatePet");
    }

    @Test
    void anAbbreviationMeetsTheWordItShortens() {
        assertThat(INDEX.search("show repos", 1, null)).containsExactly("shop___listRepositories");
    }

    @Test
    void myAndMeMeanTheAuthenticatedUser() {
        assertThat(INDEX.search("show my profile", 1, null)).containsExactly("shop___getAuthenticatedUser");
    }

    @Test
    void aWordInTheTitleOutweighsTheSameWordInAnotherToolsDescription() {
        assertThat(INDEX.search("inventory", 2, null)).first().isEqualTo("shop___getInventory");
        assertThat(INDEX.search("pets", 10, null).indexOf("shop___getInventory"))
                .isGreaterThan(INDEX.search("pets", 10, null).indexOf("shop___listPets"));
    }

    @Test
    void hiddenToolsAreNeverReturnedAndDoNotTakeAPlace() {
        assertThat(INDEX.search("pet", 2, name -> !name.equals("shop___createPet") && !name.equals("shop___getPet")))
                .hasSize(2)
                .doesNotContain("shop___createPet", "shop___getPet");
    }

    @Test
    void theLimitCapsTheResults() {
        assertThat(INDEX.search("pet order store", 2, null)).hasSize(2);
    }

    @Test
    void aQueryOfStopWordsOnlyOrUnknownWordsFindsNothing() {
        assertThat(INDEX.search("the of and", 5, null)).isEmpty();
        assertThat(INDEX.search("xylophone", 5, null)).isEmpty();
    }

    @Test
    void equalScoresKeepTheCatalogsOrder() {
        ToolIndex twins = ToolIndex.of(
                List.of(tool("a___b", "same", "", "", "GET", "", ""), tool("a___a", "same", "", "", "GET", "", "")));
        assertThat(twins.search("same", 2, null)).containsExactly("a___b", "a___a");
    }

    @Test
    void anAcronymFindsTheToolsThatSpellItOut() {
        ToolIndex codeHost = ToolIndex.of(AcronymsTest.codeHost());

        assertThat(codeHost.search("PR", 10, null))
                .containsExactlyInAnyOrder(
                        "a___createPull", "a___listPulls", "a___mergePull", "a___updatePull", "a___listFiles");
    }

    static SearchDocument tool(
            String name, String words, String title, String description, String method, String path, String arguments) {
        Map<SearchField, String> fields = new EnumMap<>(SearchField.class);
        fields.put(SearchField.WORDS, words);
        fields.put(SearchField.TITLE, title);
        fields.put(SearchField.DESCRIPTION, description);
        fields.put(SearchField.VERBS, method);
        fields.put(SearchField.PATH, path);
        fields.put(SearchField.ARGUMENTS, arguments);
        return new SearchDocument(name, fields);
    }
}
