package dev.apigwmcp.runtime.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems found while preparing to serve, each one line for the user, in the order found. A problem is either
 * a setting whose value is wrong (the user fixes what they wrote; exit status 2) or something the gateway needs that
 * is missing or unusable: a credential, a required setting, a generated resource (exit status 3).
 */
public final class StartupProblems {

    private final List<String> lines = new ArrayList<>();
    private boolean badSettings;

    /** A setting's value is malformed, out of range or contradicts another. */
    public void badSetting(String problem) {
        lines.add(problem);
        badSettings = true;
    }

    /** Something needed is missing or unusable: a credential, a required setting, a generated resource. */
    public void unavailable(String problem) {
        lines.add(problem);
    }

    /** Adds another collection's problems after these, each of the same kind as there. */
    public void addAll(StartupProblems other) {
        lines.addAll(other.lines);
        badSettings |= other.badSettings;
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** Whether any problem is a wrong setting (then the settings are to be fixed first). */
    public boolean hasBadSettings() {
        return badSettings;
    }

    /** Every problem, in the order found. */
    public List<String> lines() {
        return List.copyOf(lines);
    }
}
