package dev.apigwmcp.samples.multitarget;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.json.JsonMapper;

/** The multi-target jar starts with the sample's settings file and serves both targets' tools, prefixed. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class MultiTargetGatewayIT {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Map<String, String> SECRETS = Map.of(
            "PETSTORE_API_KEY",
            "test-petstore-key",
            "ORDERS_API_KEY",
            "test-orders-key",
            "ORDERS_CLIENT_SECRET",
            "test-client-secret");

    record Result(int exit, String stdout, String stderr) {}

    @Test
    void listsTheToolsOfBothTargetsAsInTheCatalog() throws Exception {
        Result result = run(SECRETS, "--list-tools", "--config", "src/main/config/gateway.properties");
        assertThat(result.exit()).as(result.stderr()).isZero();
        List<String> listed =
                result.stdout().lines().map(line -> line.split("\\s+", 2)[0]).toList();
        List<String> catalog = new ArrayList<>();
        JsonMapper.builder()
                .build()
                .readTree(
                        MODULE.resolve("src/main/apigw-mcp/catalog/tools.json").toFile())
                .get("tools")
                .forEach(tool -> catalog.add(tool.get("name").asString()));
        assertThat(listed).containsExactlyElementsOf(catalog);
        assertThat(listed)
                .anyMatch(name -> name.startsWith("petstore___"))
                .anyMatch(name -> name.startsWith("orders___"))
                .contains("orders___listOrders", "orders___listCustomerOrders");
        // Secrets given through the environment never appear in the output.
        assertThat(result.stdout() + result.stderr()).doesNotContain("test-orders-key", "test-client-secret");
    }

    @Test
    void listingTheToolsNeedsNoSecret() throws Exception {
        Result result = run(Map.of(), "--list-tools", "--config", "src/main/config/gateway.properties");
        assertThat(result.exit()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("petstore___", "orders___listCustomerOrders");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void eachTargetNeedsItsOwnCredentialsAtStart() throws Exception {
        Map<String, String> withoutOrdersKey = new java.util.HashMap<>(SECRETS);
        withoutOrdersKey.remove("ORDERS_API_KEY");
        Result result = run(withoutOrdersKey, "--config", "src/main/config/gateway.properties");
        assertThat(result.exit()).as(result.stderr()).isEqualTo(3);
        assertThat(result.stderr())
                .contains("target 'orders'", "ORDERS_API_KEY")
                .doesNotContain("Exception");
        assertThat(result.stderr().lines()).allMatch(line -> line.startsWith("apigw-mcp: "));
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void aSettingForATargetThatDoesNotExistIsRefusedNamingTheNearestTarget() throws Exception {
        Result result = run(
                SECRETS,
                "--list-tools",
                "--config",
                "src/main/config/gateway.properties",
                "--target.order.base-url",
                "http://127.0.0.1:9/");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.stderr())
                .isEqualTo("apigw-mcp: option --target.order.base-url names target 'order', which"
                        + " this gateway does not have (its targets: orders, petstore); did you mean"
                        + " --target.orders.base-url?" + System.lineSeparator());
    }

    @Test
    void demoSaysThisGatewayHasNoDemoMode() throws Exception {
        Result result = run(SECRETS, "--demo");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.stderr()).startsWith("apigw-mcp: this gateway has no demo mode");
    }

    private static Result run(Map<String, String> environment, String... args) throws Exception {
        Path jar = Path.of(System.getProperty("gateway.jar", "target/multi-target-gateway.jar"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toString()));
        command.addAll(List.of(args));
        Path work = Files.createDirectories(MODULE.resolve("target/e2e"));
        Path out = work.resolve("stdout.txt");
        Path err = work.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(MODULE.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        // The runtime reads APIGW_MCP_* variables too: start from a clean slate so the developer's own don't leak in.
        builder.environment().keySet().removeIf(name -> name.startsWith("APIGW_MCP_"));
        // Where no AWS credentials are found the chain would end by asking the EC2 instance metadata service.
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("the gateway finished")
                .isTrue();
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
