package dev.apigwmcp.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Generates one target (named {@code api}, no name prefix) from an export's text and reads its generated files. */
public final class OneTarget {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OneTarget() {}

    /** Writes {@code yaml} as {@code api.yaml} under {@code dir} and generates it. */
    public static GenerationResult generate(Path dir, String yaml) throws IOException {
        Path file = dir.resolve("api.yaml");
        Files.writeString(file, yaml);
        return Generator.generate(new GeneratorConfig(
                List.of(TargetConfig.builder("api", file).namePrefix(false).build())));
    }

    /** The text of the generated file whose path ends with {@code suffix}. */
    public static String file(GenerationResult result, String suffix) {
        return result.files().stream()
                .filter(f -> f.relativePath().endsWith(suffix))
                .map(GeneratedFile::text)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no file " + suffix));
    }

    /** The generated JSON file whose path ends with {@code suffix}. */
    public static JsonNode json(GenerationResult result, String suffix) throws IOException {
        return JSON.readTree(file(result, suffix));
    }

    /** The first tool's request body binding in {@code bindings.json}. */
    public static JsonNode firstBody(GenerationResult result) throws IOException {
        return json(result, "/bindings.json").get("tools").get(0).get("body");
    }
}
