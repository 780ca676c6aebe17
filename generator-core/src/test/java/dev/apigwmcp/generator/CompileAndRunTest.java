package dev.apigwmcp.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwmcp.runtime.spi.Arguments;
import dev.apigwmcp.runtime.spi.GeneratedTool;
import dev.apigwmcp.runtime.spi.JsonWritable;
import dev.apigwmcp.runtime.spi.QueryStyle;
import dev.apigwmcp.runtime.spi.ToolRegistry;
import dev.apigwmcp.runtime.spi.UpstreamRequestBuilder;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compiles the generated Java of real exports with javax.tools against the runtime's SPI, loads the registries
 * with ServiceLoader, and runs the tools' argument reading and request writing.
 */
class CompileAndRunTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path out;

    private static URLClassLoader both;

    @org.junit.jupiter.api.BeforeAll
    static void compileBoth() throws IOException {
        both = compile(List.of(
                TestSpecs.petstoreAll(),
                TestSpecs.ordersResolved(),
                TestSpecs.messagingForms(),
                TargetConfig.of("styles", TestSpecs.spec("query-styles.json"))));
    }

    @org.junit.jupiter.api.AfterAll
    static void close() throws IOException {
        both.close();
    }

    @Test
    void generatedJavaCompilesWithoutWarningsAndRegistriesListTheTools() throws Exception {
        {
            URLClassLoader loader = both;
            List<String> targets = new ArrayList<>();
            List<String> tools = new ArrayList<>();
            for (ToolRegistry registry : ServiceLoader.load(ToolRegistry.class, loader)) {
                targets.add(registry.targetName());
                assertThat(registry.toolNames()).isSorted();
                for (String name : registry.toolNames()) {
                    assertThat(registry.newTool(name).name()).isEqualTo(name);
                    tools.add(name);
                }
                assertThatThrownBy(() -> registry.newTool("nope"))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("target " + registry.targetName() + " has no tool named 'nope'");
                assertThat(loader.getResource(registry.resourceFolder() + "bindings.json"))
                        .isNotNull();
                assertThat(loader.getResource(registry.resourceFolder() + "tools.json"))
                        .isNotNull();
            }
            assertThat(targets).containsExactlyInAnyOrder("petstore", "orders", "messaging", "styles");
            assertThat(tools)
                    .contains(
                            "petstore___ListPets",
                            "petstore___GetPet",
                            "petstore___delete_pets_petId",
                            "petstore___any_admin_proxy",
                            "orders___listOrders",
                            "orders___listCustomerOrders",
                            "orders___createOrder");
        }
    }

    @Test
    void generatedCodeDependsOnTheRuntimesSpiOnly() {
        com.tngtech.archunit.core.domain.JavaClasses generated =
                new com.tngtech.archunit.core.importer.ClassFileImporter().importPath(out.resolve("classes"));
        org.assertj.core.api.Assertions.assertThat(generated).isNotEmpty();
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "dev.apigwmcp.generated..", "dev.apigwmcp.runtime.spi..", "java..", "tools.jackson.databind..")
                .because("generated code may use the runtime's contract (spi) and nothing else of it")
                .check(generated);
    }

    @Test
    void toolsTurnArgumentsIntoRequestParts() throws Exception {
        {
            URLClassLoader loader = both;
            RecordingRequest request = run(loader, "petstore___ListPets", "{\"type\":\"dog\",\"page\":2}");
            assertThat(request.calls).containsExactly("query type=dog", "query page=2");

            request = run(loader, "petstore___delete_pets_petId", "{\"petId\":\"p 1\",\"X-Request-Reason\":\"old\"}");
            assertThat(request.calls).containsExactly("path petId=p 1", "header X-Request-Reason=old");

            request = run(loader, "petstore___any_admin_proxy", "{\"proxy\":\"a/b\",\"method\":\"PUT\"}");
            assertThat(request.calls).containsExactly("greedy proxy=a/b", "method PUT");

            request = run(loader, "orders___listOrders", "{\"status\":[\"PAID\",\"SHIPPED\"],\"limit\":5}");
            assertThat(request.calls).containsExactly("query status=[PAID, SHIPPED] FORM_EXPLODED", "query limit=5");
        }
    }

    @Test
    void objectAndDelimitedQueryParametersUseTheirStyles() throws Exception {
        RecordingRequest request = run(
                both,
                "styles___search",
                "{\"id\":\"7\",\"filter\":{\"name\":\"a\"},\"point\":{\"x\":1},\"ids\":[1,2],\"id_query\":\"q\"}");
        assertThat(request.calls)
                .containsExactly(
                        "path id=7",
                        "object filter={\"name\":\"a\"} DEEP_OBJECT",
                        "object point={\"x\":1} FORM",
                        "query ids=[1, 2] PIPE_DELIMITED",
                        "query id=q");
    }

    @Test
    void aFormBodyToolHandsItsTypedBodyAndDeclaredStylesToFormBody() throws Exception {
        RecordingRequest request = run(
                both,
                "messaging___createCustomer",
                "{\"body\":{\"name\":\"Ada\",\"metadata\":{\"a\":\"1\"},\"preferred_locales\":[\"en\"]}}");

        assertThat(request.calls)
                .containsExactly("form application/x-www-form-urlencoded; charset=utf-8"
                        + " {address=DEEP_OBJECT, metadata=DEEP_OBJECT, preferred_locales=FORM}");
        assertThat(request.body)
                .isEqualTo("{\"name\":\"Ada\",\"preferred_locales\":[\"en\"],\"metadata\":{\"a\":\"1\"}}");
    }

    @Test
    void aFormBodyWithoutDeclaredStylesHandsAnEmptyStyleMap() throws Exception {
        RecordingRequest request =
                run(both, "messaging___sendMessage", "{\"accountSid\":\"AC1\",\"body\":{\"To\":\"+1\"}}");

        assertThat(request.calls).containsExactly("path accountSid=AC1", "form application/x-www-form-urlencoded {}");
        assertThat(request.body).isEqualTo("{\"To\":\"+1\"}");
    }

    @Test
    void aMultipartBodyToolHandsItsBodyAndFilePartTypesToMultipartBody() throws Exception {
        RecordingRequest request =
                run(both, "messaging___uploadMedia", "{\"accountSid\":\"AC1\",\"body\":{\"media\":\"AAEC\"}}");

        assertThat(request.calls)
                .containsExactly("path accountSid=AC1", "multipart multipart/form-data {media=image/jpeg}");
        assertThat(request.body).isEqualTo("{\"media\":\"AAEC\"}");
    }

    @Test
    void aBinaryBodyToolHandsItsBase64TextToBinaryBody() throws Exception {
        RecordingRequest request =
                run(both, "messaging___uploadRecording", "{\"accountSid\":\"AC1\",\"body\":\"UklGRg==\"}");

        assertThat(request.calls).containsExactly("path accountSid=AC1", "binary application/octet-stream");
        assertThat(request.body).isEqualTo("UklGRg==");
    }

    @Test
    void aBinaryBodyOfARangeHandsTheChosenContentType() throws Exception {
        RecordingRequest request = run(
                both,
                "messaging___putMediaContent",
                "{\"accountSid\":\"AC1\",\"mediaSid\":\"ME1\",\"body\":\"iVBORw==\",\"contentType\":\"image/png\"}");

        assertThat(request.calls)
                .containsExactly("path accountSid=AC1", "path mediaSid=ME1", "binary image/* contentType=image/png");
    }

    @Test
    void anXmlBodyToolHandsItsDocumentToTextBody() throws Exception {
        RecordingRequest request =
                run(both, "messaging___createTwiml", "{\"accountSid\":\"AC1\",\"body\":\"<Response/>\"}");

        assertThat(request.calls).containsExactly("path accountSid=AC1", "text application/xml");
        assertThat(request.body).isEqualTo("<Response/>");
    }

    @Test
    void bodyRecordsRoundTripEveryMemberIncludingUndeclaredOnesAndExplicitNulls() throws Exception {
        {
            URLClassLoader loader = both;
            String body = "{\"type\":\"dog\",\"price\":12.50,\"name\":\"Rex\",\"birthDate\":\"2020-01-02\","
                    + "\"extra\":{\"x\":[1,2]}}";
            RecordingRequest request = run(loader, "petstore___CreatePet", "{\"body\":" + body + "}");
            assertThat(request.calls).hasSize(1);
            assertThat(JSON.readTree(request.body)).isEqualTo(JSON.readTree(body));

            String patch = "{\"status\":\"PAID\",\"note\":null}";
            request = run(loader, "orders___updateOrderStatus", "{\"orderId\":\"o1\",\"body\":" + patch + "}");
            assertThat(JSON.readTree(request.body)).isEqualTo(JSON.readTree(patch));
        }
    }

    @Test
    void argumentRecordsWriteThemselvesBackAsTheArgumentsTheyWereReadFrom() throws Exception {
        // What a typed interceptor relies on: read, (change,) write back, with names as the client sends them.
        for (String[] call : new String[][] {
            {
                "orders___createOrder",
                "{\"Idempotency-Key\":\"k-1\",\"body\":{\"customerId\":\"c1\","
                        + "\"items\":[{\"sku\":\"s\",\"quantity\":2,\"x\":true}]}}"
            },
            {"petstore___ListPets", "{\"type\":\"dog\",\"page\":2}"},
            {"petstore___any_admin_proxy", "{\"proxy\":\"a/b\",\"method\":\"PUT\",\"query\":{\"q\":\"1\"}}"},
            {"petstore___Health", "{}"}
        }) {
            JsonNode arguments = JSON.readTree(call[1]);
            Object input = tool(both, call[0]).readArguments(arguments);
            assertThat(input).isInstanceOf(JsonWritable.class);
            // As text: integers come back as the record's Long, which JsonNode.equals tells from an int.
            assertThat(((JsonWritable) input).toJson().toString()).as(call[0]).isEqualTo(arguments.toString());
        }
    }

    @Test
    void argumentRecordsAreTyped() throws Exception {
        {
            URLClassLoader loader = both;
            Class<?> arguments = loader.loadClass("dev.apigwmcp.generated.petstore.ListPetsTool$Input");
            assertThat(arguments.isRecord()).isTrue();
            assertThat(arguments.getRecordComponents())
                    .extracting(c -> c.getName() + ":" + c.getType().getSimpleName())
                    .containsExactly("type:String", "page:Long");
            Class<?> body = loader.loadClass("dev.apigwmcp.generated.petstore.CreatePetTool$Input$Body");
            assertThat(body.getRecordComponents())
                    .extracting(c -> c.getName() + ":" + c.getType().getSimpleName())
                    .containsExactly(
                            "type:String",
                            "price:BigDecimal",
                            "name:String",
                            "birthDate:String",
                            "additionalProperties:Map");
        }
    }

    @Test
    void builderRejectionsSurfaceAsArgumentExceptions() throws Exception {
        {
            URLClassLoader loader = both;
            GeneratedTool<?> tool = tool(loader, "petstore___GetPet");
            UpstreamRequestBuilder rejecting = new RecordingRequest() {
                @Override
                public UpstreamRequestBuilder pathParameter(String argument, String name, Object value) {
                    throw new dev.apigwmcp.runtime.spi.ArgumentException(argument, "bad");
                }
            };
            assertThatThrownBy(() -> tool.writeRequest(JSON.readTree("{\"petId\":\"x\"}"), rejecting))
                    .isInstanceOf(dev.apigwmcp.runtime.spi.ArgumentException.class);
        }
    }

    private static RecordingRequest run(ClassLoader loader, String toolName, String arguments) throws Exception {
        RecordingRequest request = new RecordingRequest();
        tool(loader, toolName).writeRequest(JSON.readTree(arguments), request);
        return request;
    }

    private static GeneratedTool<?> tool(ClassLoader loader, String name) {
        for (ToolRegistry registry : ServiceLoader.load(ToolRegistry.class, loader)) {
            if (registry.toolNames().contains(name)) {
                return registry.newTool(name);
            }
        }
        throw new AssertionError("no tool " + name);
    }

    @Test
    void aRegistryOfManyToolsSplitsItsSwitchAndCreatesEveryTool(@TempDir Path dir) throws Exception {
        // More tools than one creation method holds (RegistryEmitter.CASES_PER_METHOD = 512).
        StringBuilder paths = new StringBuilder();
        for (int i = 0; i < 1100; i++) {
            paths.append(i == 0 ? "" : ",")
                    .append("\"/r")
                    .append(i)
                    .append("\":{\"get\":{\"operationId\":\"op")
                    .append(i)
                    .append("\",\"responses\":{\"204\":{\"description\":\"ok\"}}}}");
        }
        Path spec = dir.resolve("many.json");
        Files.writeString(
                spec,
                "{\"openapi\":\"3.0.1\",\"info\":{\"title\":\"many\",\"version\":\"1\"},"
                        + "\"servers\":[{\"url\":\"https://example.com\"}],\"paths\":{" + paths + "}}");
        try (URLClassLoader loader = compile(List.of(TargetConfig.of("many", spec)), dir.resolve("out"))) {
            ToolRegistry registry =
                    ServiceLoader.load(ToolRegistry.class, loader).findFirst().orElseThrow();
            assertThat(registry.toolNames()).hasSize(1100).isSorted();
            for (String name : registry.toolNames()) {
                assertThat(registry.newTool(name).name()).isEqualTo(name);
            }
        }
    }

    private static URLClassLoader compile(List<TargetConfig> targets) throws IOException {
        return compile(targets, out);
    }

    /** Generates, compiles with -Werror, and returns a loader over the classes and resources. */
    private static URLClassLoader compile(List<TargetConfig> targets, Path out) throws IOException {
        GenerationResult result = Generator.generate(new GeneratorConfig(targets));
        assertThat(result.errors()).isEmpty();
        return GeneratedJava.compile(result, out);
    }

    /**
     * Records what a tool hands to the request builder, as the real builder would send it: values as text, absent
     * (null) optional values not at all.
     */
    static class RecordingRequest implements UpstreamRequestBuilder {
        final List<String> calls = new ArrayList<>();
        String body;

        @Override
        public UpstreamRequestBuilder method(String argument, String method) {
            calls.add("method " + method);
            return this;
        }

        @Override
        public UpstreamRequestBuilder pathParameter(String argument, String name, Object value) {
            calls.add("path " + name + "=" + Arguments.text(value));
            return this;
        }

        @Override
        public UpstreamRequestBuilder greedyPathParameter(String argument, String name, Object value) {
            calls.add("greedy " + name + "=" + Arguments.text(value));
            return this;
        }

        @Override
        public UpstreamRequestBuilder queryParameter(String argument, String name, Object value) {
            if (value != null) {
                calls.add("query " + name + "=" + Arguments.text(value));
            }
            return this;
        }

        @Override
        public UpstreamRequestBuilder queryParameter(String argument, String name, List<?> values, QueryStyle style) {
            if (values != null) {
                calls.add("query " + name + "=" + Arguments.texts(values) + " " + style);
            }
            return this;
        }

        @Override
        public UpstreamRequestBuilder queryObject(String argument, String name, JsonNode object, QueryStyle style) {
            if (object != null) {
                calls.add("object " + name + "=" + object + " " + style);
            }
            return this;
        }

        @Override
        public UpstreamRequestBuilder header(String argument, String name, Object value) {
            if (value != null) {
                calls.add("header " + name + "=" + Arguments.text(value));
            }
            return this;
        }

        @Override
        public UpstreamRequestBuilder cookie(String argument, String name, Object value) {
            if (value != null) {
                calls.add("cookie " + name + "=" + Arguments.text(value));
            }
            return this;
        }

        @Override
        public UpstreamRequestBuilder jsonBody(String argument, String mediaType, Object json) {
            if (json != null) {
                calls.add("body " + mediaType);
                body = Arguments.toJson(json).toString();
            }
            return this;
        }

        @Override
        public UpstreamRequestBuilder textBody(String argument, String mediaType, String text) {
            if (text != null) {
                calls.add("text " + mediaType);
                body = text;
            }
            return this;
        }

        @Override
        public UpstreamRequestBuilder formBody(
                String argument, String mediaType, Object form, java.util.Map<String, QueryStyle> styles) {
            if (form != null) {
                calls.add("form " + mediaType + " " + new java.util.TreeMap<>(styles));
                body = Arguments.toJson(form).toString();
            }
            return this;
        }

        @Override
        public UpstreamRequestBuilder multipartBody(
                String argument, String mediaType, Object form, java.util.Map<String, String> files) {
            if (form != null) {
                calls.add("multipart " + mediaType + " " + new java.util.TreeMap<>(files));
                body = Arguments.toJson(form).toString();
            }
            return this;
        }

        @Override
        public UpstreamRequestBuilder binaryBody(
                String argument, String mediaType, String base64, String typeArgument, String contentType) {
            if (base64 != null) {
                calls.add("binary " + mediaType + (typeArgument == null ? "" : " " + typeArgument + "=" + contentType));
                body = base64;
            }
            return this;
        }
    }
}
