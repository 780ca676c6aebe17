package dev.apigwmcp.generator.cli;

import dev.apigwmcp.generator.GenerationResult;
import dev.apigwmcp.generator.Generator;
import dev.apigwmcp.generator.GeneratorConfig;
import dev.apigwmcp.generator.Problem;
import dev.apigwmcp.generator.TargetConfig;
import dev.apigwmcp.generator.TargetSummary;
import dev.apigwmcp.generator.config.ConfigDialect;
import dev.apigwmcp.generator.config.ConfigValidator;
import dev.apigwmcp.generator.config.TargetInput;
import dev.apigwmcp.generator.config.ValidatedConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The generator's command line:
 * {@code generate --export FILE [--target NAME] [--config targets.yaml] --out DIR}. Exit codes: 0 generated,
 * 1 the spec or configuration has errors (listed on stderr), 2 bad usage.
 */
public final class GeneratorCli {

    static final String USAGE = """
            Usage: apigw-mcp-generator generate (--export FILE [--target NAME] | --config targets.yaml) --out DIR

            Compiles API Gateway / OpenAPI exports into MCP tools: Java sources in DIR/java, schemas,
            tools.json, bindings.json and TOOLS.md in DIR/resources.

              --export FILE     an export (OpenAPI 3.0/3.1 or Swagger 2.0, JSON or YAML); one target
              --target NAME     the target's name (default: derived from the file name)
              --config FILE     a targets.yaml with one or more targets (filters, overrides, auth, ...)
              --no-prefix       do not prefix tool names with <target>___ (with --export)
              --output-schemas MODE
                                tolerant (default), strict or none (with --export); see README
              --out DIR         output directory (its java/ and resources/ folders are replaced;
                                files already up to date are left as they are)
              --help            this text

            Exit codes: 0 generated, 1 the export or configuration has errors, 2 bad usage.
            """;

    private final PrintStream out;
    private final PrintStream err;

    GeneratorCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new GeneratorCli(System.out, System.err).run(args));
    }

    int run(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            (args.length == 0 ? err : out).print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        if (!args[0].equals("generate")) {
            return usage("unknown command '" + args[0] + "'");
        }
        Options options = new Options();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                out.print(USAGE);
                return 0;
            }
            if (arg.equals("--no-prefix")) {
                options.prefix = false;
            } else if (Options.VALUED.contains(arg)) {
                if (i + 1 >= args.length) {
                    return usage(arg + " needs a value");
                }
                options.set(arg, args[++i]);
            } else {
                return usage("unknown option '" + arg + "'");
            }
        }
        if (options.outDir == null) {
            return usage("--out is required");
        }
        if ((options.export == null) == (options.config == null)) {
            return usage("give either --export or --config");
        }
        TargetsFile file = options.config == null ? null : new TargetsFile(Path.of(options.config));
        ValidatedConfig targets = file != null
                ? file.read()
                : new ConfigValidator(new CommandLineDialect()).validate(List.of(options.singleTarget()));
        if (!targets.valid()) {
            targets.errors().forEach(p -> err.println("error: " + p));
            return 1;
        }
        return generate(targets.targets(), options.outDir, file == null ? UnaryOperator.identity() : file::locate);
    }

    /** Generates; {@code located} places problems of the configuration in the user's file. */
    private int generate(List<TargetConfig> targets, String outDir, UnaryOperator<Problem> located) {
        GenerationResult result = Generator.generate(new GeneratorConfig(targets));
        for (Problem note : result.notes()) {
            err.println("note: " + located.apply(note));
        }
        for (Problem warning : result.warnings()) {
            err.println("warning: " + located.apply(warning));
        }
        if (result.hasErrors()) {
            for (Problem error : result.errors()) {
                err.println("error: " + located.apply(error));
            }
            err.println(result.errors().size() + " error(s); nothing was written");
            return 1;
        }
        Path root = Path.of(outDir);
        int written;
        try {
            written = result.replaceContents(root.resolve("java"), root.resolve("resources"));
        } catch (IOException e) {
            err.println("error: cannot write to " + outDir + ": " + e.getMessage());
            return 1;
        }
        for (TargetSummary summary : result.targets()) {
            out.println("target " + summary.target() + ": " + summary.tools() + " tools from " + summary.operations()
                    + " operations (" + summary.filteredOut() + " filtered out)");
        }
        out.println(result.files().size() + " files in " + outDir + " (" + written + " written, "
                + (result.files().size() - written) + " already up to date; "
                + result.warnings().size()
                + " warnings)");
        return 0;
    }

    private int usage(String message) {
        err.println("error: " + message);
        err.print(USAGE);
        return 2;
    }

    /** {@code petstore.export.json} → {@code petstore}; characters outside the target-name rule become '-'. */
    static String targetNameFrom(Path export) {
        String file = export.getFileName().toString();
        int dot = file.indexOf('.');
        String stem = dot > 0 ? file.substring(0, dot) : file;
        String name = stem.replaceAll("[^0-9A-Za-z]+", "-").replaceAll("^-+|-+$", "");
        return name.isEmpty() ? "api" : name;
    }

    /** The options of {@code generate}. */
    private static final class Options {
        static final java.util.Set<String> VALUED =
                java.util.Set.of("--export", "--target", "--config", "--out", "--output-schemas");
        String export;
        String target;
        String config;
        String outDir;
        String outputSchemas;
        boolean prefix = true;

        void set(String option, String value) {
            switch (option) {
                case "--export" -> export = value;
                case "--target" -> target = value;
                case "--config" -> config = value;
                case "--output-schemas" -> outputSchemas = value;
                default -> outDir = value;
            }
        }

        /** The one target of {@code --export}, with the same checks as a targets file. */
        TargetInput singleTarget() {
            Path exportPath = Path.of(export);
            return new TargetInput(
                    target != null ? target : targetNameFrom(exportPath),
                    exportPath,
                    null,
                    null,
                    null,
                    null,
                    String.valueOf(prefix),
                    null,
                    null,
                    null,
                    outputSchemas,
                    null);
        }
    }

    /** Command-line options as locations: {@code --target}, {@code --output-schemas}. */
    private record CommandLineDialect() implements ConfigDialect {
        @Override
        public String file() {
            return null;
        }

        @Override
        public String targets() {
            return "--export";
        }

        @Override
        public String target(int index, String name) {
            return "";
        }

        @Override
        public String member(String parent, String member) {
            return switch (member) {
                case "name" -> "--target";
                case "exportFile" -> "--export";
                case "outputSchemas" -> "--output-schemas";
                default -> member;
            };
        }

        @Override
        public String entry(String parent, String list, int index) {
            return list + "[" + index + "]";
        }

        @Override
        public String name(String member) {
            return member(null, member);
        }
    }
}
