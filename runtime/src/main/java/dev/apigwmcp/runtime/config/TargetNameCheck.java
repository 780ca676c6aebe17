package dev.apigwmcp.runtime.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Refuses per-target settings ({@code target.<target>.<key>}) for a target the gateway does not have: a typo in
 * the target's name would otherwise leave the real target without its setting and no word said.
 */
public final class TargetNameCheck {

    private static final String PREFIX = "target.";

    private TargetNameCheck() {}

    /**
     * Throws a {@link SettingsException} with one line per setting that names an unknown target, listing the
     * targets and suggesting the nearest one. Targets given through the environment are matched in their
     * upper-case form ({@link Settings#environmentTarget}), as {@link Settings#forTarget} looks them up.
     */
    public static void check(CommandLine commandLine, Collection<String> targets) {
        List<String> problems = new ArrayList<>();
        Map<String, String> byEnvironmentForm = new TreeMap<>();
        targets.forEach(target -> byEnvironmentForm.put(Settings.environmentTarget(target), target));
        for (String name : new TreeSet<>(commandLine.settings().values().keySet())) {
            int end = name.indexOf('.', PREFIX.length());
            if (!name.startsWith(PREFIX) || end < 0) {
                continue;
            }
            String target = name.substring(PREFIX.length(), end);
            if (targets.contains(target) || byEnvironmentForm.containsKey(target)) {
                continue;
            }
            SettingOrigin origin = commandLine
                    .origins()
                    .getOrDefault(name, new SettingOrigin(SettingOrigin.Source.COMMAND_LINE, "--" + name, null));
            problems.add(problem(name, target, end, origin, targets, byEnvironmentForm));
        }
        if (!problems.isEmpty()) {
            throw new SettingsException(problems);
        }
    }

    private static String problem(
            String name,
            String target,
            int end,
            SettingOrigin origin,
            Collection<String> targets,
            Map<String, String> byEnvironmentForm) {
        StringBuilder line = new StringBuilder(origin.describe())
                .append(" names target '")
                .append(target)
                .append("', which this gateway does not have");
        if (targets.isEmpty()) {
            return line.append(" (it has no targets)").toString();
        }
        line.append(" (its targets: ")
                .append(String.join(", ", new TreeSet<>(targets)))
                .append(')');
        // Compared in the environment form, so PETSTOR (a variable) and petstor (an option) both find petstore.
        Optional<String> nearest = NearestName.of(Settings.environmentTarget(target), byEnvironmentForm.keySet())
                .map(byEnvironmentForm::get);
        nearest.ifPresent(known -> line.append("; did you mean ")
                .append(origin.spell(PREFIX + known + name.substring(end)))
                .append('?'));
        return line.toString();
    }
}
