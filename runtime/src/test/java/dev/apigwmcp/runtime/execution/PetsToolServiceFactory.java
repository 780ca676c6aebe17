package dev.apigwmcp.runtime.execution;

import dev.apigwmcp.runtime.ToolServiceFactory;
import dev.apigwmcp.runtime.auth.AuthEnvironment;
import dev.apigwmcp.runtime.auth.AwsCredentialsSource;
import dev.apigwmcp.runtime.config.Setting;
import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.spi.InterceptedCall;
import dev.apigwmcp.runtime.spi.InterceptedResult;
import dev.apigwmcp.runtime.spi.ToolInterceptor;
import dev.apigwmcp.runtime.telemetry.Telemetry;
import dev.apigwmcp.runtime.tools.ToolListing;
import dev.apigwmcp.runtime.tools.ToolService;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code pets} test target behind the real launcher, as the production factory serves generated targets, but
 * with AWS credentials from the test: variables come from the gateway's environment, nothing touches AWS.
 */
public final class PetsToolServiceFactory implements ToolServiceFactory {

    private final Function<String, AwsCredentialsSource> awsCredentials;

    public PetsToolServiceFactory(Function<String, AwsCredentialsSource> awsCredentials) {
        this.awsCredentials = awsCredentials;
    }

    @Override
    public String name() {
        return "pets";
    }

    @Override
    public List<Setting> settings() {
        return ExecutionSettings.declared();
    }

    @Override
    public Set<String> targets() {
        return Set.of("pets");
    }

    @Override
    public List<ToolListing> catalog(Settings settings, Map<String, String> environment) {
        return GeneratedToolService.catalog(List.of(new PetsRegistry()));
    }

    @Override
    public ToolService create(Settings settings, Map<String, String> environment) {
        return create(settings, environment, Telemetry.callLogOnly());
    }

    @Override
    public ToolService create(Settings settings, Map<String, String> environment, Telemetry telemetry) {
        // The interceptor benchmark's third contender: one interceptor that lets every call through unchanged.
        Interceptors interceptors = "pass-through".equals(environment.get(INTERCEPTORS))
                ? Interceptors.of(List.of(new PassThrough()))
                : Interceptors.NONE;
        return GeneratedToolService.create(
                List.of(new PetsRegistry()),
                settings,
                new AuthEnvironment(Map.copyOf(environment)::get, awsCredentials, Clock.systemUTC()),
                telemetry,
                interceptors);
    }

    /** The environment variable that registers {@link PassThrough} ({@code pass-through}); absent: no interceptor. */
    static final String INTERCEPTORS = "PETS_TEST_INTERCEPTORS";

    /** Sees every call and its result and changes nothing. */
    static final class PassThrough implements ToolInterceptor {
        @Override
        public void beforeCall(InterceptedCall call) {
            call.arguments();
        }

        @Override
        public void afterCall(InterceptedCall call, InterceptedResult result) {
            result.structuredContent();
        }
    }
}
