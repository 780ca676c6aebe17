package dev.apigwmcp.samples.petstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The deployment examples in docs/deploy parse and say what the gateway and its image need: the checks a cluster or
 * CloudFormation would make first, on a machine that has neither.
 */
class DeploymentExamplesTest {

    private static final Path DEPLOY =
            Path.of("").toAbsolutePath().resolve("../../docs/deploy").normalize();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private static List<JsonNode> documents(String file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (JsonParser parser = YAML.createParser(DEPLOY.resolve(file).toFile());
                MappingIterator<JsonNode> each = YAML.readValues(parser, JsonNode.class)) {
            each.forEachRemaining(documents::add);
        }
        return documents;
    }

    private static JsonNode kind(List<JsonNode> documents, String kind) {
        return documents.stream()
                .filter(document -> kind.equals(document.path("kind").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in the example"));
    }

    @Test
    void theKubernetesDeploymentRunsTwoProbedNonRootReplicasWithTheSharedSessionKey() throws IOException {
        List<JsonNode> documents = documents("kubernetes/gateway.yaml");
        JsonNode deployment = kind(documents, "Deployment");
        JsonNode pod = deployment.at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");

        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(deployment.at("/spec/selector/matchLabels"))
                .isEqualTo(deployment.at("/spec/template/metadata/labels"));
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
        assertThat(container.at("/livenessProbe/httpGet/path").asString()).isEqualTo("/healthz");
        assertThat(container.at("/readinessProbe/httpGet/path").asString()).isEqualTo("/readyz");
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(65532);
        String keyFile = envValue(container, "APIGW_MCP_SESSION_KEY_FILE");
        assertThat(container.get("volumeMounts")).anySatisfy(mount -> {
            assertThat(keyFile).startsWith(mount.path("mountPath").asString() + "/");
            assertThat(pod.get("volumes")).anySatisfy(volume -> {
                assertThat(volume.path("name").asString())
                        .isEqualTo(mount.path("name").asString());
                assertThat(volume.at("/secret/secretName").asString()).isNotEmpty();
            });
        });
        assertThat(envValue(container, "APIGW_MCP_INBOUND_JWT_DISCOVERY_URL")).startsWith("https://");
    }

    @Test
    void theKubernetesServiceReachesTheContainersPort() throws IOException {
        List<JsonNode> documents = documents("kubernetes/gateway.yaml");
        JsonNode service = kind(documents, "Service");
        JsonNode deployment = kind(documents, "Deployment");

        assertThat(service.at("/spec/selector")).isEqualTo(deployment.at("/spec/template/metadata/labels"));
        assertThat(service.at("/spec/ports/0/targetPort").asString())
                .isEqualTo(deployment
                        .at("/spec/template/spec/containers/0/ports/0/name")
                        .asString());
    }

    @Test
    void theSamTemplateServesTheLambdaHandlerBehindAFunctionUrlWithSnapStartAndMayInvokeTheApi() throws IOException {
        JsonNode template = documents("aws-lambda/template.yaml").get(0);
        JsonNode function = template.at("/Resources/GatewayFunction");
        JsonNode properties = function.get("Properties");

        assertThat(function.path("Type").asString()).isEqualTo("AWS::Serverless::Function");
        assertThat(properties.path("Handler").asString())
                .isEqualTo("dev.apigwmcp.runtime.lambda.LambdaHandler::handleRequest");
        assertThat(properties.path("Runtime").asString()).isEqualTo("java17");
        assertThat(properties.at("/SnapStart/ApplyOn").asString()).isEqualTo("PublishedVersions");
        assertThat(properties.at("/FunctionUrlConfig/AuthType").asString()).isIn("AWS_IAM", "NONE");
        assertThat(properties
                        .at("/Environment/Variables/APIGW_MCP_SESSION_KEY_ENV")
                        .asString())
                .isEqualTo("SESSION_KEYS");
        assertThat(properties.at("/Environment/Variables/SESSION_KEYS").isMissingNode())
                .isFalse();
        JsonNode statement = properties.at("/Policies/0/Statement/0");
        assertThat(statement.path("Action").asString()).isEqualTo("execute-api:Invoke");
        assertThat(statement.path("Resource").asString())
                .contains(":execute-api:", "${TargetApiId}/${TargetApiStage}/");
    }

    @Test
    void theLambdaHandlerTheTemplateNamesIsInTheGatewayJar() throws Exception {
        Class<?> handler = Class.forName("dev.apigwmcp.runtime.lambda.LambdaHandler");

        assertThat(handler.getMethod(
                        "handleRequest",
                        java.io.InputStream.class,
                        java.io.OutputStream.class,
                        com.amazonaws.services.lambda.runtime.Context.class))
                .isNotNull();
        assertThat(handler.getConstructor()).isNotNull();
    }

    private static String envValue(JsonNode container, String name) {
        for (JsonNode variable : container.get("env")) {
            if (name.equals(variable.path("name").asString())) {
                return variable.path("value").asString();
            }
        }
        throw new AssertionError("no " + name + " in the container's env");
    }
}
