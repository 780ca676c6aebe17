package dev.apigwmcp.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.auth.AuthEnvironment;
import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.protocol.McpServer;
import dev.apigwmcp.runtime.protocol.ServerOptions;
import dev.apigwmcp.runtime.testing.NodeModules;
import dev.apigwmcp.runtime.transport.HttpOptions;
import dev.apigwmcp.runtime.transport.HttpTransport;
import dev.apigwmcp.runtime.upstream.TestUpstream;
import dev.apigwmcp.runtime.upstream.TestUpstream.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The official TypeScript SDK client (1.32.2: ajv 8 with ajv-formats) calls every fixture tool over Streamable
 * HTTP while the upstream answers with real-world shapes: drifted JSON, arrays, XML, 204, an image, a cut body,
 * invalid JSON, and values on which Java and JavaScript validators disagree. No call may make the client throw,
 * and every conforming answer must still arrive as structured content. Needs Node (installed like the
 * conformance suite's, {@link NodeModules}); skipped with {@code -Dconformance.skip=true}.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class TypeScriptClientAnswersTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private enum Expect {
        STRUCTURED,
        ERROR,
        PLAIN
    }

    private record Case(String tool, Reply reply, Expect expect) {}

    private static Reply json(String body) {
        return Reply.json(200, body);
    }

    private static Reply of(String contentType, String body) {
        return Reply.of(200, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Case> cases() {
        Reply noContent = Reply.of(204, null, new byte[0]);
        return List.of(
                new Case(
                        "answers___GetPet", json("{\"id\":7,\"name\":\"Rex\",\"status\":\"sold\"}"), Expect.STRUCTURED),
                new Case("answers___GetPet", json("{\"id\":7,\"name\":\"Rex\",\"colour\":\"brown\"}"), Expect.ERROR),
                new Case("answers___GetPet", json("{\"id\":7}"), Expect.ERROR),
                new Case("answers___GetPet", json("{\"id\":7,\"name\":null}"), Expect.ERROR),
                new Case("answers___GetPet", json("{\"id\":7,\"name\":\"Rex\",\"status\":\"adopted\"}"), Expect.ERROR),
                new Case("answers___GetPet", json("{\"id\":\"7\",\"name\":\"Rex\"}"), Expect.ERROR),
                new Case("answers___GetPet", json("[{\"id\":7,\"name\":\"Rex\"}]"), Expect.ERROR),
                new Case("answers___GetPet", of("application/xml", "<pet><id>7</id></pet>"), Expect.ERROR),
                new Case("answers___GetPet", noContent, Expect.ERROR),
                new Case(
                        "answers___GetPet",
                        Reply.of(200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
                        Expect.ERROR),
                new Case("answers___GetPet", json("{\"id\":7,\"name\":\"" + "x".repeat(200) + "\"}"), Expect.ERROR),
                new Case("answers___GetPet", json("{\"id\":7,"), Expect.ERROR),
                new Case(
                        "answers___GetPetTolerant",
                        json("{\"id\":null,\"name\":null,\"status\":\"adopted\",\"x\":1}"),
                        Expect.STRUCTURED),
                new Case("answers___GetPetTolerant", noContent, Expect.STRUCTURED),
                new Case("answers___ListPets", json("[{\"id\":7}]"), Expect.STRUCTURED),
                new Case("answers___ListPets", json("{\"items\":[]}"), Expect.ERROR),
                new Case("answers___DeletePet", noContent, Expect.STRUCTURED),
                new Case(
                        "answers___Strict",
                        json("{\"count\":1,\"contact\":\"a@b.example\",\"price\":0.5,"
                                + "\"code\":\"abc\",\"blob\":\"aGk=\"}"),
                        Expect.STRUCTURED),
                new Case("answers___Strict", json("{\"count\":3000000000}"), Expect.ERROR),
                new Case("answers___Strict", json("{\"contact\":\"a@b\"}"), Expect.ERROR),
                new Case("answers___Strict", json("{\"price\":0.07}"), Expect.ERROR),
                new Case("answers___Strict", json("{\"code\":\"abc\\n\"}"), Expect.ERROR),
                new Case("answers___Strict", json("{\"blob\":\"aGk\"}"), Expect.ERROR),
                new Case("answers___Odd", json("{\"code\":\"x\"}"), Expect.STRUCTURED),
                new Case("answers___Raw", json("[1,2]"), Expect.PLAIN),
                new Case("answers___Raw", of("application/xml", "<a/>"), Expect.PLAIN));
    }

    @Test
    void noAnswerMakesTheClientThrowAndConformingAnswersStayStructured() throws Exception {
        Assumptions.assumeFalse(
                Boolean.getBoolean("conformance.skip"), "Node tests skipped by -Dconformance.skip=true");
        Path module = Path.of("").toAbsolutePath();
        NodeModules node = NodeModules.ensureInstalled(module.resolve("target"));
        Path workDir = Files.createDirectories(module.resolve("target/typescript-client"));
        List<Case> cases = cases();
        Queue<Reply> replies =
                new ConcurrentLinkedQueue<>(cases.stream().map(Case::reply).toList());
        try (TestUpstream upstream = new TestUpstream();
                GeneratedToolService service = GeneratedToolService.create(
                        List.of(OutputConformanceTest.answersTarget()),
                        Settings.of(Map.of(
                                "target.answers.base-url",
                                upstream.baseUri().toString(),
                                "upstream.max-response-bytes",
                                "100")),
                        new AuthEnvironment(name -> null, profile -> null, Clock.systemUTC()));
                HttpTransport transport = new HttpTransport(
                                new McpServer(service, ServerOptions.defaults()),
                                HttpOptions.defaults().withPort(0))
                        .start()) {
            upstream.respond(request -> replies.remove());
            ObjectNode plan = JSON.createObjectNode()
                    .put("modules", node.modules().toString())
                    .put("url", transport.endpoint().toString())
                    .put("out", workDir.resolve("results.json").toString());
            ArrayNode calls = plan.putArray("calls");
            cases.forEach(c -> calls.addObject().put("name", c.tool()));
            Path planFile = workDir.resolve("plan.json");
            Files.writeString(planFile, JSON.writeValueAsString(plan));
            Path log = workDir.resolve("client.log");
            int exit = node.run(
                    List.of(module.resolve("src/test/node/call-tools.cjs").toString(), planFile.toString()),
                    workDir,
                    log,
                    120);
            assertThat(exit)
                    .as("the client driver failed; see %s:%n%s", log, Files.readString(log))
                    .isZero();
        }
        JsonNode results = JSON.readTree(workDir.resolve("results.json").toFile());
        assertThat(results).hasSize(cases.size());
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case expected = cases.get(i);
            JsonNode got = results.get(i);
            boolean ok = !got.get("threw").asBoolean()
                    && switch (expected.expect()) {
                        case STRUCTURED ->
                            !got.get("isError").asBoolean()
                                    && got.get("structured").asBoolean();
                        case ERROR ->
                            got.get("isError").asBoolean()
                                    && !got.get("structured").asBoolean()
                                    && got.get("blocks").asInt() >= 1;
                        case PLAIN ->
                            !got.get("isError").asBoolean()
                                    && !got.get("structured").asBoolean();
                    };
            if (!ok) {
                wrong.add("call " + i + " (" + expected.tool() + ", expected " + expected.expect() + "): " + got);
            }
        }
        assertThat(wrong)
                .as("calls whose result the client saw differently than expected")
                .isEmpty();
    }
}
