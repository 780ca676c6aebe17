package dev.apigwmcp.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthEnvironmentTest {

    @Test
    void variablesComeFromTheGatewaysEnvironmentNotTheProcesses() {
        Map<String, String> environment = new HashMap<>(Map.of("DEMO_KEY", "k-123"));
        AuthEnvironment auth = AuthEnvironment.of(environment);
        environment.put("LATER", "x"); // a snapshot: what the gateway was started with

        assertThat(auth.environment().apply("DEMO_KEY")).isEqualTo("k-123");
        assertThat(auth.environment().apply("LATER")).isNull();
        assertThat(auth.environment().apply("PATH")).isNull();
    }
}
