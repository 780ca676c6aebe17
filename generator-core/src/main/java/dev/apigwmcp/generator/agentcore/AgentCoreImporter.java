package dev.apigwmcp.generator.agentcore;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigwmcp.generator.Problem;
import dev.apigwmcp.generator.config.ConfigValidator;
import dev.apigwmcp.generator.config.TargetInput;
import dev.apigwmcp.generator.config.TargetInput.FilterInput;
import dev.apigwmcp.generator.config.TargetInput.OverrideInput;
import dev.apigwmcp.generator.problem.JacksonMessages;
import dev.apigwmcp.generator.select.ToolNamer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an AgentCore Gateway target, as {@code aws bedrock-agentcore-control get-gateway-target} prints it (the
 * {@code create-gateway-target} / {@code update-gateway-target} input has the same members), and converts its API
 * Gateway target ({@code targetConfiguration.mcp.apiGateway}) one to one: {@code restApiId} and {@code stage}, the
 * Region from {@code gatewayArn}, {@code toolFilters} and {@code toolOverrides} as written. Outbound credentials and
 * header propagation become gateway settings ({@link OutboundCredentials}, {@link MetadataSettings}); every other
 * member the file holds becomes a note, and read-only state ({@code status}, timestamps, ids) is passed over.
 */
public final class AgentCoreImporter {

    private static final String API_GATEWAY = "/targetConfiguration/mcp/apiGateway";
    /** {@code arn:<partition>:bedrock-agentcore:<region>:<account>:gateway/<id>}. */
    private static final Pattern GATEWAY_ARN = Pattern.compile("^arn:[a-z-]+:bedrock-agentcore:([a-z0-9-]+):.*");

    private static final String NO_EQUIVALENT = "has no equivalent in apigw-mcp and is not imported";

    private final ObjectMapper mapper = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /**
     * Converts one target file.
     *
     * @param file        the file the AWS CLI's output was saved to
     * @param displayFile how messages name it (relative to the project)
     * @throws AgentCoreImportException when the file is not an AgentCore API Gateway target, or the target breaks
     *                                  a rule of the configuration; every problem is located
     */
    public AgentCoreImport read(Path file, String displayFile) throws AgentCoreImportException {
        Findings findings = new Findings(displayFile);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw fail(
                    findings,
                    "does not exist; save the target with: aws bedrock-agentcore-control"
                            + " get-gateway-target --gateway-identifier <gateway id> --target-id <target id> > "
                            + displayFile);
        } catch (IOException e) {
            throw fail(findings, "cannot be read: " + e.getMessage());
        }
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw fail(
                    findings,
                    "is not JSON: " + JacksonMessages.withPlainLocations(e.getOriginalMessage()) + where
                            + "; save the AWS CLI's output" + " with --output json");
        } catch (IOException e) {
            throw fail(findings, "cannot be read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw fail(
                    findings,
                    "is empty; it should hold the output of aws bedrock-agentcore-control" + " get-gateway-target");
        }
        return new Conversion(findings).run(root);
    }

    private static AgentCoreImportException fail(Findings findings, String message) {
        findings.error(null, message);
        return new AgentCoreImportException(findings.errors());
    }

    /** One file's conversion. */
    private static final class Conversion {
        private final Findings findings;

        Conversion(Findings findings) {
            this.findings = findings;
        }

        AgentCoreImport run(JsonNode root) throws AgentCoreImportException {
            JsonObject target = JsonObject.of(root, "", findings);
            if (target == null) {
                throw new AgentCoreImportException(findings.errors());
            }
            if (target.has("items") && !target.has("targetConfiguration")) {
                findings.error(
                        "/items",
                        "this is the output of list-gateway-targets, which leaves out each target's"
                                + " configuration; save one target with aws bedrock-agentcore-control get-gateway-target"
                                + " --gateway-identifier <gateway id> --target-id <target id>");
                throw new AgentCoreImportException(findings.errors());
            }
            String name = target.string("name", true);
            JsonObject apiGateway = apiGateway(target);
            if (apiGateway == null) {
                throw new AgentCoreImportException(findings.errors());
            }
            String restApiId = apiGateway.string("restApiId", true);
            String stage = apiGateway.string("stage", true);
            JsonObject toolConfiguration = apiGateway.object("apiGatewayToolConfiguration", true);
            apiGateway.unread("is not part of an API Gateway target as AgentCore documents it; " + NO_EQUIVALENT);
            List<FilterInput> filters = new ArrayList<>();
            List<OverrideInput> overrides = new ArrayList<>();
            if (toolConfiguration != null) {
                filters = filters(toolConfiguration);
                overrides = overrides(toolConfiguration);
                toolConfiguration.unread(NO_EQUIVALENT);
            }
            String region = region(target);
            String description = target.string("description", false);
            if (description != null) {
                findings.note(
                        target.pointer("description"),
                        "a <target> has no description; it is kept as the" + " comment above the target");
            }
            List<GatewaySetting> settings = new ArrayList<>();
            if (name != null) {
                new OutboundCredentials(name, region, findings).read(target, settings);
                new MetadataSettings(name, findings).read(target, settings);
            }
            state(target);
            if (target.has("privateEndpoint")) {
                target.ignore("privateEndpoint");
                findings.note(
                        target.pointer("privateEndpoint"),
                        "AgentCore reached the API through a private"
                                + " endpoint; apigw-mcp calls the export's invoke URL from wherever the gateway runs: run it"
                                + " where that URL resolves (in the VPC for a private API), or set --target." + name
                                + ".base-url");
            }
            target.unread(NO_EQUIVALENT);
            if (!findings.errors().isEmpty()) {
                throw new AgentCoreImportException(findings.errors());
            }
            AgentCoreTarget imported =
                    new AgentCoreTarget(name, restApiId, stage, region, description, filters, overrides);
            check(imported);
            names(imported);
            findings.note(
                    AgentCoreDialect.TOOL_CONFIGURATION + "/toolFilters",
                    "the filters select here what they"
                            + " select in AgentCore, and more where AgentCore left operations out: methods that need both"
                            + " SigV4 and an API key, proxy resources ({proxy+}), methods behind Cognito or Lambda"
                            + " authorizers (they need the gateway's oauth2.* settings); review the tools with mvn"
                            + " apigw-mcp:update-catalog before you deploy");
            return new AgentCoreImport(imported, settings, findings.notes());
        }

        /** {@code targetConfiguration.mcp.apiGateway}, or an error that says what kind of target it is instead. */
        private JsonObject apiGateway(JsonObject target) {
            JsonObject configuration = target.object("targetConfiguration", true);
            if (configuration == null) {
                return null;
            }
            JsonObject mcp = configuration.object("mcp", false);
            if (mcp == null) {
                if (!configuration.has("mcp")) {
                    findings.error(
                            configuration.pointer("mcp"),
                            "is missing: this is not an MCP target"
                                    + describe(configuration.members()) + "; import-agentcore reads API Gateway targets"
                                    + " (targetConfiguration.mcp.apiGateway)");
                }
                return null;
            }
            if (!mcp.has("apiGateway")) {
                findings.error(
                        mcp.pointer("apiGateway"),
                        "is missing: this is "
                                + (mcp.members().isEmpty()
                                        ? "no kind of target"
                                        : "a " + String.join(", ", mcp.members()) + " target")
                                + ", not an API Gateway target; import-agentcore reads API Gateway targets"
                                + " (targetConfiguration.mcp.apiGateway), whose tools come from a REST API stage's export");
                return null;
            }
            return mcp.object("apiGateway", true);
        }

        private static String describe(List<String> members) {
            return members.isEmpty() ? "" : " (it holds " + String.join(", ", members) + ")";
        }

        private List<FilterInput> filters(JsonObject configuration) {
            List<JsonObject> entries = configuration.objects("toolFilters", true);
            List<FilterInput> out = new ArrayList<>();
            if (entries == null) {
                return out;
            }
            if (entries.isEmpty()) {
                findings.error(
                        configuration.pointer("toolFilters"),
                        "is empty; AgentCore requires at least one"
                                + " filter (without filters apigw-mcp would expose every operation)");
            }
            for (JsonObject entry : entries) {
                String path = entry.string("filterPath", true);
                List<String> methods = entry.strings("methods", true);
                if (methods != null && methods.isEmpty()) {
                    findings.error(entry.pointer("methods"), "is empty; name at least one method, for example GET");
                }
                if (path != null && path.endsWith("/*")) {
                    wildcard(entry.pointer("filterPath"), path);
                }
                entry.unread("is not part of a tool filter; " + NO_EQUIVALENT);
                out.add(new FilterInput(path, methods));
            }
            return out;
        }

        /**
         * AgentCore's documents disagree on whether {@code /pets/*} selects {@code /pets} itself (the developer
         * guide's worked examples say no, a blog post and sample notebook say yes); we follow the guide, so the
         * one resource the two readings differ on is named.
         */
        private void wildcard(String at, String path) {
            String prefix = path.substring(0, path.length() - 2);
            findings.note(
                    at,
                    path + " selects the resources strictly below " + (prefix.isEmpty() ? "/" : prefix)
                            + ", at any depth, not " + (prefix.isEmpty() ? "/ itself" : prefix + " itself")
                            + " (the reading of"
                            + " AgentCore's developer guide); if your AgentCore gateway listed tools for "
                            + (prefix.isEmpty() ? "/" : prefix) + " too, add a filter for "
                            + (prefix.isEmpty() ? "/" : prefix));
        }

        private List<OverrideInput> overrides(JsonObject configuration) {
            List<JsonObject> entries = configuration.objects("toolOverrides", false);
            List<OverrideInput> out = new ArrayList<>();
            if (entries == null) {
                return out;
            }
            for (JsonObject entry : entries) {
                String path = entry.string("path", true);
                String method = entry.string("method", true);
                String toolName = entry.string("name", true);
                String description = entry.string("description", false);
                entry.unread("is not part of a tool override (path, method, name, description); " + NO_EQUIVALENT);
                out.add(new OverrideInput(path, method, toolName, description));
            }
            return out;
        }

        /** AgentCore requires the API in the gateway's Region, so the gateway's ARN names the API's Region. */
        private String region(JsonObject target) {
            String arn = target.string("gatewayArn", false);
            if (arn != null) {
                Matcher matcher = GATEWAY_ARN.matcher(arn);
                if (matcher.matches()) {
                    return matcher.group(1);
                }
                findings.note(
                        target.pointer("gatewayArn"),
                        "is not a gateway ARN (arn:aws:bedrock-agentcore:"
                                + "<region>:<account>:gateway/<id>); the Region is left to the AWS SDK's default chain: add"
                                + " <region> to the target");
                return null;
            }
            findings.note(
                    target.pointer("gatewayArn"),
                    "is missing, so the API's Region is unknown (AgentCore"
                            + " required the gateway's Region); fetching the export uses the AWS SDK's default Region chain:"
                            + " add <region> to the target");
            return null;
        }

        /** Read-only state: not settings, passed over, except a target AgentCore could not use, which is said. */
        private void state(JsonObject target) {
            target.ignore(
                    "targetId",
                    "gatewayArn",
                    "gatewayIdentifier",
                    "createdAt",
                    "updatedAt",
                    "lastSynchronizedAt",
                    "statusReasons",
                    "authorizationData",
                    "privateEndpointManagedResources",
                    "protocolType",
                    "clientToken",
                    "ResponseMetadata");
            String status = target.string("status", false);
            if (status != null && !status.equals("READY")) {
                List<String> reasons = target.strings("statusReasons", false);
                findings.note(
                        target.pointer("status"),
                        "the target was " + status + " in AgentCore"
                                + (reasons == null || reasons.isEmpty() ? "" : " (" + String.join("; ", reasons) + ")")
                                + "; imported as written, check that it is what you want");
            }
        }

        /** The configuration rules of a target here, with problems located in the AgentCore file. */
        private void check(AgentCoreTarget imported) throws AgentCoreImportException {
            TargetInput input = new TargetInput(
                    imported.name(),
                    Path.of(imported.name() + ".export.json"),
                    null,
                    imported.toolFilters(),
                    imported.toolOverrides(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
            List<Problem> problems = new ConfigValidator(new AgentCoreDialect(findings.file()))
                    .validate(List.of(input))
                    .errors();
            if (!problems.isEmpty()) {
                findings.errors(problems);
                throw new AgentCoreImportException(findings.errors());
            }
        }

        /** AgentCore's tool names are {@code <target>___<name>}, as here, unless ours must be shortened. */
        private void names(AgentCoreTarget imported) {
            ToolNamer namer = new ToolNamer(imported.name());
            for (int i = 0; i < imported.toolOverrides().size(); i++) {
                String overrideName = imported.toolOverrides().get(i).name();
                String agentCore = imported.name() + "___" + overrideName;
                String here = namer.finalName(overrideName);
                if (!here.equals(agentCore)) {
                    findings.note(
                            AgentCoreDialect.TOOL_CONFIGURATION + "/toolOverrides/" + i + "/name",
                            "AgentCore calls this tool " + agentCore + " (" + agentCore.length() + " characters);"
                                    + " apigw-mcp keeps names within " + ToolNamer.MAX_LENGTH + " characters for"
                                    + " strict LLM clients and calls it " + here + ": shorten the name, or tell the"
                                    + " agents that call it");
                }
            }
        }
    }
}
