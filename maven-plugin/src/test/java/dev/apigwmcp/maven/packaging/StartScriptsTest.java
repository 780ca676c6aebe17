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
    void makingTheArchiveAgainRunsTheJarWithoutMappingTheArchiveItReplaces() throws Exception {
        Path script = StartScripts.write(folder.resolve("orders-gateway.jar"));
        String shell = Files.readString(script);
        String make = shell.substring(shell.indexOf("if [ \"$1\" = \"--make-class-archive\" ]; then"));
        String makeLine = make.lines().skip(1).findFirst().orElseThrow();
        assertThat(makeLine).contains("-jar \"$dir/orders-gateway.jar\" \"$@\"").doesNotContain("SharedArchiveFile");
        assertThat(shell.indexOf("--make-class-archive\" ]")).isLessThan(shell.indexOf("SharedArchiveFile"));
        String cmd = Files.readString(folder.resolve("orders-gateway.cmd"));
        String cmdMake = cmd.substring(cmd.indexOf("if \"%~1\"==\"--make-class-archive\" ("));
        assertThat(cmdMake.lines().skip(1).findFirst().orElseThrow())
                .contains("-jar \"%~dp0orders-gateway.jar\" %*")
                .doesNotContain("SharedArchiveFile");
        assertThat(cmd.indexOf("--make-class-archive")).isLessThan(cmd.indexOf("SharedArchiveFile"));
    }

    @Test
    void theJvmsOwnWarningsGoToStderrNotToTheProtocolStream() throws Exception {
        Path script = StartScripts.write(folder.resolve("g.jar"));

        assertThat(Files.readString(script).lines().filter(line -> line.contains("exec ")))
                .hasSize(3)
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
