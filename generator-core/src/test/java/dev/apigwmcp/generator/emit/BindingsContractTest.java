package dev.apigwmcp.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.apigwmcp.generator.GeneratedFile;
import dev.apigwmcp.generator.GenerationResult;
import dev.apigwmcp.generator.Generator;
import dev.apigwmcp.generator.GeneratorConfig;
import dev.apigwmcp.generator.TargetConfig;
import dev.apigwmcp.generator.TestSpecs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The generator's side of the bindings contract: every {@code bindings.json} it writes — the golden files and one
 * per real export in {@code ../shared/specs/real/} — validates against {@code docs/bindings.schema.json}, the schema
 * the runtime's reader is tested against too.
 */
class BindingsContractTest {

    private static final Path SCHEMA = Path.of("../docs/bindings.schema.json");

    private static Schema schema() throws IOException {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(SCHEMA, StandardCharsets.UTF_8), InputFormat.JSON);
    }

    private static List<String> problems(Schema schema, String where, String json) {
        List<String> out = new ArrayList<>();
        for (Error error : schema.validate(json, InputFormat.JSON)) {
            out.add(where + ": " + error);
        }
        return out;
    }

    @Test
    void everyGoldenBindingsFileFollowsTheSchema() throws IOException {
        Schema schema = schema();
        List<String> problems = new ArrayList<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(Path.of("src/test/resources/golden"))) {
            for (Path file : walk.filter(p -> p.getFileName().toString().equals("bindings.json"))
                    .toList()) {
                problems.addAll(problems(schema, file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
                files++;
            }
        }
        assertThat(files).isGreaterThanOrEqualTo(4);
        assertThat(problems).isEmpty();
    }

    @Test
    void theBindingsOfEveryRealExportFollowTheSchema() throws IOException {
        Schema schema = schema();
        List<String> problems = new ArrayList<>();
        List<Path> exports;
        try (Stream<Path> list = Files.list(TestSpecs.real(""))) {
            exports = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(exports).hasSizeGreaterThanOrEqualTo(13);
        for (Path export : exports) {
            GenerationResult result = Generator.generate(new GeneratorConfig(List.of(TargetConfig.of("t", export))));
            assertThat(result.errors()).as(export.toString()).isEmpty();
            for (GeneratedFile file : result.files()) {
                if (file.relativePath().endsWith("/bindings.json")) {
                    problems.addAll(problems(schema, export.getFileName().toString(), file.text()));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theSchemaRefusesWhatTheRuntimeWouldRefuse() throws IOException {
        Schema schema = schema();
        String tool =
                "{\"name\":\"t___a\",\"operationId\":null,\"method\":\"GET\",\"path\":\"/a\",\"auth\":[\"BEARER\"],"
                        + "\"token\":{\"in\":\"cookie\",\"name\":\"a\",\"prefix\":\"\"},\"arguments\":[],\"body\":null,"
                        + "\"output\":{\"mediaType\":null,\"wrap\":null,\"schema\":false},\"timeoutMs\":null}";
        String bindings = "{\"bindingsVersion\":1,\"target\":\"t\",\"source\":\"a.json\",\"server\":{\"url\":null,"
                + "\"region\":null},\"apiKey\":null,\"tools\":[" + tool + "]}";
        assertThat(problems(schema, "cookie token", bindings)).isNotEmpty();
        assertThat(problems(schema, "version 2", bindings.replace("\"bindingsVersion\":1", "\"bindingsVersion\":2")))
                .isNotEmpty();
        assertThat(problems(schema, "good", bindings.replace("\"in\":\"cookie\"", "\"in\":\"query\"")))
                .isEmpty();
    }
}
