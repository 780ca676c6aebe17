package dev.apigwmcp.generator;

/**
 * An error or warning, located as precisely as the input allows.
 *
 * @param target  the target's name, or {@code null} for configuration-wide problems
 * @param file    the export's display name (never an absolute path), or {@code null}
 * @param pointer a JSON pointer into the export (for example {@code /paths/~1pets/get}), or a config location
 * @param message what is wrong and, where possible, how to fix it
 */
public record Problem(String target, String file, String pointer, String message) {

    /** One line: {@code file#pointer: message (target t)}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        if (file != null) {
            out.append(file);
        }
        if (pointer != null && !pointer.isEmpty()) {
            // In a file, a JSON pointer (file#/paths/...); in configuration, a location (toolFilters[1]).
            out.append(file == null ? "" : "#").append(pointer);
        }
        if (out.length() > 0) {
            out.append(": ");
        }
        // A place that already names the target (the POM's "target pets: <toolFilter> #2") is not followed by it.
        boolean named = pointer != null && file == null && pointer.startsWith("target " + target + ":");
        out.append(message);
        if (target != null && !named) {
            out.append(" (target ").append(target).append(')');
        }
        return out.toString();
    }
}
