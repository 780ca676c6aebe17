package dev.apigwmcp.generator.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.generator.GeneratedFile;
import dev.apigwmcp.generator.GenerationResult;
import dev.apigwmcp.generator.Generator;
import dev.apigwmcp.generator.GeneratorConfig;
import dev.apigwmcp.generator.TargetConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A parameter the export declares for the authorizer's identity source carries the token: no tool argument. */
class TokenParameterTest {

    @TempDir
    Path dir;

    @Test
    void theDeclaredIdentitySourceHeaderIsNoArgument() throws IOException {
        Path file = dir.resolve("api.json");
        Files.writeString(file, """
                {"openapi":"3.0.1","info":{"title":"t","version":"1"},"servers":[{"url":"https://h.example"}],
                 "components":{"securitySchemes":{"lambda":{"type":"apiKey","name":"Unused","in":"header",
                   "x-amazon-apigateway-authtype":"custom","x-amazon-apigateway-authorizer":{"type":"request",
                   "identitySource":"method.request.header.Custom-Authorization"}}}},
                 "paths":{"/a":{"get":{"operationId":"a","security":[{"lambda":[]}],"parameters":[
                   {"name":"Custom-Authorization","in":"header","required":true,"schema":{"type":"string"}},
                   {"name":"X-Trace","in":"header","schema":{"type":"string"}}],
                   "responses":{"200":{"description":"ok"}}}}}}""");

        GenerationResult result = Generator.generate(new GeneratorConfig(List.of(TargetConfig.of("api", file))));

        assertThat(result.errors()).isEmpty();
        String input = result.files().stream()
                .filter(f -> f.relativePath().endsWith("api___a.input.json"))
                .map(GeneratedFile::text)
                .findFirst()
                .orElseThrow();
        assertThat(input).contains("\"X-Trace\"").doesNotContain("Custom-Authorization");
    }
}
