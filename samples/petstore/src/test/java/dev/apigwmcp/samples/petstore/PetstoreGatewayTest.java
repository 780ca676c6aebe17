package dev.apigwmcp.samples.petstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.ToolServiceFactory;
import dev.apigwmcp.samples.demogateway.DemoGateway;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The sample's launcher, the demo gateway, over the sample's two generated targets. */
class PetstoreGatewayTest {

    @Test
    void bothTargetsOfTheSampleAreOnTheClasspath() {
        assertThat(DemoGateway.targets()).containsExactly("petstore", "petstore-browse");
    }

    @Test
    void helpDocumentsTheRuntimeOptionsTheirVariablesAndTheDemoMode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<ToolServiceFactory> factories = new ArrayList<>();
        ServiceLoader.load(ToolServiceFactory.class).forEach(factories::add);
        int code = new DemoGateway(
                        factories,
                        Map.of(),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[] {"--help"}, new ByteArrayInputStream(new byte[0]));
        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(help)
                .contains(
                        "--transport",
                        "APIGW_MCP_TRANSPORT",
                        "--target.<target>.base-url",
                        "APIGW_MCP_TARGET_<TARGET>_BASE_URL",
                        "--target.<target>.api-key-env",
                        "--aws.region",
                        "--demo",
                        "--demo-request-log FILE");
    }

    @Test
    void helpDescribesTheDemoModeBeforeTheExitStatusTable() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = gateway(out, new ByteArrayOutputStream())
                .run(new String[] {"--help"}, new ByteArrayInputStream(new byte[0]));
        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(help.indexOf("Demo mode")).isPositive().isLessThan(help.indexOf("Exit status:"));
        assertThat(help).contains("  3  cannot start");
    }

    @Test
    void listingTheToolsWithoutDemoNeedsNoCredential() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = gateway(out, err).run(new String[] {"--list-tools"}, new ByteArrayInputStream(new byte[0]));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines().map(line -> line.split("\\s+", 2)[0]))
                .contains("petstore___listPets", "petstore___getPet", "petstore-browse___GetPet");
        assertThat(err.size()).isZero();
    }

    /** The sample's launcher with the tool services on the test classpath and an empty environment. */
    private static DemoGateway gateway(ByteArrayOutputStream out, ByteArrayOutputStream err) {
        List<ToolServiceFactory> factories = new ArrayList<>();
        ServiceLoader.load(ToolServiceFactory.class).forEach(factories::add);
        return new DemoGateway(
                factories,
                Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
