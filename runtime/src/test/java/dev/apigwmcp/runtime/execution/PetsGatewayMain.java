package dev.apigwmcp.runtime.execution;

import dev.apigwmcp.runtime.Gateway;
import dev.apigwmcp.runtime.auth.AwsKeys;
import java.util.List;

/** The launcher as a process, serving the {@code pets} test target with fixed test-only AWS keys. */
public final class PetsGatewayMain {

    /** {@link #credentials} with the API key and the OAuth2 client secret both from the variable {@code PETS_KEY}. */
    static final List<String> CREDENTIALS = credentials("PETS_KEY");

    /**
     * Every credential setting of the pets target except AWS's: the API key from the variable {@code PETS_KEY}, the
     * OAuth2 client secret from {@code clientSecretVariable}, the token endpoint a closed port (no test here fetches
     * a token).
     */
    static List<String> credentials(String clientSecretVariable) {
        return List.of(
                "--target.pets.api-key-env",
                "PETS_KEY",
                "--target.pets.oauth2.token-url",
                "http://127.0.0.1:9/token",
                "--target.pets.oauth2.client-id",
                "c-1",
                "--target.pets.oauth2.client-secret-env",
                clientSecretVariable);
    }

    private PetsGatewayMain() {}

    public static void main(String[] args) {
        AwsKeys keys = new AwsKeys("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
        Gateway.launch(
                args,
                (factories, environment, out, err) -> new Gateway(
                        List.of(new PetsToolServiceFactory(profile -> () -> keys)), environment, out, err)::run);
    }
}
