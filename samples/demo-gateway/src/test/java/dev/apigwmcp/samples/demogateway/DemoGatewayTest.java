package dev.apigwmcp.samples.demogateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwmcp.runtime.ToolServiceFactory;
import dev.apigwmcp.samples.demogateway.DemoGateway.DemoOptions;
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

class DemoGatewayTest {

    @Test
    void demoOptionsAreTakenOutAndTheRestGoesToTheRuntime() {
        DemoOptions options = DemoOptions.parse(
                new String[] {"--transport", "http", "--demo", "--demo-request-log=/tmp/log.jsonl", "--port", "0"});

        assertThat(options.demo()).isTrue();
        assertThat(options.requestLog()).isEqualTo(Path.of("/tmp/log.jsonl"));
        assertThat(options.gatewayArgs()).containsExactly("--transport", "http", "--port", "0");
    }

    @Test
    void aRequestLogWithoutDemoIsABadOption() {
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--demo-request-log", "x"}))
                .hasMessage("option --demo-request-log only applies with --demo");
    }

    @Test
    void aRequestLogWithoutAFileNameIsABadOption() {
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--demo", "--demo-request-log"}))
                .hasMessage("option --demo-request-log needs a file name");
    }

    @Test
    void demoIsASwitchWithoutAValue() {
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--demo=true"}))
                .hasMessage("option --demo takes no value (it is a switch)");
    }

    @Test
    void helpDescribesTheRuntimesOptionsAndTheDemoMode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<ToolServiceFactory> factories = new ArrayList<>();
        ServiceLoader.load(ToolServiceFactory.class).forEach(factories::add);

        int code = new DemoGateway(
                        factories,
                        Map.of(),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .run(new String[] {"--help"}, new ByteArrayInputStream(new byte[0]));

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("--transport", "--target.<target>.base-url", "--demo", "--demo-request-log FILE");
    }

    @Test
    void aBadDemoOptionExitsWithTheUsageCodeAndOneLine() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = new DemoGateway(
                        List.of(),
                        Map.of(),
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[] {"--demo-request-log", "x"}, new ByteArrayInputStream(new byte[0]));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("apigw-mcp: option --demo-request-log only applies with --demo" + System.lineSeparator());
    }
}
