package dev.apigwmcp.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.spi.GeneratedTool;
import dev.apigwmcp.runtime.spi.JsonWritable;
import dev.apigwmcp.runtime.spi.ToolRegistry;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The generated output records ({@code Output}, for output schemas that are a plain object tree) of the PetStore
 * test export and of every real export in {@code ../shared/specs/real/}, compiled and run: an answer that fits the
 * schema is read into typed components, and every JSON object, drifted ones included, writes back equal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutputRecordsTest {

    /** As the gateway reads answers: decimals as BigDecimal. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Tools with an output record: the tool and its output schema. */
    private final List<Typed> typed = new ArrayList<>();

    private final List<URLClassLoader> loaders = new ArrayList<>();

    private record Typed(String export, GeneratedTool<?> tool, JsonNode schema) {}

    @BeforeAll
    void generateAndCompile(@TempDir Path out) throws IOException {
        List<TargetConfig> targets = new ArrayList<>();
        targets.add(TestSpecs.petstoreAll());
        targets.add(TargetConfig.of("things", TestSpecs.spec("free-form-outputs.json")));
        try (Stream<Path> real = Files.list(TestSpecs.real(""))) {
            real.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".yaml"))
                    .sorted()
                    .forEach(p -> targets.add(TargetConfig.of("t", p)));
        }
        for (TargetConfig target : targets) {
            GenerationResult result = Generator.generate(new GeneratorConfig(List.of(target)));
            if (result.hasErrors()) {
                continue; // exports the generator rejects are other tests' business
            }
            URLClassLoader loader = GeneratedJava.compile(result, out.resolve("t" + loaders.size()));
            loaders.add(loader);
            for (ToolRegistry registry : ServiceLoader.load(ToolRegistry.class, loader)) {
                for (String name : registry.toolNames()) {
                    GeneratedTool<?> tool = registry.newTool(name);
                    String schema = registry.resourceFolder() + "schemas/" + name + ".output.json";
                    if (tool.readOutput(NODES.objectNode()) != null) {
                        try (var in = loader.getResourceAsStream(schema)) {
                            typed.add(
                                    new Typed(target.exportFile().getFileName().toString(), tool, JSON.readTree(in)));
                        }
                    }
                }
            }
        }
    }

    @AfterAll
    void close() throws IOException {
        for (URLClassLoader loader : loaders) {
            loader.close();
        }
    }

    @Test
    void realExportsHavePlainOutputTreesThatGetRecords() {
        assertThat(typed).extracting(t -> t.tool().name()).contains("petstore___ListPetPhotos");
        assertThat(typed).extracting(Typed::export).anyMatch(e -> !e.startsWith("petstore"));
    }

    @Test
    void anAnswerThatFitsTheSchemaIsReadIntoTypedComponentsOnly() {
        for (Typed t : typed) {
            JsonNode answer = fitting(t.schema());
            JsonWritable record = t.tool().readOutput(answer);
            assertThat(record.toJson()).as(t.tool().name()).isEqualTo(answer);
            assertThat(additional(record)).as(t.tool().name()).isEmpty();
        }
    }

    @Test
    void driftedAnswersRoundTripWithEveryMemberKept() {
        for (Typed t : typed) {
            for (int variant = 0; variant < 4; variant++) {
                JsonNode answer = drifted(t.schema(), variant);
                JsonWritable record = t.tool().readOutput(answer);
                assertThat(record.toJson())
                        .as("%s variant %s: %s", t.tool().name(), variant, answer)
                        .isEqualTo(answer);
            }
        }
    }

    @Test
    void aMemberWhoseValueDoesNotFitItsTypeIsKeptInTheAdditionalMembers() throws Exception {
        GeneratedTool<?> photos = typed.stream()
                .filter(t -> t.tool().name().equals("petstore___ListPetPhotos"))
                .findFirst()
                .orElseThrow()
                .tool();
        JsonNode answer = JSON.readTree(
                "{\"result\":[{\"url\":\"u\",\"width\":\"640\",\"height\":null," + "\"alt\":\"a\"}],\"next\":1}");
        JsonWritable record = photos.readOutput(answer);
        Object item = ((List<?>) component(record, "result")).get(0);
        assertThat(component(item, "url")).isEqualTo("u");
        assertThat(component(item, "width")).isNull();
        assertThat(additional(item)).containsOnlyKeys("width", "height", "alt");
        assertThat(additional(record)).containsOnlyKeys("next");
        assertThat(record.toJson()).isEqualTo(answer);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFreeFormMemberIsAJsonComponentHoldingItsValueAsItCame() throws Exception {
        GeneratedTool<?> thing = tool("things___GetThing");
        JsonNode answer = JSON.readTree("{\"id\":\"t1\",\"metadata\":{\"color\":\"red\",\"n\":[1,2.5]},"
                + "\"labels\":{\"team\":\"a\"},\"history\":[\"created\",{\"by\":\"x\"},3]}");
        JsonWritable record = thing.readOutput(answer);
        assertThat(component(record, "id")).isEqualTo("t1");
        assertThat(component(record, "metadata")).isEqualTo(answer.get("metadata"));
        assertThat(component(record, "labels")).isEqualTo(answer.get("labels"));
        assertThat((List<Object>) component(record, "history"))
                .containsExactly(
                        answer.get("history").get(0),
                        answer.get("history").get(1),
                        answer.get("history").get(2));
        assertThat(additional(record)).isEmpty();
        assertThat(record.toJson()).isEqualTo(answer);
    }

    @Test
    void aFreeFormMemberThatIsNullIsKeptInTheAdditionalMembers() throws Exception {
        JsonNode answer = JSON.readTree("{\"id\":\"t1\",\"metadata\":null,\"labels\":\"not an object\"}");
        JsonWritable record = tool("things___GetThing").readOutput(answer);
        assertThat(component(record, "metadata")).isNull();
        assertThat(component(record, "labels")).isEqualTo(answer.get("labels"));
        assertThat(additional(record)).containsOnlyKeys("metadata");
        assertThat(record.toJson()).isEqualTo(answer);
    }

    private GeneratedTool<?> tool(String name) {
        return typed.stream()
                .filter(t -> t.tool().name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " has no output record"))
                .tool();
    }

    @Test
    void aListWithOneElementThatDoesNotFitIsKeptWholeInTheAdditionalMembers() throws Exception {
        GeneratedTool<?> photos = typed.stream()
                .filter(t -> t.tool().name().equals("petstore___ListPetPhotos"))
                .findFirst()
                .orElseThrow()
                .tool();
        JsonNode answer = JSON.readTree("{\"result\":[{\"url\":\"u\"},\"not an object\",null]}");
        JsonWritable record = photos.readOutput(answer);
        assertThat(component(record, "result")).isNull();
        assertThat(additional(record)).containsOnlyKeys("result");
        assertThat(record.toJson()).isEqualTo(answer);
    }

    private static Object component(Object record, String name) throws Exception {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                return component.getAccessor().invoke(record);
            }
        }
        throw new AssertionError("no component " + name + " in " + record.getClass());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, JsonNode> additional(Object record) {
        try {
            return (Map<String, JsonNode>) component(record, "additionalProperties");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A value that fits {@code schema}: every declared member, every list with two elements. */
    private static JsonNode fitting(JsonNode schema) {
        String type = type(schema);
        return switch (type) {
            case "any" ->
                NODES.objectNode().set("anything", NODES.arrayNode().add(1).add("x"));
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                schema.path("properties").properties().forEach(p -> object.set(p.getKey(), fitting(p.getValue())));
                yield object;
            }
            case "array" -> NODES.arrayNode().add(fitting(schema.get("items"))).add(fitting(schema.get("items")));
            case "string" -> NODES.stringNode("text");
            case "integer" -> NODES.numberNode(1L << 40);
            case "number" -> NODES.numberNode(new BigDecimal("12.50"));
            case "boolean" -> NODES.booleanNode(true);
            default -> throw new AssertionError("not a plain output tree: " + schema);
        };
    }

    /**
     * An answer drifted from {@code schema}: each declared member in turn (by {@code variant}) a value of another
     * type, an explicit null, a number that is no {@code Long}, or absent; lists with a misfit element; undeclared
     * members at every level.
     */
    private static JsonNode drifted(JsonNode schema, int variant) {
        String type = type(schema);
        if (!type.equals("object")) {
            return fitting(schema);
        }
        ObjectNode object = NODES.objectNode();
        int i = variant;
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            JsonNode value = property.getValue();
            switch (i++ % 4) {
                case 0 -> object.set(property.getKey(), wrongType(value));
                case 1 -> object.putNull(property.getKey());
                case 2 ->
                    object.set(
                            property.getKey(),
                            type(value).equals("object")
                                    ? drifted(value, variant + 1)
                                    : type(value).equals("array")
                                            ? NODES.arrayNode()
                                                    .add(drifted(value.get("items"), variant))
                                                    .add(NODES.nullNode())
                                                    .add(wrongType(value.get("items")))
                                            : NODES.numberNode(new BigInteger("123456789012345678901234567890")));
                default -> {} // absent
            }
        }
        object.set(
                "undeclared",
                NODES.objectNode().set("list", NODES.arrayNode().add(1.5).add("x")));
        return object;
    }

    private static JsonNode wrongType(JsonNode schema) {
        return switch (type(schema)) {
            case "any" -> NODES.stringNode("any value fits");
            case "string" -> NODES.numberNode(7);
            case "integer" -> NODES.numberNode(new BigDecimal("1.0"));
            case "number" -> NODES.stringNode("12.50");
            case "boolean" -> NODES.stringNode("true");
            case "array" -> NODES.objectNode().put("not", "a list");
            default -> NODES.arrayNode().add("not an object");
        };
    }

    /** The schema's type but {@code null}; {@code any} for a free-form member (no type, or an object of no members). */
    private static String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null
                || schema.path("properties").isEmpty()
                        && !schema.has("items")
                        && (type.isString() ? type.stringValue() : type.toString()).contains("object")) {
            return "any";
        }
        if (type.isString()) {
            return type.stringValue();
        }
        for (JsonNode t : type) {
            if (!t.stringValue().equals("null")) {
                return t.stringValue();
            }
        }
        throw new AssertionError("no type in " + schema);
    }
}
