package dev.apigwmcp.maven.config;

import dev.apigwmcp.generator.Problem;
import dev.apigwmcp.generator.config.ConfigDialect;
import java.util.List;

/**
 * Places in the plugin's {@code <configuration>}, as a POM author reads them:
 * {@code target petstore: <toolFilter> #2: <methods> lists no method}.
 *
 * @param positions each validated target's position among the POM's {@code <target>}s (skipped ones are not
 *                  validated, so the two can differ)
 */
record PomDialect(List<Integer> positions) implements ConfigDialect {

    @Override
    public String file() {
        return null;
    }

    @Override
    public String targets() {
        return "<targets>";
    }

    @Override
    public String target(int index, String name) {
        return name == null || name.isBlank() ? "<target> #" + (positions.get(index) + 1) : "target " + name.trim();
    }

    /** A target's place before it is validated, by its POM position. */
    static String target(TargetParameters target, int position) {
        return new PomDialect(List.of(position)).target(0, target.getName());
    }

    @Override
    public String member(String parent, String member) {
        return parent + ": <" + member + ">";
    }

    @Override
    public String entry(String parent, String list, int index) {
        String element = list.endsWith("s") ? list.substring(0, list.length() - 1) : list;
        return parent + ": <" + element + "> #" + (index + 1);
    }

    @Override
    public String name(String member) {
        return "<" + member + ">";
    }

    @Override
    public String exportFileAlternative() {
        return " (or set <restApiId> and <stage> to fetch the export from API Gateway)";
    }

    @Override
    public String render(Problem problem) {
        return problem.pointer() + " " + problem.message();
    }
}
