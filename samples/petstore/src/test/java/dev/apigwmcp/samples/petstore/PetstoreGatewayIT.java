package dev.apigwmcp.samples.petstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.testing.GatewayProcess;
import dev.apigwmcp.runtime.testing.NodeModules;
import dev.apigwmcp.samples.demo.RecordedCall;
import dev.apigwmcp.samples.demo.RequestLog;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shipped jar, end to end: the official TypeScript MCP SDK client ({@code src/test/node/mcp-client.cjs})
 * drives {@code java -jar petstore-gateway.jar --demo} over stdio and over Streamable HTTP; the demo backend's
 * request log (written by the gateway process) shows what reached the REST API. The MCP conformance suite runs
 * against the HTTP endpoint.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class PetstoreGatewayIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path WORK = MODULE.resolve("target/e2e");
    private static final Path CATALOG = MODULE.resolve("src/main/apigw-mcp/catalog/tools.json");
    private static final Path CLIENT_SCRIPT = MODULE.resolve("src/test/node/mcp-client.cjs");

    private static NodeModules node;
    private static Path jar;

    @BeforeAll
    static void setUp() throws Exception {
        jar = Path.of(System.getProperty("gateway.jar", "target/petstore-gateway.jar"))
                .toAbsolutePath();
        assertThat(jar).as("the gateway jar (built in package)").isRegularFile();
        Files.createDirectories(WORK);
        node = NodeModules.ensureInstalled(WORK);
    }

    @Test
    void stdioClientCallsEveryToolThroughTheDemoBackend() throws Exception {
        Path requestLog = fresh("stdio-requests.jsonl");
        ObjectNode plan = plan("stdio");
        plan.put("transport", "stdio");
        List<String> command = GatewayProcess.javaCommand(jar, "--demo", "--demo-request-log", requestLog.toString());
        plan.put("command", command.get(0));
        ArrayNode args = plan.putArray("args");
        command.subList(1, command.size()).forEach(args::add);
        JsonNode transcript = runClient("stdio", plan);
        assertTranscript(transcript, RequestLog.read(requestLog));
    }

    @Test
    void streamableHttpClientCallsEveryToolThroughTheDemoBackend() throws Exception {
        Path requestLog = fresh("http-requests.jsonl");
        try (GatewayProcess gateway = GatewayProcess.startHttp(
                jar,
                WORK.resolve("http-gateway.log"),
                "--demo",
                "--transport",
                "http",
                "--port",
                "0",
                "--demo-request-log",
                requestLog.toString())) {
            assertThat(gateway.endpoint().getHost()).isEqualTo("127.0.0.1");
            ObjectNode plan = plan("http");
            plan.put("transport", "http");
            plan.put("url", gateway.endpoint().toString());
            JsonNode transcript = runClient("http", plan);
            assertTranscript(transcript, RequestLog.read(requestLog));
        }
    }

    @Test
    void searchOnlyModeListsTwoToolsAndCallsAFoundToolThroughTheDemoBackend() throws Exception {
        Path requestLog = fresh("search-requests.jsonl");
        ObjectNode plan = JSON.createObjectNode();
        plan.put("modules", node.modules().toString());
        plan.put("out", WORK.resolve("search-transcript.json").toString());
        plan.put("transport", "stdio");
        List<String> command = GatewayProcess.javaCommand(
                jar, "--demo", "--demo-request-log", requestLog.toString(), "--search.mode", "only");
        plan.put("command", command.get(0));
        ArrayNode args = plan.putArray("args");
        command.subList(1, command.size()).forEach(args::add);
        ArrayNode calls = plan.putArray("calls");
        call(calls, "search_tools", "{\"query\":\"fetch one pet by its id\",\"limit\":3}");
        call(calls, "call_tool", "{\"arguments\":{\"petId\":\"1\"}}");
        ((ObjectNode) calls.get(1)).putObject("found").put("call", 0).put("into", "name");
        call(calls, "call_tool", "{\"name\":\"petstore___getPet\",\"arguments\":{}}");
        call(calls, "call_tool", "{\"name\":\"petstore___noSuchTool\",\"arguments\":{}}");

        JsonNode transcript = runClient("search", plan);

        assertThat(byName(transcript.get("tools")).keySet()).containsExactly("call_tool", "search_tools");
        List<JsonNode> results = new ArrayList<>();
        transcript.get("calls").forEach(call -> results.add(call.path("result")));
        JsonNode found = results.get(0).path("structuredContent").path("tools");
        assertThat(found.get(0).path("name").asString()).isIn("petstore___getPet", "petstore-browse___GetPet");
        assertThat(found.get(0).path("inputSchema").path("required").get(0).asString())
                .isEqualTo("petId");
        // The found tool, called through call_tool, reaches the backend as a direct call would.
        assertThat(results.get(1).path("isError").asBoolean(false))
                .as("%s", results.get(1))
                .isFalse();
        assertThat(results.get(1).path("structuredContent").path("name").asString())
                .isEqualTo("Rex");
        // Its arguments are checked as a direct call's are; an unknown tool is a tool error naming the search.
        assertThat(toolError(transcript.get("calls").get(2))).contains("petId");
        assertThat(toolError(transcript.get("calls").get(3)))
                .contains("petstore___noSuchTool")
                .contains("search_tools");
        List<RecordedCall> received = RequestLog.read(requestLog);
        assertThat(received).hasSize(1);
        assertRequest(received.get(0), "GET", "/prod/pets/1", null, "");
        assertThat(received.get(0).signatureValid()).isTrue();
    }

    @Test
    void searchByMeaningFindsAToolNoWordOfTheQueryNames() throws Exception {
        ObjectNode plan = JSON.createObjectNode();
        plan.put("modules", node.modules().toString());
        plan.put("out", WORK.resolve("search-meaning-transcript.json").toString());
        plan.put("transport", "stdio");
        List<String> command = withSearchEmbeddings("--demo", "--search.mode", "only");
        plan.put("command", command.get(0));
        ArrayNode args = plan.putArray("args");
        command.subList(1, command.size()).forEach(args::add);
        // No word of the query (nor its stem) is in any tool's text: by words alone the answer is empty.
        call(plan.putArray("calls"), "search_tools", "{\"query\":\"pictures of the animal\",\"limit\":2}");

        JsonNode transcript = runClient("search-meaning", plan);

        JsonNode found = transcript
                .get("calls")
                .get(0)
                .path("result")
                .path("structuredContent")
                .path("tools");
        assertThat(found.get(0).path("name").asString()).as("%s", found).isEqualTo("petstore-browse___ListPetPhotos");
    }

    @Test
    void conformanceSuitePassesAgainstTheHttpEndpoint() throws Exception {
        Path conformanceDir = Files.createDirectories(WORK.resolve("conformance"));
        Path log = conformanceDir.resolve("conformance.log");
        try (GatewayProcess gateway = GatewayProcess.startHttp(
                jar, WORK.resolve("conformance-gateway.log"), "--demo", "--transport", "http", "--port", "0")) {
            int exit = node.run(
                    List.of(
                            node.conformanceCli().toString(),
                            "server",
                            "--url",
                            gateway.endpoint().toString(),
                            "--expected-failures",
                            MODULE.resolve("src/test/resources/conformance-baseline.yml")
                                    .toString()),
                    conformanceDir,
                    log,
                    180);
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(exit)
                    .as(
                            "conformance suite (exit %s) reported unexpected results; see %s:%n%s",
                            exit, log, output.length() > 6000 ? output.substring(output.length() - 6000) : output)
                    .isZero();
        }
    }

    /** The calls the client makes, in order: each tool once with valid arguments, then the failure cases. */
    private static ObjectNode plan(String name) {
        ObjectNode plan = JSON.createObjectNode();
        plan.put("modules", node.modules().toString());
        plan.put("out", WORK.resolve(name + "-transcript.json").toString());
        ArrayNode calls = plan.putArray("calls");
        call(calls, "petstore___listPets", "{\"type\":\"cat\",\"page\":1}");
        call(calls, "petstore___createPet", "{\"body\":{\"type\":\"dog\",\"price\":12.5,\"name\":\"Bo\"}}");
        call(calls, "petstore___getPet", "{\"petId\":\"1\"}");
        call(calls, "petstore-browse___GetPet", "{\"petId\":\"2\"}");
        call(calls, "petstore-browse___ListPetPhotos", "{\"petId\":\"1\",\"size\":\"small\"}");
        call(calls, "petstore___listPets", "{\"type\":\"lion\"}");
        call(calls, "petstore___getPet", "{}");
        call(calls, "petstore___createPet", "{\"body\":{\"type\":\"dog\",\"price\":0}}");
        call(calls, "petstore___noSuchTool", "{}");
        return plan;
    }

    private static void call(ArrayNode calls, String name, String arguments) {
        calls.addObject().put("name", name).set("arguments", JSON.readTree(arguments));
    }

    private static void assertTranscript(JsonNode transcript, List<RecordedCall> received) throws Exception {
        assertThat(transcript.path("serverVersion").path("name").asString()).isEqualTo("apigw-mcp");
        // tools/list is exactly the reviewed catalog: names, descriptions, schemas, annotations.
        assertThat(byName(transcript.get("tools")))
                .isEqualTo(byName(JSON.readTree(CATALOG.toFile()).get("tools")));

        List<JsonNode> calls = new ArrayList<>();
        transcript.get("calls").forEach(calls::add);
        assertThat(calls).hasSize(9);
        for (int i = 0; i < 5; i++) {
            assertThat(calls.get(i).has("error"))
                    .as("call %d %s: %s", i, calls.get(i).path("name"), calls.get(i))
                    .isFalse();
            assertThat(calls.get(i).path("result").path("isError").asBoolean(false))
                    .as("call %d %s: %s", i, calls.get(i).path("name"), calls.get(i))
                    .isFalse();
        }
        assertThat(structured(calls.get(0)).path("result").get(0).path("name").asString())
                .isEqualTo("Tom");
        assertThat(structured(calls.get(1)).path("pet").path("name").asString()).isEqualTo("Bo");
        assertThat(structured(calls.get(2)).path("name").asString()).isEqualTo("Rex");
        assertThat(structured(calls.get(3)).path("name").asString()).isEqualTo("Tom");
        assertThat(structured(calls.get(4)).path("result").get(0).path("url").asString())
                .endsWith("/1/small.jpg");

        // Invalid arguments: a tool error naming the argument, and nothing sent upstream (checked below).
        assertThat(toolError(calls.get(5))).contains("type");
        assertThat(toolError(calls.get(6))).contains("petId");
        assertThat(toolError(calls.get(7))).contains("price");
        // An unknown tool is a protocol error (JSON-RPC invalid params), not a tool result.
        assertThat(calls.get(8).path("error").path("code").asInt()).isEqualTo(-32602);
        assertThat(calls.get(8).path("error").path("message").asString()).contains("petstore___noSuchTool");

        assertThat(received).hasSize(5);
        assertRequest(received.get(0), "GET", "/prod/pets", "type=cat&page=1", "");
        assertRequest(received.get(1), "POST", "/prod/pets", null, "{\"type\":\"dog\",\"price\":12.5,\"name\":\"Bo\"}");
        assertRequest(received.get(2), "GET", "/prod/pets/1", null, "");
        assertRequest(received.get(3), "GET", "/prod/pets/2", null, "");
        assertRequest(received.get(4), "GET", "/prod/pets/1/photos", "size=small", "");
        // IAM methods arrive signed (verified independently), the API-key method with the demo key.
        assertThat(received.subList(0, 4))
                .allSatisfy(call -> assertThat(call.signatureValid()).isTrue());
        assertThat(received.get(4).apiKeyValid()).isTrue();
        assertThat(received).allSatisfy(call -> assertThat(call.status()).isEqualTo(200));
    }

    private static void assertRequest(RecordedCall call, String method, String path, String query, String body) {
        assertThat(call.method()).isEqualTo(method);
        assertThat(call.path()).isEqualTo(path);
        assertThat(call.query()).isEqualTo(query);
        assertThat(call.body()).isEqualTo(body);
    }

    private static JsonNode structured(JsonNode call) {
        return call.path("result").path("structuredContent");
    }

    private static String toolError(JsonNode call) {
        assertThat(call.path("result").path("isError").asBoolean(false))
                .as("a tool error: %s", call)
                .isTrue();
        return call.path("result").path("content").get(0).path("text").asString();
    }

    private static Map<String, JsonNode> byName(JsonNode tools) {
        Map<String, JsonNode> byName = new TreeMap<>();
        tools.forEach(tool -> byName.put(tool.path("name").asString(), tool));
        return byName;
    }

    private static JsonNode runClient(String name, ObjectNode plan) throws Exception {
        Path planFile = WORK.resolve(name + "-plan.json");
        Files.writeString(
                planFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(plan), StandardCharsets.UTF_8);
        Path log = WORK.resolve(name + "-client.log");
        int exit = node.run(List.of(CLIENT_SCRIPT.toString(), planFile.toString()), WORK, log, 120);
        assertThat(exit)
                .as(
                        "the SDK client (exit %s); output in %s:%n%s",
                        exit, log, Files.readString(log, StandardCharsets.UTF_8))
                .isZero();
        return JSON.readTree(Path.of(plan.get("out").asString()).toFile());
    }

    /**
     * The gateway with the embedding module: the jar alone when it holds the module (built with
     * {@code -Psearch-embeddings}), else the jar and the module's class path, which the build writes.
     */
    private static List<String> withSearchEmbeddings(String... args) throws Exception {
        Path classpathFile =
                Path.of(System.getProperty("search.embeddings.classpath", "target/search-embeddings.classpath"));
        String classpath = Files.isRegularFile(classpathFile)
                ? Files.readString(classpathFile).strip()
                : "";
        if (classpath.isEmpty()) {
            return GatewayProcess.javaCommand(jar, args);
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                jar + File.pathSeparator + classpath,
                "dev.apigwmcp.samples.demogateway.DemoGateway"));
        command.addAll(List.of(args));
        return command;
    }

    private static Path fresh(String name) throws Exception {
        Path file = WORK.resolve(name);
        Files.deleteIfExists(file);
        return file;
    }
}
