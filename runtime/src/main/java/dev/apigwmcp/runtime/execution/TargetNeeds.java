package dev.apigwmcp.runtime.execution;

import dev.apigwmcp.runtime.auth.AuthKind;
import dev.apigwmcp.runtime.spi.ToolRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one target needs before it starts, read from its bindings alone for {@code --help}: the credentials its
 * tools ask for and whether its export gives no host (then a base URL must be set).
 *
 * @param target      the target name
 * @param tools       how many tools it has
 * @param auth        the credential kinds its tools need
 * @param needsBaseUrl whether its export names no absolute server URL
 * @param regionKnown whether its export's execute-api URL gives the SigV4 Region
 */
record TargetNeeds(String target, int tools, Set<AuthKind> auth, boolean needsBaseUrl, boolean regionKnown) {

    private static final Pattern ABSOLUTE_URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");

    TargetNeeds {
        auth = Set.copyOf(auth);
    }

    /** The registry's needs; empty when its bindings cannot be read (the start then says why). */
    static Optional<TargetNeeds> of(ToolRegistry registry, JsonMapper json) {
        String path = registry.resourceFolder() + "bindings.json";
        try (InputStream in = registry.getClass().getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return Optional.empty();
            }
            TargetBindings bindings = new BindingsReader(path).read(json.readTree(in));
            Set<AuthKind> auth = EnumSet.noneOf(AuthKind.class);
            bindings.tools().forEach(tool -> auth.addAll(tool.auth()));
            String url = bindings.serverUrl();
            boolean noHost = url == null || !ABSOLUTE_URL.matcher(url.trim()).lookingAt();
            return Optional.of(new TargetNeeds(
                    registry.targetName(), bindings.tools().size(), auth, noHost, bindings.serverRegion() != null));
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
