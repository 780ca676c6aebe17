package dev.apigwmcp.maven.packaging;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One input of the gateway jar: a folder of classes and resources (the project's output) or a jar (a
 * dependency), with the name messages give it ({@code project classes}, {@code groupId:artifactId:version}).
 */
public record JarInput(String label, Path path) {

    public JarInput {
        Objects.requireNonNull(label, "label == null");
        Objects.requireNonNull(path, "path == null");
    }
}
