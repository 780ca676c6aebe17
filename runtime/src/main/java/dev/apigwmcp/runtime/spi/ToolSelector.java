package dev.apigwmcp.runtime.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which tools a {@link ToolInterceptor} runs for: by tool name (exact, or a pattern where {@code *} stands for any
 * run of characters), by target, or by an annotation hint; combined with {@link #and} and {@link #or}. Evaluated
 * once per tool, on its first call.
 */
public final class ToolSelector {

    private static final ToolSelector ALL = new ToolSelector("every tool", tool -> true);

    private final String description;
    private final Predicate<ToolInfo> test;

    private ToolSelector(String description, Predicate<ToolInfo> test) {
        this.description = description;
        this.test = test;
    }

    /** Every tool. */
    public static ToolSelector all() {
        return ALL;
    }

    /**
     * Tools whose name matches one of {@code patterns}: exactly, or with {@code *} standing for any run of characters
     * ({@code petstore___get*}, {@code *___delete*}); matching is case-sensitive, as tool names are.
     */
    public static ToolSelector tools(String... patterns) {
        List<Pattern> compiled = new ArrayList<>(patterns.length);
        for (String pattern : patterns) {
            compiled.add(glob(Objects.requireNonNull(pattern, "pattern")));
        }
        return new ToolSelector(
                "tools " + String.join(", ", patterns),
                tool -> compiled.stream().anyMatch(p -> p.matcher(tool.name()).matches()));
    }

    /** The tools of the named targets. */
    public static ToolSelector targets(String... targets) {
        List<String> names = List.of(targets);
        return new ToolSelector("targets " + String.join(", ", names), tool -> names.contains(tool.target()));
    }

    /**
     * Tools whose annotation hint {@code hint} ({@code readOnlyHint}, {@code destructiveHint},
     * {@code idempotentHint}, {@code openWorldHint}) is {@code value}, MCP's default counting where the catalog
     * lists none ({@link ToolInfo#hint}).
     */
    public static ToolSelector hint(String hint, boolean value) {
        Objects.requireNonNull(hint, "hint");
        return new ToolSelector(hint + " " + value, tool -> tool.hint(hint) == value);
    }

    /** Tools that may destroy data ({@link ToolInfo#destructive()}). */
    public static ToolSelector destructive() {
        return new ToolSelector("destructive tools", ToolInfo::destructive);
    }

    /** Tools that only read ({@link ToolInfo#readOnly()}). */
    public static ToolSelector readOnly() {
        return new ToolSelector("read-only tools", ToolInfo::readOnly);
    }

    /** The tools both select. */
    public ToolSelector and(ToolSelector other) {
        return new ToolSelector(
                "(" + description + ") and (" + other.description + ")",
                tool -> test.test(tool) && other.test.test(tool));
    }

    /** The tools either selects. */
    public ToolSelector or(ToolSelector other) {
        return new ToolSelector(
                "(" + description + ") or (" + other.description + ")",
                tool -> test.test(tool) || other.test.test(tool));
    }

    /** Whether this selector selects {@code tool}. */
    public boolean selects(ToolInfo tool) {
        return test.test(tool);
    }

    @Override
    public String toString() {
        return description;
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        int start = 0;
        for (int star = pattern.indexOf('*'); star >= 0; star = pattern.indexOf('*', start)) {
            regex.append(Pattern.quote(pattern.substring(start, star))).append(".*");
            start = star + 1;
        }
        regex.append(Pattern.quote(pattern.substring(start)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
