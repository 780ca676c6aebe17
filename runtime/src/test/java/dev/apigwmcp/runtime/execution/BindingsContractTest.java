package dev.apigwmcp.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runtime's side of the bindings contract: the reader accepts every {@code bindings.json} the generator's golden
 * files hold, and this module's own test targets follow {@code docs/bindings.schema.json} — the schema the
 * generator's output is validated against — except the one that is broken on purpose.
 */
class BindingsContractTest {

    private static final Path SCHEMA = Path.of("../docs/bindings.schema.json");
    private static final Path GOLDEN = Path.of("../generator-core/src/test/resources/golden");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static List<Path> bindings(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().equals("bindings.json"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void theReaderAcceptsEveryBindingsFileTheGeneratorWrites() throws IOException {
        List<Path> files = bindings(GOLDEN);
        assertThat(files).hasSizeGreaterThanOrEqualTo(4);
        for (Path file : files) {
            assertThatCode(() -> new BindingsReader(file.toString()).read(JSON.readTree(file.toFile())))
                    .as(file.toString())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void thisModulesTestTargetsFollowTheSchema() throws IOException {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(SCHEMA, StandardCharsets.UTF_8), InputFormat.JSON);
        List<String> problems = new ArrayList<>();
        List<Path> files = bindings(Path.of("src/test/resources/apigw-mcp/targets"));
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        for (Path file : files) {
            List<Error> errors = schema.validate(Files.readString(file, StandardCharsets.UTF_8), InputFormat.JSON);
            boolean brokenOnPurpose =
                    file.toString().contains("/broken/") || file.toString().contains("/token-clash/");
            if (brokenOnPurpose) {
                continue;
            }
            errors.forEach(error -> problems.add(file + ": " + error));
        }
        assertThat(problems).isEmpty();
    }
}
