package dev.apigwmcp.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.spi.ToolRegistry;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import tools.jackson.databind.JsonNode;

/** Writes a generation's files and compiles its Java as a user's build would, with every lint warning an error. */
public final class GeneratedJava {

    private GeneratedJava() {}

    /** Compiles {@code result}'s files under {@code out}; returns a loader over its classes and resources. */
    public static URLClassLoader compile(GenerationResult result, Path out) throws IOException {
        Path javaDir = out.resolve("java");
        Path resources = out.resolve("resources");
        Path classes = out.resolve("classes");
        result.writeTo(javaDir, resources);
        Files.createDirectories(classes);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null);
                Stream<Path> walk = Files.walk(javaDir)) {
            List<Path> sources =
                    walk.filter(p -> p.toString().endsWith(".java")).toList();
            String classpath = String.join(
                    File.pathSeparator,
                    location(ToolRegistry.class),
                    location(JsonNode.class),
                    location(tools.jackson.core.JsonParser.class));
            boolean ok = compiler.getTask(
                            null,
                            files,
                            diagnostics,
                            List.of(
                                    "-d",
                                    classes.toString(),
                                    "-classpath",
                                    classpath,
                                    "-Xlint:all",
                                    "-Werror",
                                    "--release",
                                    "17"),
                            null,
                            files.getJavaFileObjectsFromPaths(sources))
                    .call();
            assertThat(ok).as("compilation: %s", diagnostics.getDiagnostics()).isTrue();
        }
        return new URLClassLoader(
                new URL[] {classes.toUri().toURL(), resources.toUri().toURL()}, GeneratedJava.class.getClassLoader());
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
