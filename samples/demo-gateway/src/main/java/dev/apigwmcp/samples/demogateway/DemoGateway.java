package dev.apigwmcp.samples.demogateway;

import dev.apigwmcp.runtime.ExitCode;
import dev.apigwmcp.runtime.Gateway;
import dev.apigwmcp.runtime.ToolServiceFactory;
import dev.apigwmcp.runtime.spi.ToolRegistry;
import dev.apigwmcp.samples.demo.DemoBackend;
import dev.apigwmcp.samples.demo.DemoCredentials;
import dev.apigwmcp.samples.demo.RequestLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * The runtime's {@link Gateway} plus {@code --demo}, which starts the in-memory PetStore backend on a free
 * loopback port, gives the gateway the demo credentials and points every target at it. Without {@code --demo} it
 * is the runtime's gateway, so a project started on the PetStore export can be pointed at a real stage unchanged.
 * The main class of the PetStore sample and of a starter project on the PetStore export.
 */
public final class DemoGateway {

    /** The variable, in the gateway's environment only, that holds the demo API key in demo mode. */
    static final String DEMO_KEY_VARIABLE = "PETSTORE_DEMO_API_KEY";

    static final String DEMO_HELP = """

            Demo mode (no AWS account needed):
              --demo                 start the in-memory PetStore backend on a free 127.0.0.1 port, sign requests
                                     with fixed demo-only AWS keys, send the demo API key, and point every target
                                     (--target.<target>.base-url) at the backend; all other options apply as usual
              --demo-request-log FILE
                                     with --demo: append each request the backend receives to FILE as one JSON
                                     line (method, path, query, body, signature/key validity; no credentials)
            """;

    private final List<ToolServiceFactory> factories;
    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;

    /** A gateway with these tool services, environment and streams (the process's, or a test's). */
    public DemoGateway(
            List<ToolServiceFactory> factories, Map<String, String> environment, PrintStream out, PrintStream err) {
        this.factories = List.copyOf(factories);
        this.environment = Map.copyOf(environment);
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        Gateway.launch(
                args, (factories, environment, out, err) -> new DemoGateway(factories, environment, out, err)::run);
    }

    /** Runs to completion and returns the exit status ({@link ExitCode}). */
    public int run(String[] args, InputStream in) {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("apigw-mcp: " + e.getMessage());
            return ExitCode.BAD_SETTINGS.code();
        }
        if (options.help() || !options.demo()) {
            return gateway(environment).run(options.gatewayArgs(), in);
        }
        DemoBackend backend;
        try {
            backend = DemoBackend.start(0, new RequestLog(options.requestLog()));
        } catch (IOException e) {
            err.println("apigw-mcp: cannot start the demo backend on 127.0.0.1: " + e.getMessage());
            return ExitCode.CANNOT_START.code();
        }
        try (backend) {
            // The demo key reaches the runtime through the gateway's environment (which this launcher may extend;
            // the process environment cannot be), named by api-key-env: never on disk, never on a command line.
            Map<String, String> demoEnvironment = new HashMap<>(environment);
            demoEnvironment.put(DEMO_KEY_VARIABLE, DemoCredentials.API_KEY);
            // The AWS SDK's default chain reads system properties first, so the demo keys win over any real
            // credentials of the user's environment and never leave this process. They are not printed.
            System.setProperty("aws.accessKeyId", DemoCredentials.ACCESS_KEY_ID);
            System.setProperty("aws.secretAccessKey", DemoCredentials.SECRET_ACCESS_KEY);
            List<String> gatewayArgs = new ArrayList<>(List.of(options.gatewayArgs()));
            // After the user's options: in demo mode the backend and its credentials must win.
            for (String target : targets()) {
                gatewayArgs.addAll(List.of(
                        "--target." + target + ".base-url",
                        backend.stageUri().toString(),
                        "--target." + target + ".api-key-env",
                        DEMO_KEY_VARIABLE,
                        "--target." + target + ".aws-region",
                        DemoCredentials.REGION));
            }
            err.println("apigw-mcp: demo backend (in-memory PetStore, demo credentials) on " + backend.stageUri());
            return gateway(demoEnvironment).run(gatewayArgs.toArray(String[]::new), in);
        }
    }

    /** The runtime's gateway, with the demo options in its --help. */
    private Gateway gateway(Map<String, String> gatewayEnvironment) {
        return new Gateway(factories, gatewayEnvironment, out, err).withHelpSection(DEMO_HELP);
    }

    /** The names of the targets whose generated tools are on the classpath, sorted. */
    public static List<String> targets() {
        TreeSet<String> names = new TreeSet<>();
        ServiceLoader.load(ToolRegistry.class).forEach(registry -> names.add(registry.targetName()));
        return List.copyOf(names);
    }

    /** The command line split into the demo's own options and those for the runtime. */
    record DemoOptions(boolean demo, Path requestLog, boolean help, String[] gatewayArgs) {

        static DemoOptions parse(String[] args) {
            boolean demo = false;
            boolean help = false;
            Path requestLog = null;
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--demo")) {
                    demo = true;
                } else if (arg.startsWith("--demo=")) {
                    throw new IllegalArgumentException("option --demo takes no value (it is a switch)");
                } else if (arg.equals("--demo-request-log") || arg.startsWith("--demo-request-log=")) {
                    String value = arg.contains("=")
                            ? arg.substring(arg.indexOf('=') + 1)
                            : i + 1 < args.length ? args[++i] : null;
                    if (value == null || value.isBlank()) {
                        throw new IllegalArgumentException("option --demo-request-log needs a file name");
                    }
                    requestLog = Path.of(value);
                } else {
                    help |= arg.equals("--help") || arg.equals("-h");
                    rest.add(arg);
                }
            }
            if (requestLog != null && !demo) {
                throw new IllegalArgumentException("option --demo-request-log only applies with --demo");
            }
            return new DemoOptions(demo, requestLog, help, rest.toArray(String[]::new));
        }
    }
}
