package dev.apigwmcp.runtime.inbound;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which scopes a verified token needs, and which tools they allow. Every token must carry the required scopes;
 * when a write scope is set, a token without it sees and calls only the tools annotated read-only, and when a
 * read-only scope is set too, a token needs one of the two.
 *
 * @param required scopes every token must carry, in the order written
 * @param readOnly the scope that allows the read-only tools, or {@code null}
 * @param write    the scope that allows every tool, or {@code null} (then every token that passes sees every tool)
 */
record ScopePolicy(List<String> required, String readOnly, String write) {

    /** No scope asked for: every verified token sees every tool. */
    public static final ScopePolicy NONE = new ScopePolicy(List.of(), null, null);

    public ScopePolicy {
        required = List.copyOf(new LinkedHashSet<>(required));
        if (readOnly != null && write == null) {
            throw new IllegalArgumentException("a read-only scope needs a write scope");
        }
    }

    /** What a token with these scopes may do. */
    public sealed interface Access permits Allowed, Insufficient {}

    /** @param readOnlyTools whether only the tools annotated read-only are allowed */
    public record Allowed(boolean readOnlyTools) implements Access {}

    /** @param needed the scopes to ask for (the {@code scope} of the 403 challenge) */
    public record Insufficient(List<String> needed) implements Access {}

    public Access decide(Set<String> scopes) {
        boolean hasWrite = write != null && scopes.contains(write);
        boolean mayRead = readOnly == null || hasWrite || scopes.contains(readOnly);
        if (!scopes.containsAll(required) || !mayRead) {
            return new Insufficient(minimum());
        }
        return new Allowed(write != null && !hasWrite);
    }

    /** The scopes any access needs: the required ones and the read-only scope (empty when none is set). */
    public List<String> minimum() {
        List<String> scopes = new ArrayList<>(required);
        if (readOnly != null && !scopes.contains(readOnly)) {
            scopes.add(readOnly);
        }
        return List.copyOf(scopes);
    }

    /** Every scope this gateway knows, for the metadata's {@code scopes_supported}. */
    public List<String> supported() {
        Set<String> scopes = new LinkedHashSet<>(minimum());
        if (write != null) {
            scopes.add(write);
        }
        return List.copyOf(scopes);
    }

    /** Whether callers may see different tools (then {@code tools/list} results are private to each). */
    public boolean variesByCaller() {
        return write != null;
    }
}
