package dev.apigwmcp.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.testing.GatewayMainProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A profile named with --aws.profile signs, whatever keys the environment holds (a child JVM: the SDK reads it). */
@Timeout(60)
class NamedProfileTest {

    @TempDir
    Path dir;

    @Test
    void aNamedProfileIsUsedEvenWithKeysInTheEnvironment() throws Exception {
        Path credentials = Files.writeString(
                dir.resolve("credentials"),
                "[qa]\naws_access_key_id = AKIDFROMPROFILE\naws_secret_access_key = profile-secret\n");
        try (GatewayMainProcess child = GatewayMainProcess.of(ProfileCredentialsMain.class)
                .args("qa")
                .environment(Map.of(
                        "AWS_ACCESS_KEY_ID",
                        "AKIDFROMENVIRONMENT",
                        "AWS_SECRET_ACCESS_KEY",
                        "environment-secret",
                        "AWS_SHARED_CREDENTIALS_FILE",
                        credentials.toString(),
                        "AWS_CONFIG_FILE",
                        dir.resolve("config").toString()))
                .start()) {
            assertThat(child.process().waitFor(50, TimeUnit.SECONDS)).isTrue();
            assertThat(child.stderrLines()).contains("access key AKIDFROMPROFILE");
        }
    }
}
