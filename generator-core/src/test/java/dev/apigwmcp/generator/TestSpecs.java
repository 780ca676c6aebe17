package dev.apigwmcp.generator;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** The real exports the tests run on (copies of ../shared/specs in test resources) and their configurations. */
public final class TestSpecs {

    private TestSpecs() {}

    public static Path spec(String name) {
        return resource("/specs/" + name);
    }

    /** A file of the test resources, by its absolute resource name. */
    public static Path resource(String name) {
        try {
            return Path.of(TestSpecs.class.getResource(name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }

    /**
     * A real API Gateway definition from {@code ../shared/specs/real/}, read in place (it sits beside the checkout
     * in CI too; the project copies none of them).
     */
    public static Path real(String name) {
        return Path.of("..", "..", "shared", "specs", "real", name);
    }

    /** An export as a tree, JSON or YAML. */
    public static JsonNode readTree(Path export) throws IOException {
        return (export.toString().endsWith(".json") ? Json.mapper() : Yaml.mapper()).readTree(export.toFile());
    }

    public static Path petstore() {
        return spec("petstore-apigw-oas30.json");
    }

    public static Path orders() {
        return spec("orders-apigw-swagger2.yaml");
    }

    /** The reference walkthrough's first configuration: GET and POST /pets, GET /pets/{petId}, renamed. */
    public static TargetConfig petstoreWalkthrough() {
        return TargetConfig.of("petstore", petstore())
                .withFilters(List.of(
                        new ToolFilter("/pets", List.of("GET", "POST")),
                        new ToolFilter("/pets/{petId}", List.of("GET"))))
                .withOverrides(List.of(
                        new ToolOverride("/pets", "GET", "listPets", "List the pets in the store, a page at a time."),
                        new ToolOverride("/pets", "POST", "createPet", "Add a pet to the store."),
                        new ToolOverride("/pets/{petId}", "GET", "getPet", "Fetch one pet by its id.")));
    }

    /** The walkthrough's second configuration: every GET strictly below /pets, no overrides. */
    public static TargetConfig petstoreWildcard() {
        return TargetConfig.of("petstore", petstore()).withFilters(List.of(new ToolFilter("/pets/*", List.of("GET"))));
    }

    /** Every operation of the petstore. */
    public static TargetConfig petstoreAll() {
        return TargetConfig.of("petstore", petstore());
    }

    /** A legacy backend behind HTTP basic: basic alone, basic or a key (the key wins), basic and a key together. */
    public static TargetConfig legacyBasic() {
        return TargetConfig.of("inventory", spec("legacy-basic.json"));
    }

    /**
     * An export whose operations take form posts (a {@code $ref} form, an encoding object, JSON beside a form) and a
     * multipart upload.
     */
    public static TargetConfig messagingForms() {
        return TargetConfig.of("messaging", spec("messaging-forms.json"));
    }

    /**
     * A Swagger 2 export whose TOKEN Lambda authorizers check HTTP basic credentials (one method with the API key
     * too) and bearer tokens.
     */
    public static TargetConfig lambdaBasicAuthorizer() {
        return TargetConfig.of("warehouse", spec("lambda-basic-authorizer.json"));
    }

    /** The orders export with its duplicate operationId resolved by an override. */
    public static TargetConfig ordersResolved() {
        return TargetConfig.of("orders", orders())
                .withOverrides(
                        List.of(new ToolOverride("/customers/{customerId}/orders", "GET", "listCustomerOrders", null)));
    }
}
