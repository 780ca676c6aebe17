package dev.apigwmcp.maven.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The gateway's start scripts, beside its jar: {@code NAME} (POSIX shell) and {@code NAME.cmd} (Windows). Each
 * runs {@code java -jar NAME.jar} with its arguments, adding the class archive {@code NAME.jsa} when it is there
 * (a jar cannot name JVM flags itself), and the JVM's own warnings sent to stderr so that stdout carries protocol
 * frames only. {@code JAVA_HOME} picks the JDK (else {@code java} from the path) and {@code JAVA_OPTS} adds flags.
 * {@code NAME --make-class-archive [OPTIONS]} runs the gateway's command that makes the archive again for the JDK
 * and the place the jar is at now (after copying it elsewhere), without mapping the archive it replaces.
 */
public final class StartScripts {

    private StartScripts() {}

    /** Writes both scripts for {@code jar} ({@code NAME.jar}); returns the POSIX one. */
    public static Path write(Path jar) throws IOException {
        String file = jar.getFileName().toString();
        String name = file.endsWith(".jar") ? file.substring(0, file.length() - 4) : file;
        Path shell = jar.resolveSibling(name);
        Files.writeString(shell, shell(name), StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(shell, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the .cmd script is the one that runs there.
        }
        Files.writeString(jar.resolveSibling(name + ".cmd"), cmd(name), StandardCharsets.UTF_8);
        return shell;
    }

    static String shell(String name) {
        String quiet = String.join(" ", ClassArchive.QUIET_FLAGS);
        return String.join(
                "\n",
                List.of(
                        "#!/bin/sh",
                        "# Starts " + name + ".jar (written by the apigw-mcp package goal). With " + name
                                + ".jsa beside it, the class",
                        "# archive made when the jar was packaged, the JVM starts faster; a JDK other than the one that made it",
                        "# ignores it. JAVA_HOME picks the JDK, JAVA_OPTS adds JVM flags; arguments go to the gateway.",
                        "dir=$(CDPATH= cd -- \"$(dirname -- \"$0\")\" && pwd)",
                        "java=java",
                        "[ -n \"$JAVA_HOME\" ] && java=\"$JAVA_HOME/bin/java\"",
                        "# --make-class-archive [OPTIONS] (re)makes the archive for this JDK and this place; the JVM",
                        "# that makes it maps none, as the archive it would map is the one being replaced.",
                        "if [ \"$1\" = \"--make-class-archive\" ]; then",
                        "    exec \"$java\" " + quiet + " $JAVA_OPTS -jar \"$dir/" + name + ".jar\" \"$@\"",
                        "fi",
                        "if [ -f \"$dir/" + name + ".jsa\" ]; then",
                        "    exec \"$java\" \"-XX:SharedArchiveFile=$dir/" + name + ".jsa\" " + quiet
                                + " $JAVA_OPTS -jar \"$dir/" + name + ".jar\" \"$@\"",
                        "fi",
                        "exec \"$java\" " + quiet + " $JAVA_OPTS -jar \"$dir/" + name + ".jar\" \"$@\"",
                        ""));
    }

    static String cmd(String name) {
        String quiet = String.join(" ", ClassArchive.QUIET_FLAGS);
        return String.join(
                "\r\n",
                List.of(
                        "@echo off",
                        "rem Starts " + name + ".jar (written by the apigw-mcp package goal), with the class archive "
                                + name + ".jsa when it is there.",
                        "setlocal",
                        "set \"JAVA_EXE=java\"",
                        "if defined JAVA_HOME set \"JAVA_EXE=%JAVA_HOME%\\bin\\java\"",
                        "rem --make-class-archive [OPTIONS] (re)makes the archive for this JDK and this place, mapping none.",
                        "if \"%~1\"==\"--make-class-archive\" (",
                        "    \"%JAVA_EXE%\" " + quiet + " %JAVA_OPTS% -jar \"%~dp0" + name + ".jar\" %*",
                        "    exit /b %ERRORLEVEL%",
                        ")",
                        "if exist \"%~dp0" + name + ".jsa\" (",
                        "    \"%JAVA_EXE%\" \"-XX:SharedArchiveFile=%~dp0" + name + ".jsa\" " + quiet
                                + " %JAVA_OPTS% -jar \"%~dp0" + name + ".jar\" %*",
                        ") else (",
                        "    \"%JAVA_EXE%\" " + quiet + " %JAVA_OPTS% -jar \"%~dp0" + name + ".jar\" %*",
                        ")",
                        "exit /b %ERRORLEVEL%",
                        ""));
    }
}
