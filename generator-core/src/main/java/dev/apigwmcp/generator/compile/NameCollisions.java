package dev.apigwmcp.generator.compile;

import dev.apigwmcp.generator.problem.ProblemCollector;
import dev.apigwmcp.generator.select.ToolNamer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Makes a target's tool names unique. Names the generator derived itself (no operationId, no override) that collide
 * — {@code GET /users} and {@code GET /users/~} both give {@code get_users} — get a hash of method and path, so they
 * stay unique and stable. Collisions involving an operationId or an override name remain errors: those names are
 * the author's, and only the author can choose.
 */
final class NameCollisions {

    private NameCollisions() {}

    /** The tools sorted by name, without those whose name is taken twice (an error names them). */
    static List<CompiledTool> resolve(List<CompiledTool> compiled, ToolNaming naming, ProblemCollector problems) {
        Map<String, List<CompiledTool>> byName = new TreeMap<>();
        for (CompiledTool tool : compiled) {
            byName.computeIfAbsent(tool.name(), k -> new ArrayList<>()).add(tool);
        }
        disambiguateDerivedNames(byName, naming, problems);
        List<CompiledTool> tools = new ArrayList<>();
        for (Map.Entry<String, List<CompiledTool>> entry : byName.entrySet()) {
            List<CompiledTool> same = entry.getValue();
            if (same.size() > 1) {
                reportCollision(entry.getKey(), same, problems);
            } else {
                tools.add(same.get(0));
            }
        }
        return tools;
    }

    private static void disambiguateDerivedNames(
            Map<String, List<CompiledTool>> byName, ToolNaming naming, ProblemCollector problems) {
        List<CompiledTool> renamed = new ArrayList<>();
        for (var iterator = byName.entrySet().iterator(); iterator.hasNext(); ) {
            List<CompiledTool> same = iterator.next().getValue();
            boolean allDerived = same.stream()
                    .allMatch(tool -> tool.operation().operationId() == null
                            && tool.baseName().equals(ToolNamer.derivedName(tool.operation())));
            if (same.size() > 1 && allDerived) {
                iterator.remove();
                for (CompiledTool tool : same) {
                    CompiledTool copy = tool.withNaming(naming.named(tool.baseName() + "_"
                            + ToolNamer.shortHash(tool.operation().label())));
                    problems.warning(
                            tool.operation().pointer(),
                            "derived tool name '" + tool.name() + "' of "
                                    + tool.operation().label() + " is shared with another operation; named '"
                                    + copy.name()
                                    + "' (add a toolOverride for a nicer name)");
                    renamed.add(copy);
                }
            }
        }
        for (CompiledTool tool : renamed) {
            byName.computeIfAbsent(tool.name(), k -> new ArrayList<>()).add(tool);
        }
    }

    private static void reportCollision(String name, List<CompiledTool> same, ProblemCollector problems) {
        StringBuilder labels = new StringBuilder();
        for (CompiledTool tool : same) {
            if (labels.length() > 0) {
                labels.append(" and ");
            }
            labels.append(tool.operation().label())
                    .append(" (")
                    .append(tool.operation().pointer())
                    .append(')');
        }
        CompiledTool first = same.get(0);
        problems.error(
                first.operation().pointer(),
                "tool name '" + name + "' is used by " + labels
                        + "; add a toolOverride with a distinct name for one of them, for example <toolOverride><path>"
                        + same.get(1).operation().path() + "</path><method>"
                        + same.get(1).operation().method()
                        + "</method><name>...</name></toolOverride>");
    }
}
