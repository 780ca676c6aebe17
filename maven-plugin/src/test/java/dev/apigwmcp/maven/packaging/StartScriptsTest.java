package dev.apigwmcp.maven.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartScriptsTest {

    @TempDir
    Path folder;

    @Test
    void theShellScriptIsNamedForTheJarAndRunsIt() throws Exception {
        Path script = StartScripts.write(folder.resolve("orders-gateway.jar"));

        assertThat(script.getFileName()).hasToString("orders-gateway");
        assertThat(Files.getPosixFilePermissions(script)).contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.readString(script))
                .startsWith("#!/bin/sh\n")
                .contains("-jar \"$dir/orders-gateway.jar\" \"$@\"");
    }

    @Test
    void theScriptsUseTheArchiveOnlyWhenItIsThere() throws Exception {
        Path script = StartScripts.write(folder.resolve("orders-gateway.jar"));

        assertThat(Files.readString(script))
                .contains("if [ -f \"$dir/orders-gateway.jsa\" ]; then")
                .contains("\"-XX:SharedArchiveFile=$dir/orders-gateway.jsa\"");
        assertThat(Files.readString(folder.resolve("orders-gateway.cmd")))
                .contains("if exist \"%~dp0orders-gateway.jsa\" (")
                .contains("\"-XX:SharedArchiveFile=%~dp0orders-gateway.jsa\"");
    }

    @Test
    void theJvmsOwnWarningsGoToStderrNotToTheProtocolStream() throws Exception {
        Path script = StartScripts.write(folder.resolve("g.jar"));

        assertThat(Files.readString(script).lines().filter(line -> line.contains("exec ")))
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("-Xlog:disable -Xlog:all=warning:stderr"));
    }

    @Test
    void theScriptsAreTheSameForTheSameJarName() throws Exception {
        Path first = folder.resolve("a");
        Path second = folder.resolve("b");
        Files.createDirectories(first);
        Files.createDirectories(second);
        StartScripts.write(first.resolve("g.jar"));
        StartScripts.write(second.resolve("g.jar"));

        assertThat(Files.readAllBytes(first.resolve("g"))).isEqualTo(Files.readAllBytes(second.resolve("g")));
        assertThat(Files.readAllBytes(first.resolve("g.cmd"))).isEqualTo(Files.readAllBytes(second.resolve("g.cmd")));
    }
}
