package dev.apigwmcp.samples.multitarget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.testing.GatewayProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every command README.md shows is run by a test, so the README cannot drift from the product again. The commands
 * on the sample jars are run here as written (a free port instead of 8080), and the tool call the README shows is
 * sent to the demo gateway and must come back as shown; every other command names the test that runs it. A
 * command added to the README without either fails this test.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DocumentedCommandsIT {

    private static final Path REPOSITORY =
            Path.of("").toAbsolutePath().getParent().getParent();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern INLINE = Pattern.compile("`((?:mvn|java|npx) [^`]+)`");
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

    /** Commands run elsewhere, by what runs them. A key is the command with runs of whitespace as one space. */
    private static final Map<String, String> RUN_ELSEWHERE = new LinkedHashMap<>();

    static {
        RUN_ELSEWHERE.put("mvn verify", "CI (.ci/run) runs exactly this");
        RUN_ELSEWHERE.put(
                "mvn -q install -DskipTests -Dinvoker.skip=true",
                "the archetype's and the plugin's integration tests install the reactor's artifacts the same way"
                        + " into their own repositories, then build from them");
        RUN_ELSEWHERE.put(
                "mvn archetype:generate -DarchetypeGroupId=dev.apigwmcp"
                        + " -DarchetypeArtifactId=apigw-mcp-archetype -DarchetypeVersion=0.1.0-SNAPSHOT -DgroupId=com.example"
                        + " -DartifactId=my-gateway -Dtarget=orders -DexportFile=/path/to/export.json -DinteractiveMode=false",
                "archetype: the archetype plugin's integration tests (own export, PetStore default) and the"
                        + " archetype-generate invoker test");
        RUN_ELSEWHERE.put("cd my-gateway", "archetype integration tests (they build in the generated project)");
        RUN_ELSEWHERE.put("mvn package", "archetype integration tests; samples (the package goal)");
        RUN_ELSEWHERE.put("java -jar target/my-gateway.jar --list-tools", "archetype integration tests");
        RUN_ELSEWHERE.put("java -jar target/my-gateway.jar --demo", "archetype integration test (PetStore default)");
        RUN_ELSEWHERE.put("mvn apigw-mcp:update-catalog", "maven-plugin IT catalog-check");
        RUN_ELSEWHERE.put(
                "mvn spotless:apply -pl '!gateway-parent'",
                "every mvn verify runs its other half, spotless:check with the same formatter, bound in the parent");
        RUN_ELSEWHERE.put("mvn apigw-mcp:refresh", "maven-plugin IT fetch-snapshot");
        RUN_ELSEWHERE.put(
                "target/my-gateway --list-tools",
                "archetype integration test (PetStore default) runs the"
                        + " start script the package goal writes and compares its list with java -jar's");
        RUN_ELSEWHERE.put(
                "mvn -q install -DskipTests -Dinvoker.skip=true -Psearch-embeddings",
                "PetstoreGatewayIT.searchByMeaningFindsAToolNoWordOfTheQueryNames: with the profile the module is in"
                        + " the jar and the test runs the jar alone, without it the jar with the module's class path;"
                        + " every mvn verify runs the latter");
        RUN_ELSEWHERE.put(
                "aws bedrock-agentcore-control get-gateway-target --gateway-identifier <gateway id>"
                        + " --target-id <target id> > orders-target.json",
                "not run: needs an AWS account; the import's tests"
                        + " read JSON written in its output's shape (AgentCoreImporterTest, maven-plugin IT import-agentcore)");
        RUN_ELSEWHERE.put(
                "mvn apigw-mcp:import-agentcore -Dapigw-mcp.agentcore.file=orders-target.json",
                "maven-plugin IT import-agentcore (prints, then writes with -Dapigw-mcp.agentcore.write=true)");
        RUN_ELSEWHERE.put(
                "java -jar target/my-gateway.jar --transport http --port 8080"
                        + " --target.orders.api-key-env MY_API_KEY",
                "a template with your names: real-exports' RealExportsIT" + " starts a gateway with the same options");
        RUN_ELSEWHERE.put(
                "java -jar target/my-gateway.jar --transport http --host 0.0.0.0 --port 8080"
                        + " --inbound.jwt.discovery-url https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123/"
                        + ".well-known/openid-configuration --inbound.jwt.allowed-clients 1example23456789"
                        + " --inbound.resource https://mcp.example.com/mcp --target.orders.bearer.source caller",
                "a template with your pool's names: the runtime's inbound tests (InboundGateTest, CallerIdentityUpstreamTest,"
                        + " TypeScriptClientAuthorizationTest) serve the same options against a Cognito-like issuer on"
                        + " 127.0.0.1");
        RUN_ELSEWHERE.put(
                "npx @modelcontextprotocol/inspector",
                "not run: an interactive web UI; the same transports"
                        + " are driven by the TypeScript SDK client in PetstoreGatewayIT");
        RUN_ELSEWHERE.put(
                "npx @modelcontextprotocol/inspector java -jar samples/petstore/target/petstore-gateway.jar"
                        + " --demo",
                "not run: an interactive web UI; PetstoreGatewayIT drives this jar over stdio");
        RUN_ELSEWHERE.put(
                "java -jar samples/petstore/target/petstore-gateway.jar --demo --search.mode only",
                "PetstoreGatewayIT.searchOnlyModeListsTwoToolsAndCallsAFoundToolThroughTheDemoBackend runs this jar"
                        + " with these options over stdio with the TypeScript SDK client");
        RUN_ELSEWHERE.put("java -jar", "a fragment of the sentence around it, not a command");
        RUN_ELSEWHERE.put(
                "openssl rand -base64 32 > session.key",
                "samples/petstore ScaleOutIT writes a key of the"
                        + " same form (32 random bytes, base64) and starts two replicas with it");
        RUN_ELSEWHERE.put(
                "java -jar target/my-gateway.jar --transport http --host 0.0.0.0 --port 8080"
                        + " --session.key-file session.key --inbound.jwt.discovery-url"
                        + " https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123/.well-known/openid-configuration"
                        + " --inbound.jwt.allowed-clients 1example23456789",
                "a template with your names: samples/petstore"
                        + " ScaleOutIT runs replicas with --session.key-file, the runtime's InboundGateTest the token checks");
        RUN_ELSEWHERE.put(
                "mvn package jib:buildTar",
                "the archetype's integration test (PetStore default) runs it in a"
                        + " generated project; samples/petstore ContainerImageIT runs jib:buildTar on the sample");
    }

    private static final String QUICK_START_SERVER =
            "java -jar samples/petstore/target/petstore-gateway.jar --demo --transport http --port 8080";
    private static final String HELP = "java -jar samples/petstore/target/petstore-gateway.jar --help";
    private static final String MULTI_TARGET_LIST = "java -jar samples/multi-target/target/multi-target-gateway.jar"
            + " --config samples/multi-target/src/main/config/gateway.properties --list-tools";

    private static String readme() throws IOException {
        return Files.readString(REPOSITORY.resolve("README.md"), StandardCharsets.UTF_8);
    }

    /** The README's commands: each line of a bash block (continuations joined, comments dropped), and inline ones. */
    static List<String> commands(String readme) {
        List<String> commands = new ArrayList<>();
        Matcher blocks = BASH_BLOCK.matcher(readme);
        while (blocks.find()) {
            StringBuilder current = new StringBuilder();
            for (String line : blocks.group(1).split("\n")) {
                String text = line.strip().startsWith("#")
                        ? ""
                        : line.replaceAll("\\s+#.*$", "").strip();
                if (text.isEmpty()) {
                    continue;
                }
                current.append(current.length() == 0 ? "" : " ").append(text);
                if (text.endsWith("\\")) {
                    current.setLength(current.length() - 1);
                    continue;
                }
                for (String part : current.toString().split("\\s+&&\\s+")) {
                    commands.add(part.replaceAll("\\s+", " ").strip());
                }
                current.setLength(0);
            }
        }
        Matcher inline = INLINE.matcher(readme);
        while (inline.find()) {
            commands.add(inline.group(1).replaceAll("\\s+", " ").strip());
        }
        return commands;
    }

    @Test
    void everyCommandIsRunHereOrNamesTheTestThatRunsIt() throws IOException {
        List<String> unaccounted = commands(readme()).stream()
                .filter(command -> !RUN_ELSEWHERE.containsKey(command)
                        && !List.of(QUICK_START_SERVER, HELP, MULTI_TARGET_LIST).contains(command))
                .distinct()
                .toList();
        assertThat(unaccounted)
                .as("README commands that no test runs; run them here or name the test in" + " RUN_ELSEWHERE")
                .isEmpty();
    }

    @Test
    void theHelpCommandListsTheOptions() throws Exception {
        assertThat(commands(readme())).contains(HELP);
        Process process = start(HELP);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(out).contains("--transport", "--port", "--list-tools");
    }

    @Test
    void theMultiTargetListingNeedsNoCredentialAndListsBothTargets() throws Exception {
        assertThat(commands(readme())).contains(MULTI_TARGET_LIST);
        Process process = start(MULTI_TARGET_LIST);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(out).contains("petstore___", "orders___listOrders");
    }

    /** The quick start's gateway, on a free port, answers the README's tool call with the README's result. */
    @Test
    void theQuickStartGatewayAnswersTheReadmesToolCallAsShown(@org.junit.jupiter.api.io.TempDir Path work)
            throws Exception {
        String readme = readme();
        assertThat(commands(readme)).contains(QUICK_START_SERVER);
        List<String> examples = new ArrayList<>();
        Matcher blocks = JSON_BLOCK.matcher(readme.substring(readme.indexOf("A tool call, as the client sends it")));
        while (blocks.find() && examples.size() < 2) {
            examples.add(blocks.group(1));
        }
        JsonNode request = JSON.readTree(examples.get(0));
        JsonNode expected = JSON.readTree(examples.get(1));
        String[] words = QUICK_START_SERVER.replace("--port 8080", "--port 0").split(" ");
        Path jar = REPOSITORY.resolve(words[2]);
        try (GatewayProcess gateway = GatewayProcess.startHttp(
                jar,
                work.resolve("gateway.log"),
                List.of(words).subList(3, words.length).toArray(String[]::new))) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> initialized = post(
                    http,
                    gateway.endpoint(),
                    null,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,"
                            + "\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                            + "\"clientInfo\":{\"name\":\"readme\",\"version\":\"1\"}}}");
            String session = initialized.headers().firstValue("mcp-session-id").orElseThrow();
            post(http, gateway.endpoint(), session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            JsonNode answer = message(post(http, gateway.endpoint(), session, request.toString()));
            assertThat(answer.path("result").path("isError").asBoolean(false))
                    .as(answer.toString())
                    .isFalse();
            assertThat(answer.path("id")).isEqualTo(expected.path("id"));
            assertThat(answer.path("result").path("structuredContent"))
                    .isEqualTo(expected.path("result").path("structuredContent"));
            assertThat(JSON.readTree(answer.path("result")
                            .path("content")
                            .get(0)
                            .path("text")
                            .asString()))
                    .isEqualTo(JSON.readTree(expected.path("result")
                            .path("content")
                            .get(0)
                            .path("text")
                            .asString()));
        }
    }

    private static Process start(String command) throws IOException {
        String[] words = command.split(" ");
        List<String> args = new ArrayList<>(GatewayProcess.javaCommand(
                REPOSITORY.resolve(words[2]),
                List.of(words).subList(3, words.length).toArray(String[]::new)));
        ProcessBuilder builder =
                new ProcessBuilder(args).directory(REPOSITORY.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(name -> name.startsWith("APIGW_MCP_"));
        return builder.start();
    }

    private static HttpResponse<String> post(HttpClient http, URI endpoint, String session, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2025-06-18")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON-RPC message of a response, sent as JSON or as the last data of an SSE stream. */
    private static JsonNode message(HttpResponse<String> response) {
        String body = response.body();
        if (response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream")) {
            String data = null;
            for (String line : body.split("\n")) {
                if (line.startsWith("data:")) {
                    data = line.substring(5).strip();
                }
            }
            body = data;
        }
        return JSON.readTree(body);
    }
}
