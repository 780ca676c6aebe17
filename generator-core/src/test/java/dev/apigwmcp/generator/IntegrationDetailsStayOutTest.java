package dev.apigwmcp.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nothing of an export's backend wiring reaches a generated file: not the integration (Lambda and role ARNs with
 * account ids, VPC link ids, backend URIs, mapping templates), not the authorizer's function, role or user pool.
 * The runtime calls the API Gateway stage, never the backend, so no generated file needs them, and the catalog and
 * schemas are shown to models.
 */
class IntegrationDetailsStayOutTest {

    /** Members of {@code x-amazon-apigateway-authorizer} that name AWS resources. */
    private static final Set<String> AUTHORIZER_RESOURCES =
            Set.of("authorizerUri", "authorizerCredentials", "providerARNs");

    static Stream<Path> realExports() throws IOException {
        try (Stream<Path> files = Files.list(TestSpecs.real("."))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("realExports")
    void noIntegrationOrAuthorizerValueOfARealExportIsInAnyGeneratedFile(Path export) throws IOException {
        assertNoGeneratedFileContainsWiringOf(export);
    }

    @Test
    void vpcLinksTemplatesRolesAndUserPoolsStayOut() throws IOException {
        Path export = TestSpecs.spec("integration-details.json");

        GenerationResult result = assertNoGeneratedFileContainsWiringOf(export);

        assertThat(wiringOf(export))
                .contains(
                        "vpclink-qa4secret",
                        "http://internal-orders-nlb-0123456789.elb.eu-west-1.amazonaws.com/orders/{id}",
                        "arn:aws:iam::210987654321:role/qa4-authorizer-invoke",
                        "arn:aws:cognito-idp:eu-west-1:210987654321:userpool/eu-west-1_qa4Pool");
        assertThat(result.files())
                .allSatisfy(file -> assertThat(file.text())
                        .as(file.relativePath())
                        .doesNotContain("210987654321")
                        .doesNotContain("arn:aws"));
    }

    private static GenerationResult assertNoGeneratedFileContainsWiringOf(Path export) throws IOException {
        Set<String> wiring = wiringOf(export);
        GenerationResult result = Generator.generate(new GeneratorConfig(List.of(TargetConfig.of("t", export))));

        assertThat(result.errors()).isEmpty();
        assertThat(result.files()).allSatisfy(file -> {
            for (String value : wiring) {
                assertThat(file.text()).as(file.relativePath()).doesNotContain(value);
            }
        });
        return result;
    }

    private static Set<String> wiringOf(Path export) throws IOException {
        Set<String> wiring = new TreeSet<>();
        collectWiring(TestSpecs.readTree(export), wiring);
        return wiring;
    }

    private static void collectWiring(JsonNode node, Set<String> out) {
        if (node.isArray()) {
            node.forEach(element -> collectWiring(element, out));
            return;
        }
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            if (member.getKey().equals("x-amazon-apigateway-integration")) {
                collectStrings(member.getValue(), out);
            } else if (member.getKey().equals("x-amazon-apigateway-authorizer")) {
                AUTHORIZER_RESOURCES.forEach(
                        name -> collectStrings(member.getValue().path(name), out));
            } else {
                collectWiring(member.getValue(), out);
            }
        }
    }

    /** Every string value below {@code node} long enough not to occur by chance ("aws", "200" do). */
    private static void collectStrings(JsonNode node, Set<String> out) {
        if (node.isTextual() && node.asText().length() >= 8) {
            out.add(node.asText());
        }
        node.forEach(child -> collectStrings(child, out));
    }
}
