package dev.apigwmcp.samples.petstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwmcp.runtime.ToolServiceFactory;
import dev.apigwmcp.samples.petstore.PetstoreGateway.DemoOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class PetstoreGatewayTest {

    @Test
    void demoOptionsAreTakenOutAndTheRestGoesToTheRuntime() {
        DemoOptions options = DemoOptions.parse(new String[] {"--transport", "http", "--demo",
                "--demo-request-log=/tmp/log.jsonl", "--port", "0"});
        assertThat(options.demo()).isTrue();
        assertThat(options.requestLog()).isEqualTo(Path.of("/tmp/log.jsonl"));
        assertThat(options.gatewayArgs()).containsExactly("--transport", "http", "--port", "0");
    }

    @Test
    void requestLogWithoutDemoIsABadOption() {
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--demo-request-log", "x"}))
                .hasMessage("option --demo-request-log only applies with --demo");
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--demo", "--demo-request-log"}))
                .hasMessage("option --demo-request-log needs a file name");
    }

    @Test
    void bothTargetsOfTheSampleAreOnTheClasspath() {
        assertThat(PetstoreGateway.targets()).containsExactly("petstore", "petstore-browse");
    }

    @Test
    void helpDocumentsTheRuntimeOptionsTheirVariablesAndTheDemoMode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<ToolServiceFactory> factories = new ArrayList<>();
        ServiceLoader.load(ToolServiceFactory.class).forEach(factories::add);
        int code = new PetstoreGateway(factories, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[] {"--help"}, new ByteArrayInputStream(new byte[0]));
        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(help).contains("--transport", "APIGW_MCP_TRANSPORT", "--target.<target>.base-url",
                "APIGW_MCP_TARGET_<TARGET>_BASE_URL", "--target.<target>.api-key-env", "--aws.region", "--demo",
                "--demo-request-log FILE");
    }

    @Test
    void helpDescribesTheDemoModeBeforeTheExitStatusTable() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = gateway(out, new ByteArrayOutputStream()).run(new String[] {"--help"},
                new ByteArrayInputStream(new byte[0]));
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

    @Test
    void demoTakesNoValue() {
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--demo=true"}))
                .hasMessage("option --demo takes no value (it is a switch)");
    }

    /** The sample's launcher with the tool services on the test classpath and an empty environment. */
    private static PetstoreGateway gateway(ByteArrayOutputStream out, ByteArrayOutputStream err) {
        List<ToolServiceFactory> factories = new ArrayList<>();
        ServiceLoader.load(ToolServiceFactory.class).forEach(factories::add);
        return new PetstoreGateway(factories, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void badDemoOptionExitsWithUsageCode() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new PetstoreGateway(List.of(), Map.of(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[] {"--demo-request-log", "x"}, new ByteArrayInputStream(new byte[0]));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("apigw-mcp: option --demo-request-log only applies with --demo"
                + System.lineSeparator());
    }
}
