package dev.apigwmcp.generator.agentcore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.apigwmcp.generator.Problem;
import dev.apigwmcp.generator.config.TargetInput.FilterInput;
import dev.apigwmcp.generator.config.TargetInput.OverrideInput;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Targets written here in the shape {@code aws bedrock-agentcore-control get-gateway-target} prints. */
class AgentCoreImporterTest {

    private static final String TOOLS = "/targetConfiguration/mcp/apiGateway/apiGatewayToolConfiguration";

    private final AgentCoreImporter importer = new AgentCoreImporter();

    @TempDir
    Path dir;

    private static Path resource(String name) {
        try {
            return Path.of(AgentCoreImporterTest.class
                    .getResource("/agentcore/" + name)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private AgentCoreImport read(String name) throws AgentCoreImportException {
        return importer.read(resource(name), name);
    }

    private List<String> errors(String name) {
        return errors(resource(name), name);
    }

    private List<String> errors(Path file, String display) {
        AgentCoreImportException failure =
                catchThrowableOfType(() -> importer.read(file, display), AgentCoreImportException.class);
        assertThat(failure).as("import of " + display + " fails").isNotNull();
        return failure.problems().stream().map(Problem::toString).toList();
    }

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("target.json"), json, StandardCharsets.UTF_8);
    }

    private static Map<String, String> settings(AgentCoreImport result) {
        return result.settings().stream().collect(Collectors.toMap(GatewaySetting::key, GatewaySetting::value));
    }

    private static List<String> notes(AgentCoreImport result) {
        return result.notes().stream().map(Problem::toString).toList();
    }

    /** A minimal API Gateway target with the given credential provider configurations. */
    private static String withCredentials(String credentials) {
        return """
                {"gatewayArn": "arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/g-a1b2c3d4e5",
                 "name": "shop",
                 "targetConfiguration": {"mcp": {"apiGateway": {"restApiId": "a1b2c3d4e5", "stage": "prod",
                   "apiGatewayToolConfiguration": {"toolFilters": [{"filterPath": "/items", "methods": ["GET"]}]}}}},
                 "credentialProviderConfigurations": %s}
                """.formatted(credentials);
    }

    @Test
    void restApiStageFiltersAndOverridesMapOneToOne() throws Exception {
        AgentCoreTarget target = read("iam-role.json").target();

        assertThat(target.name()).isEqualTo("petstore");
        assertThat(target.restApiId()).isEqualTo("a1b2c3d4e5");
        assertThat(target.stage()).isEqualTo("prod");
        assertThat(target.toolFilters())
                .containsExactly(
                        new FilterInput("/pets", List.of("GET", "POST")),
                        new FilterInput("/pets/{petId}", List.of("GET")));
        assertThat(target.toolOverrides())
                .containsExactly(
                        new OverrideInput("/pets", "GET", "listPets", "List the pets in the store."),
                        new OverrideInput("/pets/{petId}", "GET", "getPet", null));
    }

    @Test
    void theRegionIsTheGatewaysFromItsArn() throws Exception {
        assertThat(read("iam-role.json").target().region()).isEqualTo("eu-west-1");
    }

    @Test
    void wildcardFiltersAndEveryMethodAreKeptAsWritten() throws Exception {
        AgentCoreTarget target = read("wildcards.json").target();

        assertThat(target.toolFilters())
                .containsExactly(
                        new FilterInput("/*", List.of("GET", "HEAD")),
                        new FilterInput("/products/*", List.of("POST", "PUT", "PATCH", "DELETE")),
                        new FilterInput("/health", List.of("OPTIONS")));
    }

    @Test
    void eachWildcardFilterSaysTheOneResourceTheTwoReadingsOfAgentCoreDifferOn() throws Exception {
        List<String> notes = notes(read("wildcards.json"));

        assertThat(notes)
                .anySatisfy(n -> assertThat(n)
                        .startsWith("wildcards.json#" + TOOLS
                                + "/toolFilters/1/filterPath: /products/* selects the resources strictly below /products, at any depth,"
                                + " not /products itself")
                        .contains("add a filter for /products"));
        assertThat(notes)
                .anySatisfy(
                        n -> assertThat(n)
                                .startsWith(
                                        "wildcards.json#" + TOOLS
                                                + "/toolFilters/0/filterPath: /* selects the resources strictly below /, at any depth, not / itself"));
        assertThat(notes).noneSatisfy(n -> assertThat(n).contains("/toolFilters/2/filterPath"));
    }

    @Test
    void gatewayIamRoleSignsInTheApisRegionAndSaysWhoNeedsInvokeRights() throws Exception {
        AgentCoreImport result = read("iam-role.json");

        assertThat(settings(result)).containsExactly(Map.entry("target.petstore.aws-region", "eu-west-1"));
        assertThat(notes(result))
                .anySatisfy(note -> assertThat(note)
                        .startsWith(
                                "iam-role.json#/credentialProviderConfigurations/0/credentialProviderType: GATEWAY_IAM_ROLE")
                        .contains("default credentials chain")
                        .contains("execute-api:Invoke"));
    }

    @Test
    void apiKeyProviderBecomesTheKeySettingsAndAsksForTheKeyItself() throws Exception {
        AgentCoreImport result = read("api-key.json");

        assertThat(settings(result))
                .containsEntry("target.orders-api.api-key-env", "ORDERS_API_API_KEY")
                .containsEntry("target.orders-api.api-key-in", "header")
                .containsEntry("target.orders-api.api-key-name", "x-api-key");
        assertThat(notes(result))
                .anySatisfy(note -> assertThat(note)
                        .contains("API_KEY")
                        .contains("apikeycredentialprovider/orders-key")
                        .contains("ORDERS_API_API_KEY"));
    }

    @Test
    void anApiKeyInTheQueryWithAPrefixKeepsBothExactly() throws Exception {
        AgentCoreImport result = importer.read(write(withCredentials("""
                [{"credentialProviderType": "API_KEY", "credentialProvider": {"apiKeyCredentialProvider": {
                  "providerArn": "arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/apikeycredentialprovider/k",
                  "credentialLocation": "QUERY_PARAMETER", "credentialParameterName": "key",
                  "credentialPrefix": "ApiKey "}}}]""")), "target.json");

        assertThat(settings(result))
                .containsEntry("target.shop.api-key-in", "query")
                .containsEntry("target.shop.api-key-name", "key")
                .containsEntry("target.shop.api-key-prefix", "ApiKey ");
    }

    @Test
    void anUnknownApiKeyLocationIsAnErrorAtItsPointer() throws IOException {
        assertThat(errors(write(withCredentials("""
                [{"credentialProviderType": "API_KEY", "credentialProvider": {"apiKeyCredentialProvider": {
                  "providerArn": "arn:aws:x:us-east-1:123456789012:k", "credentialLocation": "BODY"}}}]""")), "target.json"))
                .containsExactly(
                        "target.json#/credentialProviderConfigurations/0/credentialProvider"
                                + "/apiKeyCredentialProvider/credentialLocation: must be HEADER or QUERY_PARAMETER, was 'BODY'");
    }

    @Test
    void oauthClientCredentialsKeepsTheScopesAndNamesTheClientSettings() throws Exception {
        AgentCoreImport result = read("oauth.json");

        assertThat(settings(result)).containsExactly(Map.entry("target.crm.oauth2.scopes", "crm/read crm/contacts"));
        assertThat(notes(result))
                .anySatisfy(note -> assertThat(note)
                        .contains("OAUTH")
                        .contains("oauth2.token-url")
                        .contains("oauth2.client-id")
                        .contains("oauth2.client-secret-env"));
        assertThat(notes(result))
                .anySatisfy(note -> assertThat(note)
                        .startsWith(
                                "oauth.json#/credentialProviderConfigurations/0/credentialProvider/oauthCredentialProvider"
                                        + "/customParameters: ")
                        .contains("no equivalent"));
    }

    @Test
    void oauthWithAUserGrantHasNoEquivalentAndSaysTheClosest() throws Exception {
        AgentCoreImport result = importer.read(write(withCredentials("""
                [{"credentialProviderType": "OAUTH", "credentialProvider": {"oauthCredentialProvider": {
                  "providerArn": "arn:aws:x:us-east-1:123456789012:p", "scopes": ["a"],
                  "grantType": "AUTHORIZATION_CODE", "defaultReturnUrl": "https://example.com/back"}}}]""")), "target.json");

        assertThat(settings(result)).isEmpty();
        assertThat(notes(result))
                .anySatisfy(note -> assertThat(note)
                        .contains("AUTHORIZATION_CODE")
                        .contains("no equivalent")
                        .contains("bearer.source caller"));
        assertThat(notes(result)).anySatisfy(note -> assertThat(note).contains("/defaultReturnUrl: "));
    }

    @Test
    void jwtPassthroughPassesTheCallersTokenOn() throws Exception {
        AgentCoreImport result = importer.read(
                write(withCredentials("[{\"credentialProviderType\": \"JWT_PASSTHROUGH\"}]")), "target.json");

        assertThat(settings(result)).containsExactly(Map.entry("target.shop.bearer.source", "caller"));
        assertThat(notes(result)).anySatisfy(note -> assertThat(note).contains("--inbound.jwt.discovery-url"));
    }

    @Test
    void callerIamCredentialsHaveNoEquivalentAndSaySo() throws Exception {
        AgentCoreImport result = importer.read(
                write(withCredentials("[{\"credentialProviderType\": \"CALLER_IAM_CREDENTIALS\"}]")), "target.json");

        assertThat(settings(result)).isEmpty();
        assertThat(notes(result))
                .anySatisfy(note -> assertThat(note).contains("CALLER_IAM_CREDENTIALS has no equivalent"));
    }

    @Test
    void noCredentialProviderIsSaid() throws Exception {
        AgentCoreImport result = importer.read(write(withCredentials("[]")), "target.json");

        assertThat(notes(result))
                .anySatisfy(note -> assertThat(note)
                        .startsWith("target.json#/credentialProviderConfigurations: no credential provider"));
    }

    @Test
    void anUnknownCredentialProviderTypeIsANoteNotASilentDrop() throws Exception {
        AgentCoreImport result =
                importer.read(write(withCredentials("[{\"credentialProviderType\": \"MUTUAL_TLS\"}]")), "target.json");

        assertThat(notes(result))
                .anySatisfy(note -> assertThat(note).contains("'MUTUAL_TLS'").contains("does not know"));
    }

    @Test
    void allowedRequestHeadersAreForwardedButNeverACredential() throws Exception {
        AgentCoreImport result = read("api-key.json");

        assertThat(settings(result)).containsEntry("target.orders-api.forward-headers", "X-Tenant-Id");
        assertThat(notes(result))
                .anySatisfy(note -> assertThat(note)
                        .startsWith("api-key.json#/metadataConfiguration/allowedRequestHeaders/1: ")
                        .contains("never forwards Authorization"));
    }

    @Test
    void queryParametersAndResponseHeadersHaveNoEquivalent() throws Exception {
        List<String> notes = notes(read("api-key.json"));

        assertThat(notes)
                .anySatisfy(note -> assertThat(note)
                        .startsWith("api-key.json#/metadataConfiguration/allowedQueryParameters: has no equivalent"));
        assertThat(notes)
                .anySatisfy(note -> assertThat(note)
                        .startsWith("api-key.json#/metadataConfiguration/allowedResponseHeaders: has no equivalent"));
    }

    @Test
    void theTargetDescriptionIsKeptAndSaidWhere() throws Exception {
        AgentCoreImport result = read("api-key.json");

        assertThat(result.target().description()).isEqualTo("Orders REST API, prod stage");
        assertThat(notes(result)).anySatisfy(note -> assertThat(note).startsWith("api-key.json#/description: "));
    }

    @Test
    void everyUnknownMemberIsANoteAtItsPointer() throws Exception {
        List<String> notes = notes(read("unknown-fields.json"));

        assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("unknown-fields.json#/toolSchemaVersion: "));
        assertThat(notes)
                .anySatisfy(n -> assertThat(n)
                        .startsWith("unknown-fields.json#/targetConfiguration/mcp/apiGateway/endpointOverride: "));
        assertThat(notes)
                .anySatisfy(n -> assertThat(n).startsWith("unknown-fields.json#" + TOOLS + "/responseFormat: "));
        assertThat(notes)
                .anySatisfy(n ->
                        assertThat(n).startsWith("unknown-fields.json#" + TOOLS + "/toolFilters/0/caseSensitive: "));
        assertThat(notes)
                .anySatisfy(n ->
                        assertThat(n).startsWith("unknown-fields.json#" + TOOLS + "/toolOverrides/0/annotations: "));
        assertThat(notes)
                .anySatisfy(n -> assertThat(n)
                        .startsWith("unknown-fields.json#/credentialProviderConfigurations/0/retryPolicy: "));
        assertThat(notes).anySatisfy(n -> assertThat(n).startsWith("unknown-fields.json#/privateEndpoint: "));
    }

    @Test
    void readOnlyStateIsPassedOverWithoutNotes() throws Exception {
        List<String> notes = notes(read("iam-role.json"));

        assertThat(notes)
                .noneSatisfy(n -> assertThat(n)
                        .containsAnyOf("#/targetId", "#/createdAt", "#/updatedAt", "#/lastSynchronizedAt", "#/status"));
    }

    @Test
    void aTargetAgentCoreCouldNotUseIsSaidWithItsReasons() throws Exception {
        assertThat(notes(read("unknown-fields.json")))
                .anySatisfy(n -> assertThat(n)
                        .startsWith("unknown-fields.json#/status: the target was UPDATE_UNSUCCESSFUL")
                        .contains("Resource /pets/{id} not found in the export"));
    }

    @Test
    void aToolNameLongerThanPortableNamesAllowIsANoteWithTheNameItGetsHere() throws Exception {
        List<String> notes = notes(read("long-names.json"));

        assertThat(notes)
                .anySatisfy(n -> assertThat(n)
                        .startsWith(
                                "long-names.json#" + TOOLS + "/toolOverrides/0/name: AgentCore calls this tool"
                                        + " inventory-management-service___listWarehouseStockLevelsByProductCategory (72 characters)")
                        .contains("calls it inventory-management-service___listWarehouseStockLevels_"));
    }

    @Test
    void namesWithinTheLimitAreTheSameAsInAgentCoreAndNeedNoNote() throws Exception {
        assertThat(notes(read("iam-role.json"))).noneSatisfy(n -> assertThat(n).contains("calls this tool"));
    }

    @Test
    void aLambdaTargetIsRefusedSayingWhatItIs() {
        assertThat(errors("lambda-target.json"))
                .containsExactly("lambda-target.json#/targetConfiguration/mcp"
                        + "/apiGateway: is missing: this is a lambda target, not an API Gateway target; import-agentcore reads"
                        + " API Gateway targets (targetConfiguration.mcp.apiGateway), whose tools come from a REST API"
                        + " stage's export");
    }

    @Test
    void missingAndWrongMembersAreAllListedEachAtItsPointer() {
        assertThat(errors("missing-fields.json"))
                .containsExactlyInAnyOrder(
                        "missing-fields.json#/targetConfiguration/mcp/apiGateway/stage: is missing",
                        "missing-fields.json#" + TOOLS + "/toolFilters/0/filterPath: is missing",
                        "missing-fields.json#" + TOOLS + "/toolFilters/1/methods: must be a JSON array, is a string",
                        "missing-fields.json#" + TOOLS + "/toolOverrides/0/name: is missing");
    }

    @Test
    void whatBreaksAConfigurationRuleHereIsLocatedInTheAgentCoreFile() {
        assertThat(errors("rule-breaking.json"))
                .containsExactlyInAnyOrder(
                        "rule-breaking.json#" + TOOLS
                                + "/toolFilters/0/filterPath: may use '*' only as its last segment,"
                                + " as in '/pets/*', was '/pets/*/toys' (target rules)",
                        "rule-breaking.json#" + TOOLS
                                + "/toolFilters/1/methods: has the unknown method 'ANY' (allowed: GET,"
                                + " POST, PUT, PATCH, DELETE, HEAD, OPTIONS) (target rules)",
                        "rule-breaking.json#" + TOOLS + "/toolOverrides/0/name: must match ^[A-Za-z0-9_-]{1,64}$ (the"
                                + " tool-name rule of strict MCP clients), was 'get pet' (target rules)");
    }

    @Test
    void aTargetNameOurRuleRefusesIsAnErrorAtName() throws IOException {
        assertThat(errors(
                        write(withCredentials("[]").replace("\"name\": \"shop\"", "\"name\": \"my_shop\"")),
                        "target.json"))
                .containsExactly(
                        "target.json#/name: must be letters and digits with single hyphens"
                                + " between them (no spaces or underscores), at most 100 characters, was 'my_shop' (target my_shop)");
    }

    @Test
    void emptyFiltersAreAnErrorBecauseAgentCoreRequiresOne() throws IOException {
        assertThat(errors(write("""
                {"name": "shop", "targetConfiguration": {"mcp": {"apiGateway": {"restApiId": "a1b2c3d4e5",
                 "stage": "prod", "apiGatewayToolConfiguration": {"toolFilters": []}}}}}"""), "target.json"))
                .containsExactly("target.json#" + TOOLS + "/toolFilters: is empty; AgentCore requires at least one"
                        + " filter (without filters apigw-mcp would expose every operation)");
    }

    @Test
    void textThatIsNotJsonIsAnErrorWithLineAndColumn() {
        assertThat(errors("truncated.json"))
                .singleElement()
                .satisfies(e -> assertThat(e)
                        .startsWith("truncated.json: is not JSON: ")
                        .contains("(line ")
                        .endsWith("with --output json"));
    }

    @Test
    void aFileSavedAsUtf16WithAByteOrderMarkIsRead() throws Exception {
        String json = Files.readString(resource("iam-role.json"), StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("utf16.json"), ("\uFEFF" + json).getBytes(StandardCharsets.UTF_16LE));

        assertThat(importer.read(file, "utf16.json").target())
                .isEqualTo(read("iam-role.json").target());
    }

    @Test
    void anEmptyFileIsAnError() throws IOException {
        assertThat(errors(write(""), "target.json"))
                .singleElement()
                .satisfies(e -> assertThat(e).startsWith("target.json: is empty"));
    }

    @Test
    void aJsonValueThatIsNotAnObjectIsAnError() throws IOException {
        assertThat(errors(write("[1, 2]"), "target.json"))
                .containsExactly("target.json: must be a JSON object, is" + " an array");
    }

    @Test
    void aDuplicateMemberIsAnError() throws IOException {
        assertThat(errors(write("{\"name\": \"a\", \"name\": \"b\"}"), "target.json"))
                .singleElement()
                .satisfies(e -> assertThat(e).startsWith("target.json: is not JSON: Duplicate field 'name'"));
    }

    @Test
    void theOutputOfListGatewayTargetsIsRecognisedAndTheRightCommandNamed() {
        assertThat(errors("list-targets.json"))
                .singleElement()
                .satisfies(e -> assertThat(e)
                        .startsWith("list-targets.json#/items: this is the output of list-gateway-targets")
                        .contains("get-gateway-target"));
    }

    @Test
    void aMissingFileNamesTheCommandThatWritesIt() {
        assertThat(errors(dir.resolve("absent.json"), "absent.json"))
                .singleElement()
                .satisfies(e -> assertThat(e)
                        .startsWith("absent.json: does not exist; save the target with: aws bedrock-agentcore-control"
                                + " get-gateway-target"));
    }

    @Test
    void withoutAGatewayArnTheRegionIsLeftToTheUserAndSaid() throws Exception {
        AgentCoreImport result = importer.read(write("""
                {"name": "shop", "targetConfiguration": {"mcp": {"apiGateway": {"restApiId": "a1b2c3d4e5",
                 "stage": "prod", "apiGatewayToolConfiguration": {"toolFilters": [{"filterPath": "/items",
                 "methods": ["GET"]}]}}}}, "credentialProviderConfigurations": [
                 {"credentialProviderType": "GATEWAY_IAM_ROLE"}]}"""), "target.json");

        assertThat(result.target().region()).isNull();
        assertThat(settings(result)).isEmpty();
        assertThat(notes(result))
                .anySatisfy(n -> assertThat(n)
                        .startsWith("target.json#/gatewayArn: is missing")
                        .contains("add <region>"));
    }

    @Test
    void everyImportSaysWhichOperationsItMayAddToWhatAgentCoreExposed() throws Exception {
        assertThat(notes(read("wildcards.json")))
                .anySatisfy(n -> assertThat(n)
                        .startsWith("wildcards.json#" + TOOLS + "/toolFilters: ")
                        .contains("{proxy+}")
                        .contains("update-catalog"));
    }

    @Test
    void theSameFileGivesTheSameResult() throws Exception {
        assertThat(read("api-key.json")).isEqualTo(read("api-key.json"));
    }
}
