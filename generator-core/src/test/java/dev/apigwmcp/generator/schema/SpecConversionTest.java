package dev.apigwmcp.generator.schema;

import static dev.apigwmcp.generator.schema.Fixture.json;
import static dev.apigwmcp.generator.schema.Fixture.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apigwmcp.generator.model.JsonPointer;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Converts every schema of the shared sample exports and validates each emitted document against 2020-12. */
class SpecConversionTest {
    private static final String PETSTORE = "petstore-apigw-oas30.json";
    private static final String ORDERS = "orders-apigw-swagger2.yaml";
    private final MetaSchema metaSchema = new MetaSchema();

    @ParameterizedTest
    @ValueSource(strings = {PETSTORE, ORDERS})
    void everySchemaConvertsToValid2020DocumentsInBothDirections(String spec) throws IOException {
        Map<String, Fixture.Result> documents = convertAll(Fixture.of(resource(spec)));
        assertThat(documents).hasSizeGreaterThan(20);
        documents.forEach((where, result) -> {
            assertThat(metaSchema.problems(result.root()))
                    .as(where + ": " + result.json())
                    .isEmpty();
            assertThat(result.document().issues()).as(where).isEmpty();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {PETSTORE, ORDERS})
    void convertingTwiceGivesIdenticalBytes(String spec) throws IOException {
        String first = render(convertAll(Fixture.of(resource(spec))));
        String second = render(convertAll(Fixture.of(resource(spec))));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void metaSchemaCheckRejectsInvalidDocuments() {
        // Guards the checks above: an invalid schema and a dangling $defs reference must both be reported.
        assertThat(metaSchema.problems(read("{\"type\":\"strnig\",\"minLength\":-1}")))
                .anyMatch(p -> p.startsWith("/type"))
                .anyMatch(p -> p.startsWith("/minLength"));
        assertThat(metaSchema.problems(read("{\"items\":{\"$ref\":\"#/$defs/Missing\"}}")))
                .hasSize(1);
    }

    @Test
    void petstoreRecursiveOwnerGoesIntoDefs() throws IOException {
        Fixture f = Fixture.of(resource(PETSTORE));
        Fixture.Result pets = f.component("Pets", Direction.OUTPUT);
        assertThat(json(pets.at("/items/properties/owner"))).isEqualTo("{\"$ref\":\"#/$defs/Owner\"}");
        assertThat(pets.document().defs()).containsOnlyKeys("Owner");
        assertThat(json(pets.at("/$defs/Owner/properties/referredBy"))).isEqualTo("{\"$ref\":\"#/$defs/Owner\"}");
        assertThat(json(pets.at("/items/properties/name"))).isEqualTo("{\"type\":[\"string\",\"null\"]}");
        assertThat(metaSchema.validate(
                        pets.root(),
                        "[{\"id\":1,\"type\":\"dog\",\"price\":3,\"name\":null,"
                                + "\"owner\":{\"name\":\"a\",\"referredBy\":{\"name\":\"b\"}}}]"))
                .isEmpty();
        assertThat(metaSchema.validate(
                        pets.root(),
                        "[{\"id\":1,\"type\":\"dog\",\"price\":3,\"owner\":{\"referredBy\":{\"name\":7}}}]"))
                .isNotEmpty();
    }

    @Test
    void petstoreNewPetPriceHasExclusiveMinimum() throws IOException {
        Fixture.Result newPet = Fixture.of(resource(PETSTORE)).component("NewPet", Direction.INPUT);
        assertThat(json(newPet.at("/properties/price"))).isEqualTo("{\"type\":\"number\",\"exclusiveMinimum\":0}");
        assertThat(json(newPet.at("/properties/type")))
                .isEqualTo("{\"type\":\"string\",\"enum\":[\"dog\",\"cat\",\"fish\"]}");
    }

    @Test
    void ordersOrderDropsReadOnlyIdFromInputOnly() throws IOException {
        Fixture f = Fixture.of(resource(ORDERS));
        Fixture.Result input = f.component("Order", Direction.INPUT);
        Fixture.Result output = f.component("Order", Direction.OUTPUT);
        assertThat(input.at("/allOf/1/properties").has("orderId")).isFalse();
        assertThat(json(input.at("/allOf/1/required"))).isEqualTo("[\"status\"]");
        assertThat(json(output.at("/allOf/1/properties/orderId"))).isEqualTo("{\"type\":\"string\",\"readOnly\":true}");
        assertThat(json(output.at("/allOf/0/properties/items/items/properties/unitPrice/properties/amount")))
                .isEqualTo("{\"type\":\"string\",\"pattern\":\"^[0-9]+(\\\\.[0-9]{1,2})?$\"}");
    }

    @Test
    void ordersStatusChangeNoteIsNullableAndPdfIsBinaryString() throws IOException {
        Fixture f = Fixture.of(resource(ORDERS));
        Operation patch = f.openApi.getPaths().get("/orders/{orderId}").getPatch();
        SchemaDocument input = f.converter.newDocument(Direction.INPUT);
        ObjectNode body = input.convert(
                patch.getRequestBody().getContent().get("application/json").getSchema(),
                "/paths/~1orders~1{orderId}/patch/parameters/1/schema");
        assertThat(json(body.get("properties").get("note"))).isEqualTo("{\"type\":[\"string\",\"null\"]}");
        Operation pdf = f.openApi.getPaths().get("/orders/{orderId}/invoice").getGet();
        ObjectNode result = f.converter
                .newDocument(Direction.OUTPUT)
                .convert(
                        pdf.getResponses()
                                .get("200")
                                .getContent()
                                .get("application/pdf")
                                .getSchema(),
                        "/x");
        assertThat(json(result)).isEqualTo("{\"type\":\"string\",\"format\":\"binary\"}");
    }

    /** Every component (both directions) and every parameter, request and response schema of every operation. */
    private static Map<String, Fixture.Result> convertAll(Fixture f) {
        Map<String, Fixture.Result> out = new LinkedHashMap<>();
        for (Direction direction : Direction.values()) {
            Map<String, Schema> components = Fixture.schemas(f.openApi);
            if (components != null) {
                for (String name : components.keySet()) {
                    out.put(direction + " component " + name, f.component(name, direction));
                }
            }
        }
        OpenAPI openApi = f.openApi;
        for (Map.Entry<String, PathItem> path : openApi.getPaths().entrySet()) {
            String pathPtr = JsonPointer.append("/paths", path.getKey());
            for (Map.Entry<PathItem.HttpMethod, Operation> op :
                    path.getValue().readOperationsMap().entrySet()) {
                String opPtr = pathPtr + "/" + op.getKey().name().toLowerCase(java.util.Locale.ROOT);
                List<Parameter> parameters = new ArrayList<>();
                if (path.getValue().getParameters() != null) {
                    parameters.addAll(path.getValue().getParameters());
                }
                if (op.getValue().getParameters() != null) {
                    parameters.addAll(op.getValue().getParameters());
                }
                for (int i = 0; i < parameters.size(); i++) {
                    Parameter p = parameters.get(i);
                    if (p.getSchema() != null) {
                        add(out, f, Direction.INPUT, p.getSchema(), opPtr + "/parameters/" + i + "/schema");
                    }
                    addContent(out, f, Direction.INPUT, p.getContent(), opPtr + "/parameters/" + i + "/content");
                }
                if (op.getValue().getRequestBody() != null) {
                    addContent(
                            out,
                            f,
                            Direction.INPUT,
                            op.getValue().getRequestBody().getContent(),
                            opPtr + "/requestBody/content");
                }
                if (op.getValue().getResponses() != null) {
                    for (Map.Entry<String, ApiResponse> response :
                            op.getValue().getResponses().entrySet()) {
                        addContent(
                                out,
                                f,
                                Direction.OUTPUT,
                                response.getValue().getContent(),
                                opPtr + "/responses/" + response.getKey() + "/content");
                    }
                }
            }
        }
        return out;
    }

    private static void addContent(
            Map<String, Fixture.Result> out, Fixture f, Direction direction, Content content, String ptr) {
        if (content != null) {
            content.forEach((mediaType, media) -> {
                if (media.getSchema() != null) {
                    add(out, f, direction, media.getSchema(), JsonPointer.append(ptr, mediaType) + "/schema");
                }
            });
        }
    }

    private static void add(
            Map<String, Fixture.Result> out, Fixture f, Direction direction, Schema<?> schema, String ptr) {
        SchemaDocument document = f.converter.newDocument(direction);
        // Wrapped the way the generator builds a tool's input schema: a property of an object at the root.
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("type", "object");
        root.putObject("properties").set("value", document.convert(schema, ptr));
        out.put(direction + " " + ptr, Fixture.Result.of(root, document));
    }

    private static String render(Map<String, Fixture.Result> documents) {
        StringBuilder text = new StringBuilder();
        documents.forEach((where, result) ->
                text.append(where).append('\n').append(result.json()).append('\n'));
        return text.toString();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SpecConversionTest.class.getResourceAsStream("/schema/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
