package dev.apigwmcp.runtime.execution;

import dev.apigwmcp.runtime.Gateway;
import dev.apigwmcp.runtime.auth.AwsKeys;
import java.util.List;

/** The launcher as a process, serving the {@code pets} test target with fixed test-only AWS keys. */
public final class PetsGatewayMain {

    private PetsGatewayMain() {}

    public static void main(String[] args) {
        AwsKeys keys = new AwsKeys("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
        Gateway.launch(
                args,
                (factories, environment, out, err) -> new Gateway(
                        List.of(new PetsToolServiceFactory(profile -> () -> keys)), environment, out, err)::run);
    }
}
