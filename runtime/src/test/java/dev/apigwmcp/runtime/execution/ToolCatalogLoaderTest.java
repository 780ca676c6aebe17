package dev.apigwmcp.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwmcp.runtime.auth.AuthEnvironment;
import dev.apigwmcp.runtime.auth.AuthException;
import dev.apigwmcp.runtime.auth.AwsCredentialsSource;
import dev.apigwmcp.runtime.auth.AwsKeys;
import dev.apigwmcp.runtime.auth.CredentialLocation;
import dev.apigwmcp.runtime.auth.TokenPlacement;
import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.spi.ToolRegistry;
import dev.apigwmcp.runtime.tools.ToolListing;
import dev.apigwmcp.runtime.upstream.UpstreamSettings;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.assertj.core.api.AbstractListAssert;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules of {@link ToolCatalogLoader}, each on the smallest target written here: a target's {@code tools.json}
 * and {@code bindings.json} as text (in JSON with single quotes, for reading) and its generated tool names.
 */
class ToolCatalogLoaderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AwsKeys KEYS = new AwsKeys("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
    private static final String SERVER = "{'url':'https://api.example.com/prod'}";
    private static final String ITEM = "{'name':'t___item','method':'GET','path':'/items'}";

    private final Map<String, String> settings = new HashMap<>();
    private final Map<String, String> variables = new HashMap<>();
    private Function<String, AwsCredentialsSource> aws = profile -> () -> KEYS;

    // --- fixtures ---------------------------------------------------------------------------------------------

    /** Single quotes as double quotes, so that JSON in a Java string stays readable. */
    private static String q(String json) {
        return json.replace('\'', '"');
    }

    /** A tools.json entry in the generator's layout: the name first, an input schema. */
    private static String listed(String name) {
        return "{'name':'" + name + "','inputSchema':{'type':'object'}}";
    }

    /** tools.json as the generator writes it: one tool a line. */
    private static String toolsFile(String... entries) {
        return q("{'tools':[\n" + (entries.length == 0 ? "" : String.join(",\n", entries) + "\n") + "]}\n");
    }

    /** bindings.json of target {@code target} with the given server object and tool bindings. */
    private static String bindingsFile(String target, String server, String... tools) {
        return q("{'bindingsVersion':1,'target':'" + target + "','server':" + server + ",'tools':["
                + String.join(",", tools) + "]}");
    }

    /**
     * A registry whose resources are the given texts ({@code null}: not on the classpath). The loader reads a
     * target's resources through its registry's class loader, as generated code finds them beside itself, so the
     * registry is a proxy defined in a class loader that holds exactly these resources.
     */
    private static ToolRegistry target(String name, String toolsJson, String bindingsJson, String... generated) {
        String folder = "apigw-mcp/targets/" + name + "/";
        Map<String, byte[]> resources = new HashMap<>();
        if (toolsJson != null) {
            resources.put(folder + "tools.json", toolsJson.getBytes(StandardCharsets.UTF_8));
        }
        if (bindingsJson != null) {
            resources.put(folder + "bindings.json", bindingsJson.getBytes(StandardCharsets.UTF_8));
        }
        ClassLoader loader = new ClassLoader(ToolCatalogLoaderTest.class.getClassLoader()) {
            @Override
            public InputStream getResourceAsStream(String path) {
                byte[] bytes = resources.get(path);
                return bytes == null ? null : new ByteArrayInputStream(bytes);
            }
        };
        return (ToolRegistry) Proxy.newProxyInstance(
                loader, new Class<?>[] {ToolRegistry.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "targetName" -> name;
                    case "resourceFolder" -> folder;
                    case "toolNames" -> List.of(generated);
                    case "toString" -> "registry of " + name;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Target {@code t} with the one tool {@code t___item}, listed, generated and bound by {@code binding}. */
    private static ToolRegistry itemTarget(String server, String binding) {
        return target("t", toolsFile(listed("t___item")), bindingsFile("t", server, binding), "t___item");
    }

    private ToolCatalogLoader loader() {
        AuthEnvironment environment =
                new AuthEnvironment(variables::get, profile -> aws.apply(profile), Clock.systemUTC());
        return new ToolCatalogLoader(
                Settings.of(settings),
                environment,
                () -> {
                    throw new AssertionError("loading the catalog sends no HTTP request");
                },
                JSON);
    }

    private Map<String, LoadedTool> load(ToolRegistry... registries) {
        return loader().load(List.of(registries));
    }

    private LoadedTool loadItem(String server, String binding) {
        return load(itemTarget(server, binding)).get("t___item");
    }

    private StartupException failure(ToolRegistry... registries) {
        try {
            load(registries);
        } catch (StartupException e) {
            return e;
        }
        throw new AssertionError("the catalog loaded");
    }

    private AbstractListAssert<?, List<? extends String>, String, ?> assertProblems(ToolRegistry... registries) {
        return assertThat(failure(registries).problems());
    }

    // --- registries and targets -------------------------------------------------------------------------------

    @Test
    void noRegistryAtAllSaysTheGeneratedJarIsMissing() {
        assertProblems()
                .containsExactly("no generated tools found on the class path; add the jar the apigw-mcp Maven plugin"
                        + " generated for the target");
    }

    @Test
    void aTargetProvidedByTwoRegistriesNamesBothRegistries() {
        ToolRegistry first = itemTarget(SERVER, ITEM);
        ToolRegistry second = itemTarget(SERVER, ITEM);
        assertProblems(first, second)
                .containsExactly(
                        "target 't' is provided twice (" + first.getClass().getName() + " and "
                                + second.getClass().getName() + ")");
    }

    @Test
    void aToolNameThatTwoTargetsShareNamesBothTargets() {
        ToolRegistry other = target("u", toolsFile(listed("t___item")), bindingsFile("u", SERVER, ITEM), "t___item");
        assertProblems(itemTarget(SERVER, ITEM), other)
                .containsExactly("tool 't___item' is defined by both target"
                        + " 't' and target 'u'; give one target another tool prefix");
    }

    @Test
    void theToolsOfAllTargetsComeSortedByName() {
        ToolRegistry b = target(
                "b",
                toolsFile(listed("b___z"), listed("b___a")),
                bindingsFile(
                        "b",
                        SERVER,
                        "{'name':'b___z','method':'GET','path':'/z'}",
                        "{'name':'b___a','method':'GET','path':'/a'}"),
                "b___a",
                "b___z");
        ToolRegistry a = target(
                "a",
                toolsFile(listed("a___m")),
                bindingsFile("a", SERVER, "{'name':'a___m','method':'GET','path':'/m'}"),
                "a___m");
        assertThat(load(b, a).keySet()).containsExactly("a___m", "b___a", "b___z");
    }

    @Test
    void theProblemsOfEveryTargetAreReportedTogether() {
        ToolRegistry a = target("a", null, bindingsFile("a", SERVER));
        ToolRegistry b = target("b", toolsFile(), null);
        assertProblems(a, b)
                .containsExactly(
                        "target 'a': resource apigw-mcp/targets/a/tools.json not found on the classpath",
                        "target 'b': resource apigw-mcp/targets/b/bindings.json not found on the classpath");
    }

    @Test
    void aMissingOrUnavailableResourceIsNotAWrongSetting() {
        assertThat(failure(target("t", null, null)).badSettings()).isFalse();
    }

    // --- the resources ----------------------------------------------------------------------------------------

    @Test
    void aMissingToolsJsonNamesTheResource() {
        assertProblems(target("t", null, bindingsFile("t", SERVER)))
                .containsExactly("target 't': resource apigw-mcp/targets/t/tools.json not found on the classpath");
    }

    @Test
    void aMissingBindingsJsonNamesTheResource() {
        assertProblems(target("t", toolsFile(), null))
                .containsExactly("target 't': resource apigw-mcp/targets/t/bindings.json not found on the classpath");
    }

    @Test
    void bindingsJsonThatIsNotJsonNamesTheFileAndWhere() {
        assertProblems(target("t", toolsFile(), "{\"tools\":\n[}"))
                .singleElement()
                .asString()
                .startsWith("target 't': resource apigw-mcp/targets/t/bindings.json is not valid JSON (")
                .endsWith(" at line 2, column 2)");
    }

    @Test
    void toolsJsonThatIsNotJsonNamesTheFileAndWhere() {
        assertProblems(target("t", "{\"tools\":[\n{\"name\":}", bindingsFile("t", SERVER)))
                .singleElement()
                .asString()
                .startsWith("target 't': resource apigw-mcp/targets/t/tools.json is not valid JSON (")
                .endsWith(" at line 2, column 9)");
    }

    @Test
    void toolsJsonInAnotherLayoutIsStillRead() {
        String pretty = q("{\n  'tools' : [ {\n    'name' : 't___item',\n    'inputSchema' : { }\n  } ]\n}\n");
        ToolRegistry edited = target("t", pretty, bindingsFile("t", SERVER, ITEM), "t___item");
        assertThat(load(edited).get("t___item").listing().json())
                .asString(StandardCharsets.UTF_8)
                .isEqualTo(q("{'name':'t___item','inputSchema':{}}"));
    }

    @Test
    void aMalformedEntryOfAnEditedToolsJsonNamesItsIndex() {
        ToolRegistry edited = target("t", q("{'tools':[{'inputSchema':{}}]}"), bindingsFile("t", SERVER));
        assertProblems(edited)
                .containsExactly("target 't': apigw-mcp/targets/t/tools.json: tools[0] must be an"
                        + " object with a string 'name'");
    }

    @Test
    void aFaultInBindingsJsonNamesTheTargetFileAndJsonLocation() {
        ToolRegistry target = itemTarget(SERVER, "{'name':'t___item','path':'/items'}");
        assertProblems(target)
                .containsExactly("target 't': apigw-mcp/targets/t/bindings.json: tools[0].method is" + " missing");
    }

    @Test
    void bindingsJsonOfAnotherTargetIsRejected() {
        ToolRegistry target = target("t", toolsFile(listed("t___item")), bindingsFile("u", SERVER, ITEM), "t___item");
        assertProblems(target).containsExactly("target 't': apigw-mcp/targets/t/bindings.json is for target 'u'");
    }

    // --- generated code, tools.json and bindings.json disagree ------------------------------------------------

    @Test
    void twoGeneratedToolsOfOneNameAreAProblem() {
        ToolRegistry target =
                target("t", toolsFile(listed("t___item")), bindingsFile("t", SERVER, ITEM), "t___item", "t___item");
        assertProblems(target).containsExactly("target 't': two generated tools are named 't___item'");
    }

    @Test
    void aToolBoundTwiceIsOneProblemNamingTheSecondBinding() {
        ToolRegistry target = itemTarget(SERVER, ITEM + "," + ITEM);
        assertProblems(target)
                .containsExactly(
                        "target 't': apigw-mcp/targets/t/bindings.json tools[1] binds tool" + " 't___item' twice");
    }

    @Test
    void aListedToolWithoutGeneratedCodeNamesTheRegistry() {
        ToolRegistry target = target("t", toolsFile(listed("t___item")), bindingsFile("t", SERVER, ITEM));
        assertProblems(target)
                .containsExactly("target 't': tool 't___item' is in tools.json but has no generated" + " code ("
                        + target.getClass().getName() + ".toolNames()); regenerate the target");
    }

    @Test
    void aListedToolWithoutBindingSaysToRegenerate() {
        ToolRegistry target = target("t", toolsFile(listed("t___item")), bindingsFile("t", SERVER), "t___item");
        assertProblems(target)
                .containsExactly("target 't': tool 't___item' is in tools.json but not in"
                        + " bindings.json; regenerate the target");
    }

    @Test
    void aGeneratedToolThatIsNotListedIsAProblem() {
        ToolRegistry target = target("t", toolsFile(), bindingsFile("t", SERVER), "t___item");
        assertProblems(target).containsExactly("target 't': generated tool 't___item' is not in tools.json");
    }

    @Test
    void aBindingOfAToolThatIsNotListedNamesItsIndex() {
        ToolRegistry target = target("t", toolsFile(), bindingsFile("t", SERVER, ITEM));
        assertProblems(target)
                .containsExactly(
                        "target 't': bindings.json tools[0] binds tool 't___item', which is" + " not in tools.json");
    }

    // --- each tool's binding ----------------------------------------------------------------------------------

    @Test
    void anUnsupportedMethodNamesTheBindingsMethod() {
        assertProblems(itemTarget(SERVER, "{'name':'t___item','method':'TRACE','path':'/items'}"))
                .containsExactly("target 't': bindings.json tools[0].method: 'TRACE' is not a supported HTTP method");
    }

    @Test
    void methodAnyLeavesTheMethodToTheCall() {
        LoadedTool tool = loadItem(SERVER, "{'name':'t___item','method':'ANY','path':'/items'}");
        assertThat(tool.request().method()).isEqualTo("ANY");
    }

    @Test
    void aMalformedPathTemplateNamesTheBindingsPath() {
        assertProblems(itemTarget(SERVER, "{'name':'t___item','method':'GET','path':'/items/{id'}"))
                .containsExactly("target 't': bindings.json tools[0].path: unclosed '{' in path template /items/{id");
    }

    @Test
    void eachPathVariableIsFilledByTheArgumentBoundToIt() {
        LoadedTool tool = loadItem(
                SERVER,
                "{'name':'t___item','method':'GET','path':'/a/{id}/{b}','arguments':["
                        + "{'name':'itemId','in':'path','parameter':'id'},{'name':'b','in':'path'}]}");
        assertThat(tool.request().pathArguments()).containsExactlyInAnyOrderEntriesOf(Map.of("id", "itemId", "b", "b"));
    }

    @Test
    void argumentsSentAsTextAreThoseInPathQueryHeaderOrCookie() {
        LoadedTool tool = loadItem(
                SERVER,
                "{'name':'t___item','method':'ANY','path':'/a/{p}','arguments':["
                        + "{'name':'p','in':'path'},{'name':'q','in':'query'},{'name':'h','in':'header'},"
                        + "{'name':'c','in':'cookie'},{'name':'m','in':'method'}]}");
        assertThat(tool.parameters()).containsExactlyInAnyOrder("p", "q", "h", "c");
    }

    @Test
    void aToolsOwnTimeoutWinsOverTheUpstreamTimeoutSetting() {
        settings.put(UpstreamSettings.TIMEOUT_MS.name(), "7000");
        LoadedTool tool = loadItem(SERVER, "{'name':'t___item','method':'GET','path':'/items','timeoutMs':5000}");
        assertThat(tool.request().timeout()).isEqualTo(Duration.ofMillis(5000));
    }

    @Test
    void withoutItsOwnTimeoutAToolHasTheUpstreamTimeoutSetting() {
        settings.put(UpstreamSettings.TIMEOUT_MS.name(), "7000");
        assertThat(loadItem(SERVER, ITEM).request().timeout()).isEqualTo(Duration.ofMillis(7000));
    }

    @Test
    void anUpstreamTimeoutThatIsNotPositiveIsAWrongSetting() {
        settings.put(UpstreamSettings.TIMEOUT_MS.name(), "0");
        StartupException failure = failure(itemTarget(SERVER, ITEM));
        assertThat(failure.problems())
                .containsExactly("setting upstream.timeout-ms: '0' is not a positive whole" + " number");
        assertThat(failure.badSettings()).isTrue();
    }

    @Test
    void anOutputSchemaInToolsJsonMakesTheResultStructured() {
        String listed = "{'name':'t___item','inputSchema':{'type':'object'},'outputSchema':{'type':'object'}}";
        ToolRegistry target = target("t", toolsFile(listed), bindingsFile("t", SERVER, ITEM), "t___item");
        assertThat(load(target).get("t___item").shape().structured()).isTrue();
    }

    @Test
    void anOutputSchemaNotedInTheBindingMakesTheResultStructured() {
        LoadedTool tool = loadItem(
                SERVER,
                "{'name':'t___item','method':'GET','path':'/items','output':" + "{'schema':true,'wrap':'result'}}");
        assertThat(tool.shape().structured()).isTrue();
        assertThat(tool.shape().wrap()).isEqualTo("result");
    }

    @Test
    void withoutOutputSchemaTheResultIsUnstructured() {
        assertThat(loadItem(SERVER, ITEM).shape().structured()).isFalse();
    }

    // --- credentials and where they go ------------------------------------------------------------------------

    @Test
    void sigV4AndABearerTokenInTheAuthorizationHeaderCannotGoTogether() {
        settings.put("target.t.bearer.source", "caller");
        ToolRegistry target = itemTarget(
                "{'url':'https://api.example.com','region':'eu-west-1'}",
                "{'name':'t___item','method':'GET','path':'/items','auth':['SIGV4','BEARER']}");
        assertProblems(target)
                .containsExactly("target 't': bindings.json tools[0]: auth lists both SIGV4 and BEARER,"
                        + " which both need the Authorization header; a token that the authorizer reads elsewhere needs its"
                        + " place in .token");
    }

    @Test
    void sigV4AndABearerTokenPlacedElsewhereGoTogether() {
        settings.put("target.t.bearer.source", "caller");
        LoadedTool tool = loadItem(
                "{'url':'https://api.example.com','region':'eu-west-1'}",
                "{'name':'t___item','method':'GET','path':'/items','auth':['SIGV4','BEARER'],"
                        + "'token':{'in':'header','name':'X-Token'}}");
        assertThat(tool.auth().token()).isEqualTo(new TokenPlacement(CredentialLocation.HEADER, "X-Token", null));
    }

    @Test
    void aBearerTokenInTheApiKeysHeaderIsAProblem() {
        apiKeyAndCallerToken();
        ToolRegistry target = target(
                "t",
                toolsFile(listed("t___item")),
                q("{'bindingsVersion':1,'target':'t',"
                        + "'server':" + SERVER + ",'apiKey':{'in':'header','name':'x-key'},'tools':[{'name':'t___item',"
                        + "'method':'GET','path':'/items','auth':['API_KEY','BEARER'],'token':{'in':'header','name':'X-Key'}}"
                        + "]}"),
                "t___item");
        assertProblems(target)
                .containsExactly("target 't': bindings.json tools[0].token: the bearer token and the"
                        + " API key would both go in header 'X-Key'");
    }

    @Test
    void aBearerTokenInTheApiKeysQueryParameterIsAProblem() {
        apiKeyAndCallerToken();
        ToolRegistry target = target(
                "t",
                toolsFile(listed("t___item")),
                q("{'bindingsVersion':1,'target':'t',"
                        + "'server':" + SERVER + ",'apiKey':{'in':'query','name':'key'},'tools':[{'name':'t___item',"
                        + "'method':'GET','path':'/items','auth':['API_KEY','BEARER'],'token':{'in':'query','name':'key'}}"
                        + "]}"),
                "t___item");
        assertProblems(target)
                .containsExactly("target 't': bindings.json tools[0].token: the bearer token and the"
                        + " API key would both go in query parameter 'key'");
    }

    /** The API key and the caller's token are both at hand, so that only where they go is in question. */
    private void apiKeyAndCallerToken() {
        settings.put("target.t.api-key-env", "T_KEY");
        variables.put("T_KEY", "k-secret");
        settings.put("target.t.bearer.source", "caller");
    }

    @Test
    void aTokenPlacementOnAToolWithoutBearerIsIgnored() {
        LoadedTool tool = loadItem(
                SERVER,
                "{'name':'t___item','method':'GET','path':'/items','auth':[],"
                        + "'token':{'in':'header','name':'X-Token'}}");
        assertThat(tool.auth().token()).isEqualTo(TokenPlacement.AUTHORIZATION);
        assertThat(tool.request().reservedHeaders()).doesNotContain("x-token");
    }

    @Test
    void theHeaderOrParameterOfABearerTokenIsReservedFromArguments() {
        settings.put("target.t.bearer.source", "caller");
        LoadedTool header = loadItem(
                SERVER,
                "{'name':'t___item','method':'GET','path':'/items','auth':['BEARER'],"
                        + "'token':{'in':'header','name':'X-Token'}}");
        LoadedTool query = loadItem(
                SERVER,
                "{'name':'t___item','method':'GET','path':'/items','auth':['BEARER'],"
                        + "'token':{'in':'query','name':'Access_Token'}}");
        assertThat(header.request().reservedHeaders()).contains("x-token");
        assertThat(query.request().reservedQuery()).contains("access_token");
    }

    @Test
    void theTargetsApiKeyIsReservedFromArgumentsOfEveryTool() {
        ToolRegistry target = target(
                "t",
                toolsFile(listed("t___item")),
                q("{'bindingsVersion':1,'target':'t'," + "'server':" + SERVER
                        + ",'apiKey':{'in':'query','name':'Key'},'tools':[" + ITEM + "]}"),
                "t___item");
        assertThat(load(target).get("t___item").request().reservedQuery()).containsExactly("key");
    }

    @Test
    void awsCredentialsAreResolvedOnceForAllTargetsThatShareThem() {
        AtomicInteger resolutions = new AtomicInteger();
        AwsCredentialsSource shared = () -> {
            resolutions.incrementAndGet();
            return KEYS;
        };
        aws = profile -> shared;
        load(sigV4Target("a"), sigV4Target("b"));
        assertThat(resolutions).hasValue(1);
    }

    @Test
    void missingAwsCredentialsAreOneLineNamingEveryTargetThatNeedsThem() {
        AwsCredentialsSource none = () -> {
            throw new AuthException("no AWS credentials found");
        };
        aws = profile -> none;
        assertProblems(sigV4Target("a"), sigV4Target("b"))
                .containsExactly("targets 'a', 'b': tools need SigV4" + " signing but no AWS credentials found");
    }

    @Test
    void anUnexpectedFailureResolvingAwsCredentialsShowsOnlyItsKind() {
        aws = profile -> () -> {
            throw new IllegalStateException("secret=wJalrXUtnFEMI");
        };
        assertProblems(sigV4Target("a"))
                .containsExactly("target 'a': tools need SigV4 signing but resolving AWS"
                        + " credentials failed (an unexpected error: illegal state)");
    }

    @Test
    void targetsWithoutSigV4ResolveNoAwsCredentials() {
        aws = profile -> () -> {
            throw new AssertionError("resolved AWS credentials");
        };
        assertThat(load(itemTarget(SERVER, ITEM))).containsOnlyKeys("t___item");
    }

    private static ToolRegistry sigV4Target(String name) {
        String tool = name + "___item";
        return target(
                name,
                toolsFile(listed(tool)),
                bindingsFile(
                        name,
                        "{'url':'https://api.example.com'," + "'region':'eu-west-1'}",
                        "{'name':'" + tool + "','method':'GET','path':'/items','auth':['SIGV4']}"),
                tool);
    }

    // --- forwarded headers ------------------------------------------------------------------------------------

    @Test
    void forwardedHeadersAreTrimmedAndKeptOnceInTheFirstSpelling() {
        settings.put("target.t.forward-headers", " X-Tenant, ,x-tenant,X-Request-Id ");
        assertThat(loadItem(SERVER, ITEM).forwarded()).containsExactly("X-Tenant", "X-Request-Id");
    }

    @Test
    void aForwardedHeaderIsReservedFromArguments() {
        settings.put("target.t.forward-headers", "X-Tenant");
        assertThat(loadItem(SERVER, ITEM).request().reservedHeaders()).contains("x-tenant");
    }

    @Test
    void aForwardedHeaderNameWithAForbiddenCharacterNamesCharacterAndPosition() {
        settings.put("target.t.forward-headers", "X-Tenant:1");
        StartupException failure = failure(itemTarget(SERVER, ITEM));
        assertThat(failure.problems())
                .singleElement()
                .asString()
                .startsWith("setting target.t.forward-headers:" + " 'X-Tenant:1' is not a header name (character ")
                .endsWith(" at 8); it can never be forwarded");
        assertThat(failure.badSettings()).isTrue();
    }

    @Test
    void aCredentialOfTheMcpRequestCanNeverBeForwarded() {
        settings.put("target.t.forward-headers", "Authorization");
        assertProblems(itemTarget(SERVER, ITEM))
                .containsExactly("setting target.t.forward-headers: 'Authorization'"
                        + " carries a credential of the MCP request; it can never be forwarded");
    }

    @Test
    void theTargetsApiKeyHeaderCanNeverBeForwarded() {
        settings.put("target.t.forward-headers", "X-Partner-Key");
        ToolRegistry target = target(
                "t",
                toolsFile(listed("t___item")),
                q("{'bindingsVersion':1,'target':'t'," + "'server':" + SERVER
                        + ",'apiKey':{'in':'header','name':'x-partner-key'},'tools':[" + ITEM + "]}"),
                "t___item");
        assertProblems(target)
                .containsExactly("setting target.t.forward-headers: 'X-Partner-Key' is the target's"
                        + " API key header; it can never be forwarded");
    }

    @Test
    void theHeaderAToolSendsItsBearerTokenInCanNeverBeForwarded() {
        settings.put("target.t.forward-headers", "x-token");
        settings.put("target.t.bearer.source", "caller");
        assertProblems(itemTarget(
                        SERVER,
                        "{'name':'t___item','method':'GET','path':'/items','auth':['BEARER'],"
                                + "'token':{'in':'header','name':'X-Token'}}"))
                .containsExactly("setting target.t.forward-headers:"
                        + " 'x-token' is the header tool 't___item' sends its bearer token in; it can never be"
                        + " forwarded");
    }

    // --- the base URL -----------------------------------------------------------------------------------------

    @Test
    void theExportsAbsoluteServerUrlIsTheBaseUrl() {
        assertThat(loadItem(SERVER, ITEM).request().baseUri()).isEqualTo(URI.create("https://api.example.com/prod"));
    }

    @Test
    void aConfiguredBaseUrlReplacesAnAbsoluteServerUrlWithItsPath() {
        settings.put("target.t.base-url", "http://127.0.0.1:8080/local");
        assertThat(loadItem(SERVER, ITEM).request().baseUri()).isEqualTo(URI.create("http://127.0.0.1:8080/local"));
    }

    @Test
    void aBlankConfiguredBaseUrlCountsAsNone() {
        settings.put("target.t.base-url", "  ");
        assertThat(loadItem(SERVER, ITEM).request().baseUri()).isEqualTo(URI.create("https://api.example.com/prod"));
    }

    @Test
    void aServerUrlThatIsOnlyAPathIsAppendedToTheConfiguredBaseUrl() {
        settings.put("target.t.base-url", "http://127.0.0.1:8080/");
        assertThat(loadItem("{'url':'/v1'}", ITEM).request().baseUri())
                .isEqualTo(URI.create("http://127.0.0.1:8080/v1"));
    }

    @Test
    void withoutServerUrlTheBaseUrlSettingIsRequired() {
        assertProblems(itemTarget("null", ITEM))
                .containsExactly(
                        "target 't': its export has no server URL, so the gateway does not know the API's host;"
                                + " set --target.t.base-url URL (environment variable"
                                + " APIGW_MCP_TARGET_T_BASE_URL, or target.t.base-url=URL in the --config file)");
    }

    @Test
    void aServerUrlThatIsNeitherAUrlNorAPathSaysToFixTheExport() {
        settings.put("target.t.base-url", "http://127.0.0.1:8080/");
        assertProblems(itemTarget("{'url':'/v 1'}", ITEM))
                .containsExactly("target 't': the export's server URL '/v 1' is neither an absolute http or https URL"
                        + " nor a URL path; fix the export's server (or host and basePath) and regenerate the target");
    }

    @Test
    void anAbsoluteServerUrlThatIsNotHttpNamesTheBaseUrlSetting() {
        StartupException failure = failure(itemTarget("{'url':'ftp://files.example.com/'}", ITEM));
        assertThat(failure.problems())
                .containsExactly("target 't': the export's server URL is not usable ('ftp://files.example.com/'"
                        + " must be an absolute http or https URL); set --target.t.base-url URL to the API's address");
        assertThat(failure.badSettings()).isFalse();
    }

    @Test
    void aBadConfiguredBaseUrlIsAWrongSettingNamedAsSuch() {
        settings.put("target.t.base-url", "http://127.0.0.1:8080/?q=1");
        StartupException failure = failure(itemTarget(SERVER, ITEM));
        assertThat(failure.problems())
                .containsExactly("target 't': setting target.t.base-url:"
                        + " 'http://127.0.0.1:8080/?q=1' must not have a query or fragment");
        assertThat(failure.badSettings()).isTrue();
    }

    // --- the catalog alone ------------------------------------------------------------------------------------

    @Test
    void theCatalogNeedsOnlyToolsJson() {
        settings.put("target.t.base-url", "not a URL");
        ToolRegistry target = target("t", toolsFile(listed("t___item")), null);
        assertThat(loader().listings(List.of(target)))
                .extracting(ToolListing::name)
                .containsExactly("t___item");
    }

    @Test
    void theCatalogOfAllTargetsComesSortedByName() {
        ToolRegistry b = target("b", toolsFile(listed("b___z"), listed("b___a")), null);
        ToolRegistry a = target("a", toolsFile(listed("a___m")), null);
        assertThat(loader().listings(List.of(b, a)))
                .extracting(ToolListing::name)
                .containsExactly("a___m", "b___a", "b___z");
    }

    @Test
    void theCatalogReportsAToolNameThatTwoTargetsShare() {
        ToolRegistry t = target("t", toolsFile(listed("x___item")), null);
        ToolRegistry u = target("u", toolsFile(listed("x___item")), null);
        assertThatThrownBy(() -> loader().listings(List.of(t, u)))
                .isInstanceOfSatisfying(
                        StartupException.class,
                        e -> assertThat(e.problems())
                                .containsExactly("tool 'x___item' is defined by both target 't' and"
                                        + " target 'u'; give one target another tool prefix"));
    }

    @Test
    void theCatalogReportsAMissingToolsJson() {
        assertThatThrownBy(() -> loader().listings(List.of(target("t", null, null))))
                .isInstanceOfSatisfying(
                        StartupException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "target 't': resource apigw-mcp/targets/t/tools.json not found on the classpath"));
    }

    // --- numeric settings -------------------------------------------------------------------------------------

    @Test
    void aNumberOutsideItsRangeIsAWrongSettingAndTheDefaultStands() {
        settings.put(UpstreamSettings.RETRY_MAX_ATTEMPTS.name(), "11");
        ToolCatalogLoader loader = loader();
        assertThat(loader.between(UpstreamSettings.RETRY_MAX_ATTEMPTS, 1, 10))
                .isEqualTo(Long.parseLong(UpstreamSettings.RETRY_MAX_ATTEMPTS.defaultValue()));
        assertThat(loader.problems().lines())
                .containsExactly("setting upstream.retry.max-attempts: '11' is not a" + " whole number from 1 to 10");
        assertThat(loader.problems().hasBadSettings()).isTrue();
    }

    @Test
    void aPositiveNumberSettingAcceptsSurroundingSpaces() {
        settings.put(UpstreamSettings.CONNECT_TIMEOUT_MS.name(), " 250 ");
        ToolCatalogLoader loader = loader();
        assertThat(loader.positive(UpstreamSettings.CONNECT_TIMEOUT_MS)).isEqualTo(250);
        assertThat(loader.problems().isEmpty()).isTrue();
    }

    @Test
    void aPositiveNumberSettingThatIsNotANumberIsAWrongSettingAndTheDefaultStands() {
        settings.put(UpstreamSettings.CONNECT_TIMEOUT_MS.name(), "soon");
        ToolCatalogLoader loader = loader();
        assertThat(loader.positive(UpstreamSettings.CONNECT_TIMEOUT_MS))
                .isEqualTo(Long.parseLong(UpstreamSettings.CONNECT_TIMEOUT_MS.defaultValue()));
        assertThat(loader.problems().lines())
                .containsExactly("setting upstream.connect-timeout-ms: 'soon' is not a" + " positive whole number");
    }
}
