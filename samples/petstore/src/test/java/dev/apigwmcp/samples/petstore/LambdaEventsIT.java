package dev.apigwmcp.samples.petstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.samples.demo.DemoBackend;
import dev.apigwmcp.samples.demo.DemoCredentials;
import dev.apigwmcp.samples.demo.RecordedCall;
import dev.apigwmcp.samples.demo.RequestLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shipped jar as an AWS Lambda function, through its local entry point ({@code java -cp petstore-gateway.jar
 * dev.apigwmcp.runtime.lambda.LambdaHandler --event FILE}), one process per event as cold execution environments:
 * a recorded function URL initialize, then a recorded REST API tools/call with a base64 body that reaches the
 * demo backend, signed with SigV4, in the session the first process sealed.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LambdaEventsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path WORK = MODULE.resolve("target/e2e/lambda");
    private static final Path EVENTS =
            MODULE.resolve("../../runtime/src/test/resources/lambda-events").normalize();

    @Test
    void aSessionSealedByOneEnvironmentCallsTheDemoBackendFromAnother() throws Exception {
        Files.createDirectories(WORK);
        Path jar = Path.of(System.getProperty("gateway.jar", "target/petstore-gateway.jar"))
                .toAbsolutePath();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path keyFile = Files.writeString(
                WORK.resolve("session.key"), Base64.getEncoder().encodeToString(key));
        RequestLog received = RequestLog.inMemory();
        DemoBackend backend = DemoBackend.start(0, received);
        try {
            List<String> settings = new ArrayList<>(List.of("--session.key-file", keyFile.toString()));
            for (String target : List.of("petstore", "petstore-browse")) {
                settings.addAll(List.of(
                        "--target." + target + ".base-url",
                        backend.stageUri().toString(),
                        "--target." + target + ".aws-region",
                        DemoCredentials.REGION,
                        "--target." + target + ".api-key-env",
                        "DEMO_API_KEY"));
            }

            JsonNode initialized = invoke(
                    jar, "initialize", Files.readString(EVENTS.resolve("function-url-initialize.json")), settings);
            String session = initialized.path("headers").path("mcp-session-id").asString();
            ObjectNode call = (ObjectNode) JSON.readTree(
                    Files.readString(EVENTS.resolve("rest-api-tools-list.json")).replace("${session}", session));
            call.put(
                    "body",
                    Base64.getEncoder()
                            .encodeToString(("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\","
                                            + "\"params\":{\"name\":\"petstore___getPet\",\"arguments\":{\"petId\":\"1\"}}}")
                                    .getBytes(StandardCharsets.UTF_8)));
            call.put("isBase64Encoded", true);
            JsonNode called = invoke(jar, "tools-call", call.toString(), settings);

            assertThat(initialized.path("statusCode").asInt()).isEqualTo(200);
            assertThat(called.path("statusCode").asInt()).as(called.toString()).isEqualTo(200);
            JsonNode result = JSON.readTree(called.path("body").asString()).path("result");
            assertThat(result.path("isError").asBoolean(false))
                    .as(result.toString())
                    .isFalse();
            assertThat(result.path("structuredContent").path("name").asString()).isEqualTo("Rex");
            List<RecordedCall> calls = received.calls();
            assertThat(calls).singleElement().satisfies(recorded -> {
                assertThat(recorded.path()).isEqualTo("/prod/pets/1");
                assertThat(recorded.signatureValid()).isTrue();
            });
        } finally {
            backend.close();
        }
    }

    /** One cold process per event, as Lambda starts an execution environment; the response event it prints. */
    private static JsonNode invoke(Path jar, String name, String event, List<String> settings) throws Exception {
        Path file = Files.writeString(WORK.resolve(name + ".event.json"), event);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                jar.toString(),
                "dev.apigwmcp.runtime.lambda.LambdaHandler",
                "--event",
                file.toString()));
        command.addAll(settings);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(WORK.resolve(name + ".stderr.log").toFile());
        builder.environment()
                .keySet()
                .removeIf(variable -> variable.startsWith("APIGW_MCP_") || variable.startsWith("AWS_"));
        builder.environment().put("AWS_ACCESS_KEY_ID", DemoCredentials.ACCESS_KEY_ID);
        builder.environment().put("AWS_SECRET_ACCESS_KEY", DemoCredentials.SECRET_ACCESS_KEY);
        builder.environment().put("DEMO_API_KEY", DemoCredentials.API_KEY);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as("exit of %s; stderr in %s", name, WORK.resolve(name + ".stderr.log"))
                .isZero();
        return JSON.readTree(out);
    }
}
