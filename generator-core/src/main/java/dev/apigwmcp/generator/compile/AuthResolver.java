package dev.apigwmcp.generator.compile;

import dev.apigwmcp.generator.AuthMode;
import dev.apigwmcp.generator.TargetConfig;
import dev.apigwmcp.generator.model.ApiModel;
import dev.apigwmcp.generator.model.ApiOperation;
import dev.apigwmcp.generator.model.AuthKind;
import dev.apigwmcp.generator.model.SecurityRequirement;
import dev.apigwmcp.generator.model.SecurityScheme;
import dev.apigwmcp.generator.read.ProblemCollector;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Decides the credentials an operation's upstream call needs. In an API Gateway export every requirement object
 * of a method applies together (a method has one authorization type plus an "API key required" flag); in a plain
 * OpenAPI document they are alternatives and the first one the runtime can satisfy wins.
 */
final class AuthResolver {

    private final ApiModel model;
    private final AuthMode mode;
    private final String target;

    AuthResolver(ApiModel model, TargetConfig config) {
        this.model = model;
        this.mode = config.auth();
        this.target = config.name();
    }

    /** The sorted credentials, or empty when the runtime cannot call the operation (a warning says why). */
    Optional<List<AuthKind>> resolve(ApiOperation operation, ProblemCollector problems) {
        Optional<List<AuthKind>> auth = credentials(operation, problems);
        if (auth.isPresent() && auth.get().contains(AuthKind.BEARER)) {
            problems.warning(operation.pointer() + "/security", operation.label() + " is protected by a Cognito,"
                    + " Lambda or OAuth2 authorizer: its tool calls need an OAuth2 client-credentials token at run"
                    + " time (settings target." + target + ".oauth2.*)");
        }
        return auth;
    }

    private Optional<List<AuthKind>> credentials(ApiOperation operation, ProblemCollector problems) {
        switch (mode) {
            case IAM:
                return Optional.of(List.of(AuthKind.SIGV4));
            case API_KEY:
                return Optional.of(List.of(AuthKind.API_KEY));
            case NONE:
                return Optional.of(List.of());
            default:
                break;
        }
        List<SecurityRequirement> requirements = operation.security();
        if (requirements.isEmpty()) {
            return Optional.of(List.of());
        }
        if (model.apiGatewayExport()) {
            EnumSet<AuthKind> all = EnumSet.noneOf(AuthKind.class);
            for (int i = 0; i < requirements.size(); i++) {
                Optional<EnumSet<AuthKind>> kinds = kinds(requirements.get(i), operation, i, problems);
                if (kinds.isEmpty()) {
                    return Optional.empty();
                }
                all.addAll(kinds.get());
            }
            return finish(all, operation, problems);
        }
        for (int i = 0; i < requirements.size(); i++) {
            Optional<EnumSet<AuthKind>> kinds = kinds(requirements.get(i), operation, i, problems);
            if (kinds.isPresent() && !kinds.get().contains(AuthKind.UNSUPPORTED)) {
                return finish(kinds.get(), operation, problems);
            }
        }
        problems.warning(operation.pointer() + "/security", operation.label()
                + " is left out: none of its security requirements can be met by the runtime"
                + " (supported: SigV4, API key, OAuth2 bearer)");
        return Optional.empty();
    }

    private Optional<List<AuthKind>> finish(EnumSet<AuthKind> kinds, ApiOperation operation,
            ProblemCollector problems) {
        if (kinds.contains(AuthKind.UNSUPPORTED)) {
            problems.warning(operation.pointer() + "/security", operation.label()
                    + " is left out: it needs a credential the runtime cannot provide"
                    + " (supported: SigV4, API key, OAuth2 bearer)");
            return Optional.empty();
        }
        if ("AUTHORIZER".equalsIgnoreCase(model.apiKeySource())) {
            // The Lambda authorizer supplies the usage-plan key; the client sends none.
            kinds.remove(AuthKind.API_KEY);
        }
        return Optional.of(new ArrayList<>(kinds));
    }

    private Optional<EnumSet<AuthKind>> kinds(SecurityRequirement requirement, ApiOperation operation, int index,
            ProblemCollector problems) {
        EnumSet<AuthKind> kinds = EnumSet.noneOf(AuthKind.class);
        for (String name : requirement.schemes()) {
            SecurityScheme scheme = model.securitySchemes().get(name);
            if (scheme == null) {
                problems.error(operation.pointer() + "/security/" + index, "security scheme '" + name
                        + "' is not defined in components.securitySchemes");
                return Optional.empty();
            }
            kinds.add(scheme.kind());
        }
        return Optional.of(kinds);
    }
}
