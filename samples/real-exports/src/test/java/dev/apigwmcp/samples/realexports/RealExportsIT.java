package dev.apigwmcp.samples.realexports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.testing.GatewayProcess;
import dev.apigwmcp.runtime.testing.NodeModules;
import dev.apigwmcp.samples.demo.DemoCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 14's end-to-end check. The module's one gateway, generated from every real export in
 * {@code ../shared/specs/real/} with default settings, is started over stdio by the official TypeScript SDK client
 * ({@code src/test/node/real-exports-client.cjs}); it lists every tool and calls each once per {@link AnswerShape}
 * with arguments built from the tool's inputSchema. Every target points at one {@link LocalUpstream} (stage path
 * kept) and fetches OAuth2 tokens from a loopback {@link TokenEndpoint}. The run happens once; each test judges one
 * aspect of it against the {@link ExportExpectations} table and fails with a table of spec, tool, shapes and problem.
 * In {@code target/e2e/}: all findings ({@code real-exports-report.md}), the client's transcript
 * ({@code transcript.json}), its output with the gateway's log ({@code client.log}) and the requests the upstream
 * received ({@code upstream-requests.jsonl}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 6, unit = TimeUnit.MINUTES) // a first run installs Node and the SDK (up to 5 min)
class RealExportsIT {

    /** The aspects judged, one test each. */
    enum Check {
        GENERATED("every export generated a target"),
        LISTED("tools/list serves every generated tool"),
        COVERAGE("every operation of every export is exactly one tool"),
        SERVER_URL("bindings carry the invoke URL the export names"),
        CALLED("the client called every tool with every shape and valid arguments"),
        COMPLETED("no call threw in the client or failed as a tool"),
        REQUEST("every call reached the upstream once, with the export's method and path"),
        CREDENTIALS("every request carried exactly the credentials the export asks for"),
        CONTENT("every result carries the upstream's answer"),
        SECRETS("no credential appears in the gateway's log or in a result");

        final String title;

        Check(String title) {
            this.title = title;
        }
    }

    /** One POM target with what the test knows and configures about it. */
    private record Target(
            PomTarget pom, ExportExpectation expectation, TargetCredentials credentials, GeneratedTarget generated) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path WORK = MODULE.resolve("target/e2e");
    private static final Path CLIENT_SCRIPT = MODULE.resolve("src/test/node/real-exports-client.cjs");
    /** The client's output, with the gateway's stderr (its log, at level info: one line per call). */
    private static final String CLIENT_LOG = "client.log";
    /**
     * Region of last resort for SigV4 ({@code --aws.region}), so a tool the generator wrongly marks as IAM in an
     * export without a Region still starts and its call shows the unexpected signature, instead of stopping the start.
     */
    private static final String FALLBACK_REGION = "sa-east-1";

    private final Map<Check, Findings> findings = new EnumMap<>(Check.class);

    @BeforeAll
    void runTheClientAgainstTheGateway() throws Exception {
        Path jar = Path.of(System.getProperty("gateway.jar", "target/real-exports-gateway.jar"))
                .toAbsolutePath();
        assertThat(jar).as("the gateway jar (built in package)").isRegularFile();
        Files.createDirectories(WORK);
        for (Check check : Check.values()) {
            findings.put(check, new Findings());
        }
        List<Target> targets = targets();
        NodeModules node = NodeModules.ensureInstalled(WORK);
        Map<String, TokenEndpoint.Client> clients = new TreeMap<>();
        targets.forEach(
                t -> clients.put(t.credentials().clientId(), t.credentials().client()));
        JsonNode transcript;
        List<UpstreamExchange> exchanges;
        List<TokenEndpoint.TokenRequest> tokenRequests;
        try (LocalUpstream upstream = LocalUpstream.start();
                TokenEndpoint tokens = TokenEndpoint.start(clients)) {
            transcript = runClient(node, plan(jar, targets, upstream, tokens));
            exchanges = upstream.exchanges();
            tokenRequests = tokens.requests();
        }
        writeRequestLog(targets, exchanges);
        judge(targets, transcript, exchanges, tokenRequests);
        judgeSecrets(targets, transcript, Files.readString(WORK.resolve(CLIENT_LOG), StandardCharsets.UTF_8));
        writeReport(targets, transcript, exchanges);
    }

    @Test
    void everyRealExportGeneratesATargetOfTheGateway() {
        assertNoFindings(Check.GENERATED);
    }

    @Test
    void theGatewayListsEveryGeneratedTool() {
        assertNoFindings(Check.LISTED);
    }

    @Test
    void everyOperationOfEveryExportIsExactlyOneTool() {
        assertNoFindings(Check.COVERAGE);
    }

    @Test
    void bindingsCarryTheInvokeUrlEachExportNames() {
        assertNoFindings(Check.SERVER_URL);
    }

    @Test
    void theClientCallsEveryToolWithEveryShapeAndValidArguments() {
        assertNoFindings(Check.CALLED);
    }

    @Test
    void noCallThrowsInTheClientOrFailsAsATool() {
        assertNoFindings(Check.COMPLETED);
    }

    @Test
    void everyCallReachesTheUpstreamOnceWithTheExportsMethodAndPath() {
        assertNoFindings(Check.REQUEST);
    }

    @Test
    void everyRequestCarriesExactlyTheCredentialsTheExportAsksFor() {
        assertNoFindings(Check.CREDENTIALS);
    }

    @Test
    void everyResultCarriesTheUpstreamsAnswer() {
        assertNoFindings(Check.CONTENT);
    }

    @Test
    void noCredentialAppearsInTheGatewaysLogOrInAResult() {
        assertNoFindings(Check.SECRETS);
    }

    private void assertNoFindings(Check check) {
        Findings found = findings.get(check);
        assertThat(found.isEmpty())
                .as(
                        "%s: %d problem(s) (all checks: %s)%n%s",
                        check.title, found.size(), WORK.resolve("real-exports-report.md"), found.table())
                .isTrue();
    }

    private List<Target> targets() throws IOException {
        List<Target> targets = new ArrayList<>();
        for (PomTarget pom : PomTarget.read(MODULE.resolve("pom.xml"))) {
            ExportExpectation expectation = ExportExpectations.forFile(pom.fileName())
                    .orElseThrow(() -> new AssertionError("no ExportExpectations entry for " + pom.fileName()
                            + " (target " + pom.name() + "); read the export and add one"));
            GeneratedTarget generated = GeneratedTarget.load(pom.name()).orElse(null);
            targets.add(new Target(pom, expectation, TargetCredentials.of(pom.name()), generated));
        }
        return targets;
    }

    /** What the client does: start the gateway with every target pointed at the loopback servers, then call. */
    private static ObjectNode plan(Path jar, List<Target> targets, LocalUpstream upstream, TokenEndpoint tokens) {
        // Every generated tool listed as it is (a larger corpus would otherwise get search_tools beside them).
        List<String> command = new ArrayList<>(GatewayProcess.javaCommand(
                jar, "--aws.region", FALLBACK_REGION, "--log-level", "info", "--search.mode", "off"));
        Map<String, String> environment = new LinkedHashMap<>();
        // The AWS SDK's default chain reads these before any profile: the demo keys the verifier knows.
        environment.put("AWS_ACCESS_KEY_ID", DemoCredentials.ACCESS_KEY_ID);
        environment.put("AWS_SECRET_ACCESS_KEY", DemoCredentials.SECRET_ACCESS_KEY);
        environment.put("AWS_CONFIG_FILE", WORK.resolve("no-aws-config").toString());
        environment.put(
                "AWS_SHARED_CREDENTIALS_FILE",
                WORK.resolve("no-aws-credentials").toString());
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        for (Target target : targets) {
            String name = target.pom().name();
            TargetCredentials credentials = target.credentials();
            // Every credential is configured for every target, so a tool the generator binds to a wrong credential
            // still starts, and its calls show what was sent.
            // A host-less export's base path (server.url "/v1") is joined onto the configured base URL by the runtime;
            // an absolute server.url is replaced by it, so the stage path comes with it.
            String serverUrl = target.generated().serverUrl();
            boolean pathOnly = serverUrl != null && serverUrl.startsWith("/");
            command.addAll(List.of(
                    "--target." + name + ".base-url",
                    upstream.origin() + (pathOnly ? "" : target.expectation().stagePath()),
                    "--target." + name + ".api-key-env",
                    credentials.apiKeyVariable(),
                    "--target." + name + ".oauth2.token-url",
                    tokens.tokenUri().toString(),
                    "--target." + name + ".oauth2.client-id",
                    credentials.clientId(),
                    "--target." + name + ".oauth2.client-secret-env",
                    credentials.clientSecretVariable()));
            if (target.expectation().regionConfigured()) {
                command.addAll(List.of(
                        "--target." + name + ".aws-region", target.expectation().signingRegion()));
            }
            environment.put(credentials.apiKeyVariable(), credentials.apiKey());
            environment.put(credentials.clientSecretVariable(), credentials.clientSecret());
        }
        ObjectNode plan = JSON.createObjectNode();
        plan.put("out", WORK.resolve("transcript.json").toString());
        plan.put("command", command.get(0));
        ArrayNode args = plan.putArray("args");
        command.subList(1, command.size()).forEach(args::add);
        ObjectNode env = plan.putObject("env");
        environment.forEach(env::put);
        plan.put("controlUrl", upstream.controlUri().toString());
        ArrayNode shapes = plan.putArray("shapes");
        for (AnswerShape shape : AnswerShape.values()) {
            shapes.add(shape.id());
        }
        return plan;
    }

    private static JsonNode runClient(NodeModules node, ObjectNode plan) throws Exception {
        plan.put("modules", node.modules().toString());
        Path planFile = WORK.resolve("plan.json");
        Files.writeString(
                planFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(plan), StandardCharsets.UTF_8);
        Path log = WORK.resolve(CLIENT_LOG);
        Path out = Path.of(plan.get("out").asString());
        Files.deleteIfExists(out);
        int exit = node.run(List.of(CLIENT_SCRIPT.toString(), planFile.toString()), WORK, log, 150);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(exit)
                .as(
                        "the SDK client (exit %s; -1: timed out) failed before finishing its calls; its output and"
                                + " the gateway's stderr, in %s:%n%s",
                        exit, log, output.length() > 8000 ? "..." + output.substring(output.length() - 8000) : output)
                .isZero();
        return JSON.readTree(out.toFile());
    }

    private void judge(
            List<Target> targets,
            JsonNode transcript,
            List<UpstreamExchange> exchanges,
            List<TokenEndpoint.TokenRequest> tokenRequests)
            throws IOException {
        Map<String, Target> targetOfTool = new TreeMap<>();
        Map<String, OperationExpectation> operationOfTool = new TreeMap<>();
        for (Target target : targets) {
            judgeGeneration(target, targetOfTool, operationOfTool);
        }
        Set<String> listed = new TreeSet<>();
        Map<String, JsonNode> outputSchemas = new TreeMap<>();
        transcript.path("tools").forEach(tool -> {
            listed.add(tool.path("name").asString());
            outputSchemas.put(tool.path("name").asString(), tool.path("outputSchema"));
        });
        judgeListing(listed, targetOfTool);

        Map<Integer, List<UpstreamExchange>> byCall = exchanges.stream()
                .collect(Collectors.groupingBy(UpstreamExchange::call, TreeMap::new, Collectors.toList()));
        byCall.getOrDefault(0, List.of())
                .forEach(exchange -> findings.get(Check.REQUEST)
                        .add(
                                "-",
                                "-",
                                "-",
                                "upstream request before any call was announced: " + exchange.method() + " "
                                        + exchange.rawPath()));
        Map<String, Set<String>> shapesCalled = new TreeMap<>();
        for (JsonNode record : transcript.path("calls")) {
            ClientCall call = ClientCall.of(record);
            shapesCalled.computeIfAbsent(call.tool(), t -> new TreeSet<>()).add(call.shape());
            Target target = targetOfTool.get(call.tool());
            String spec = target == null ? "(no target)" : target.pom().fileName();
            OperationExpectation operation = operationOfTool.get(call.tool());
            List<UpstreamExchange> received = byCall.getOrDefault(call.call(), List.of());
            call.argumentProblems()
                    .forEach(problem -> findings.get(Check.CALLED)
                            .add(
                                    spec,
                                    call.tool(),
                                    call.shape(),
                                    "harness built arguments the inputSchema rejects: " + problem));
            CallJudge.completion(call, outputSchemas.getOrDefault(call.tool(), MissingNode.getInstance()))
                    .forEach(p -> findings.get(Check.COMPLETED).add(spec, call.tool(), call.shape(), p));
            CallJudge.content(call, received)
                    .forEach(p -> findings.get(Check.CONTENT).add(spec, call.tool(), call.shape(), p));
            if (target == null) {
                continue;
            }
            CallJudge judge = new CallJudge(
                    target.expectation().stagePath(),
                    new CredentialCheck(
                            target.credentials(),
                            targets.stream()
                                    .map(Target::credentials)
                                    .filter(c -> c != target.credentials())
                                    .toList(),
                            target.expectation().signingRegion()));
            judge.request(call, operation, received)
                    .forEach(p -> findings.get(Check.REQUEST).add(spec, call.tool(), call.shape(), p));
            String bound = boundAuth(target, call.tool());
            judge.credentials(operation, received)
                    .forEach(p -> findings.get(Check.CREDENTIALS).add(spec, call.tool(), call.shape(), p + bound));
        }
        Set<String> allShapes = new TreeSet<>();
        for (AnswerShape shape : AnswerShape.values()) {
            allShapes.add(shape.id());
        }
        for (String tool : listed) {
            Set<String> missing = new TreeSet<>(allShapes);
            missing.removeAll(shapesCalled.getOrDefault(tool, Set.of()));
            Target target = targetOfTool.get(tool);
            missing.forEach(shape -> findings.get(Check.CALLED)
                    .add(target == null ? "(no target)" : target.pom().fileName(), tool, shape, "not called"));
        }
        for (TokenEndpoint.TokenRequest request : tokenRequests) {
            if (request.clientId() == null) {
                findings.get(Check.CREDENTIALS)
                        .add(
                                "-",
                                "-",
                                "-",
                                "the token endpoint refused a request's client"
                                        + " credentials (client_secret_basic expected; form fields: "
                                        + request.body().replaceAll("=[^&]*", "") + ")");
            }
        }
    }

    /** The gateway may name a setting or a variable, never print a credential's value. */
    private void judgeSecrets(List<Target> targets, JsonNode transcript, String log) {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("the AWS secret access key", DemoCredentials.SECRET_ACCESS_KEY);
        for (Target target : targets) {
            TargetCredentials credentials = target.credentials();
            secrets.put("the API key of " + credentials.target(), credentials.apiKey());
            secrets.put("the OAuth2 client secret of " + credentials.target(), credentials.clientSecret());
            secrets.put("the access token of " + credentials.target(), credentials.token());
        }
        secrets.forEach((what, value) -> {
            if (log.contains(value)) {
                findings.get(Check.SECRETS).add("-", "-", "-", what + " is in the gateway's log (" + CLIENT_LOG + ")");
            }
            for (JsonNode call : transcript.path("calls")) {
                if ((call.path("result").toString() + call.path("message").asString("")).contains(value)) {
                    findings.get(Check.SECRETS)
                            .add(
                                    "-",
                                    call.path("tool").asString(),
                                    call.path("shape").asString(),
                                    what + " is in the call's result");
                }
            }
        });
    }

    private void judgeGeneration(
            Target target, Map<String, Target> targetOfTool, Map<String, OperationExpectation> operationOfTool) {
        String spec = target.pom().fileName();
        ExportExpectation expectation = target.expectation();
        GeneratedTarget generated = target.generated();
        if (generated == null) {
            findings.get(Check.GENERATED)
                    .add(
                            spec,
                            "-",
                            "-",
                            "no bindings.json for target '" + target.pom().name()
                                    + "' on the classpath (not generated)");
            return;
        }
        if (!spec.equals(generated.source())) {
            findings.get(Check.GENERATED)
                    .add(
                            spec,
                            "-",
                            "-",
                            "target '" + generated.name() + "' was generated from '" + generated.source() + "'");
        }
        if (expectation.invokeUrl() != null && !expectation.invokeUrl().equals(generated.serverUrl())) {
            findings.get(Check.SERVER_URL)
                    .add(
                            spec,
                            "-",
                            "-",
                            "bindings server.url is " + generated.serverUrl() + ", the export's invoke URL is "
                                    + expectation.invokeUrl());
        }
        Map<String, OperationExpectation> expected = new LinkedHashMap<>();
        expectation.operations().forEach(op -> expected.put(op.key(), op));
        Map<String, List<String>> toolsOf = new TreeMap<>();
        for (GeneratedTarget.Tool tool : generated.tools()) {
            targetOfTool.put(tool.name(), target);
            String key = tool.method() + " " + tool.path();
            OperationExpectation operation = expected.get(key);
            if (operation == null) {
                findings.get(Check.COVERAGE)
                        .add(
                                spec,
                                tool.name(),
                                "-",
                                "the tool is bound to " + key + ", which is not an operation of the export (expected: "
                                        + expected.keySet() + ")");
            } else {
                operationOfTool.put(tool.name(), operation);
                toolsOf.computeIfAbsent(key, k -> new ArrayList<>()).add(tool.name());
            }
        }
        expected.keySet().forEach(key -> {
            List<String> tools = toolsOf.getOrDefault(key, List.of());
            if (tools.size() != 1) {
                findings.get(Check.COVERAGE)
                        .add(
                                spec,
                                tools.isEmpty() ? "-" : String.join(", ", tools),
                                "-",
                                "operation " + key + " has " + tools.size() + " tools, expected exactly one");
            }
        });
    }

    private void judgeListing(Set<String> listed, Map<String, Target> targetOfTool) throws IOException {
        Set<String> catalog = new TreeSet<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("apigw-mcp/catalog/tools.json")) {
            assertThat(in)
                    .as("the generated catalog apigw-mcp/catalog/tools.json on the classpath")
                    .isNotNull();
            JSON.readTree(in)
                    .path("tools")
                    .forEach(tool -> catalog.add(tool.path("name").asString()));
        }
        Set<String> bound = new TreeSet<>(targetOfTool.keySet());
        for (String tool : union(catalog, bound)) {
            Target target = targetOfTool.get(tool);
            String spec = target == null ? "(no target)" : target.pom().fileName();
            if (!listed.contains(tool)) {
                findings.get(Check.LISTED)
                        .add(
                                spec,
                                tool,
                                "-",
                                "generated (" + (catalog.contains(tool) ? "catalog" : "")
                                        + (bound.contains(tool) ? " bindings" : "") + ") but not served by tools/list");
            }
        }
        for (String tool : listed) {
            if (!catalog.contains(tool) || !bound.contains(tool)) {
                findings.get(Check.LISTED)
                        .add(
                                "(no target)",
                                tool,
                                "-",
                                "served by tools/list but not in the generated"
                                        + (catalog.contains(tool) ? "" : " catalog")
                                        + (bound.contains(tool) ? "" : " bindings"));
            }
        }
    }

    /** The generator's view of a tool's credentials, shown beside a credential problem. */
    private static String boundAuth(Target target, String toolName) {
        return target.generated().tools().stream()
                .filter(tool -> tool.name().equals(toolName))
                .findFirst()
                .map(tool -> " [bindings: auth " + tool.auth() + (tool.token() == null ? "" : ", token " + tool.token())
                        + "]")
                .orElse("");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new TreeSet<>(a);
        union.addAll(b);
        return union;
    }

    /**
     * Every request the upstream received, one JSON line each, in {@code target/e2e/upstream-requests.jsonl};
     * credential values are replaced by their names.
     */
    private static void writeRequestLog(List<Target> targets, List<UpstreamExchange> exchanges) throws IOException {
        Map<String, String> names = new LinkedHashMap<>();
        for (Target target : targets) {
            TargetCredentials credentials = target.credentials();
            names.put(credentials.apiKey(), "<key of " + credentials.target() + ">");
            names.put(credentials.token(), "<token of " + credentials.target() + ">");
            names.put(credentials.clientSecret(), "<client secret of " + credentials.target() + ">");
        }
        StringBuilder lines = new StringBuilder();
        for (UpstreamExchange exchange : exchanges) {
            ObjectNode line = JSON.createObjectNode()
                    .put("call", exchange.call())
                    .put("shape", exchange.shape().id())
                    .put("method", exchange.method())
                    .put("path", exchange.rawPath())
                    .put("query", exchange.rawQuery());
            ObjectNode headers = line.putObject("headers");
            exchange.headers().forEach((name, values) -> {
                ArrayNode array = headers.putArray(name);
                values.forEach(value -> {
                    String shown = value;
                    for (Map.Entry<String, String> secret : names.entrySet()) {
                        shown = shown.replace(secret.getKey(), secret.getValue());
                    }
                    array.add(shown);
                });
            });
            line.put("body", exchange.bodyText());
            if (exchange.signature() != null) {
                line.putObject("sigv4")
                        .put("region", exchange.signature().region())
                        .put("problem", exchange.signature().problem());
            }
            lines.append(line).append('\n');
        }
        Files.writeString(WORK.resolve("upstream-requests.jsonl"), lines.toString(), StandardCharsets.UTF_8);
    }

    private void writeReport(List<Target> targets, JsonNode transcript, List<UpstreamExchange> exchanges)
            throws IOException {
        StringBuilder report = new StringBuilder("# Real exports end to end\n\n");
        report.append("Every tool of every export in ../shared/specs/real/, called with the official TypeScript SDK")
                .append(" client once per answer shape (")
                .append(AnswerShape.values().length)
                .append(").\n\n");
        for (Check check : Check.values()) {
            Findings found = findings.get(check);
            report.append("## ")
                    .append(check.title)
                    .append(": ")
                    .append(found.isEmpty() ? "ok" : found.size() + " problem(s)")
                    .append("\n\n");
            if (!found.isEmpty()) {
                report.append(found.table()).append('\n');
            }
        }
        Map<Integer, Long> requests =
                exchanges.stream().collect(Collectors.groupingBy(UpstreamExchange::call, Collectors.counting()));
        report.append("## Calls\n\n| call | tool | shape | threw | isError | structuredContent | upstream requests |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (JsonNode record : transcript.path("calls")) {
            ClientCall call = ClientCall.of(record);
            report.append("| ")
                    .append(call.call())
                    .append(" | ")
                    .append(call.tool())
                    .append(" | ")
                    .append(call.shape())
                    .append(" | ")
                    .append(call.threw() ? "yes" : "no")
                    .append(" | ")
                    .append(call.threw() ? "-" : call.isError() ? "yes" : "no")
                    .append(" | ")
                    .append(call.threw() ? "-" : call.structured() ? "yes" : "no")
                    .append(" | ")
                    .append(requests.getOrDefault(call.call(), 0L))
                    .append(" |\n");
        }
        report.append("\n## Expectations\n\n| spec | target | operation | credentials |\n| --- | --- | --- | --- |\n");
        for (Target target : targets) {
            for (OperationExpectation op : target.expectation().operations()) {
                report.append("| ")
                        .append(target.pom().fileName())
                        .append(" | ")
                        .append(target.pom().name())
                        .append(" | ")
                        .append(op.key())
                        .append(" | ")
                        .append(
                                op.credentials().isEmpty()
                                        ? "none"
                                        : op.credentials().stream()
                                                .map(Object::toString)
                                                .collect(Collectors.joining(" + ")))
                        .append(" |\n");
            }
        }
        report.append("\n## Judgements\n\n");
        targets.forEach(target -> report.append("- ")
                .append(target.pom().fileName())
                .append(": ")
                .append(target.expectation().judgement())
                .append('\n'));
        Files.writeString(WORK.resolve("real-exports-report.md"), report.toString(), StandardCharsets.UTF_8);
    }
}
