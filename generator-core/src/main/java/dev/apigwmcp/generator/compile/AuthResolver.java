package dev.apigwmcp.generator.compile;

import dev.apigwmcp.generator.AuthMode;
import dev.apigwmcp.generator.TargetConfig;
import dev.apigwmcp.generator.model.ApiModel;
import dev.apigwmcp.generator.model.ApiOperation;
import dev.apigwmcp.generator.model.AuthKind;
import dev.apigwmcp.generator.model.SecurityRequirement;
import dev.apigwmcp.generator.model.SecurityScheme;
import dev.apigwmcp.generator.problem.ProblemCollector;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides the credentials an operation's upstream call needs, and where a bearer token goes
 * ({@link BearerTokenLocator}). In an API Gateway export every requirement object of a method applies together (a
 * method has one authorization type plus an "API key required" flag); in a plain OpenAPI document they are
 * alternatives and the first one the runtime can satisfy wins, except that one needing HTTP basic wins only when no
 * other can be satisfied: a user name and password are the credential a user is least likely to want to hand a
 * gateway, and documents that offer basic beside OAuth2 or a key were generated for the latter before basic was
 * supported.
 *
 * <p>An operation's {@code x-amazon-apigateway-auth} sets that one authorization type itself: {@code AWS_IAM} (any
 * case) is SigV4, {@code NONE} is open access, whatever authorizer its {@code security} (or the document's) names;
 * the API-key flag still comes from {@code security}. That is the extension's documented meaning ("the
 * authorization type to be applied for authorization of method invocations"), and what generators rely on when
 * they write {@code NONE} on methods that opt out of a document-wide authorizer. Other types are left out, like
 * every credential the runtime cannot provide.
 */
final class AuthResolver {

    private static final String SUPPORTED = " (supported: SigV4, API key, OAuth2 bearer, HTTP basic)";

    private final ApiModel model;
    private final AuthMode mode;
    private final String target;
    private final BearerTokenLocator tokens = new BearerTokenLocator();

    AuthResolver(ApiModel model, TargetConfig config) {
        this.model = model;
        this.mode = config.auth();
        this.target = config.name();
    }

    /** The credentials, or empty when the runtime cannot call the operation (a warning says why). */
    Optional<ToolAuth> resolve(ApiOperation operation, ProblemCollector problems) {
        Optional<ToolAuth> auth = credentials(operation, problems);
        if (auth.isPresent() && auth.get().token() != null) {
            problems.warning(
                    operation.pointer() + "/security",
                    operation.label() + " is protected by a Cognito,"
                            + " Lambda or OAuth2 authorizer: its tool calls need an OAuth2 client-credentials token at run"
                            + " time (settings target." + target + ".oauth2.*), sent in "
                            + auth.get().token().describe());
        }
        return auth;
    }

    private Optional<ToolAuth> credentials(ApiOperation operation, ProblemCollector problems) {
        switch (mode) {
            case IAM:
                return Optional.of(ToolAuth.of(AuthKind.SIGV4));
            case API_KEY:
                return Optional.of(ToolAuth.of(AuthKind.API_KEY));
            case BASIC:
                return Optional.of(ToolAuth.of(AuthKind.BASIC));
            case NONE:
                return Optional.of(ToolAuth.of());
            default:
                break;
        }
        if (operation.authorizationType() != null) {
            return fromAuthExtension(operation, problems);
        }
        List<SecurityRequirement> requirements = operation.security();
        if (requirements.isEmpty()) {
            return Optional.of(ToolAuth.of());
        }
        if (model.apiGatewayExport()) {
            List<SecurityScheme> all = new ArrayList<>();
            for (int i = 0; i < requirements.size(); i++) {
                Optional<List<SecurityScheme>> schemes = schemes(requirements.get(i), operation, i, problems);
                if (schemes.isEmpty()) {
                    return Optional.empty();
                }
                all.addAll(schemes.get());
            }
            return leftOutUnless(combine(all, operation, problems), operation, problems);
        }
        Outcome first = null;
        ToolAuth basic = null;
        for (int i = 0; i < requirements.size(); i++) {
            Optional<List<SecurityScheme>> schemes = schemes(requirements.get(i), operation, i, problems);
            if (schemes.isPresent()) {
                Outcome outcome = combine(schemes.get(), operation, problems);
                if (outcome.auth() != null && !outcome.auth().kinds().contains(AuthKind.BASIC)) {
                    return Optional.of(outcome.auth());
                }
                if (outcome.auth() != null) {
                    basic = basic == null ? outcome.auth() : basic;
                } else {
                    first = first == null ? outcome : first;
                }
            }
        }
        if (basic != null) {
            return Optional.of(basic);
        }
        if (first != null && requirements.size() == 1) {
            return leftOutUnless(first, operation, problems);
        }
        problems.warning(
                operation.pointer() + "/security",
                operation.label() + " is left out: none of its security requirements can be met by the runtime"
                        + SUPPORTED);
        return Optional.empty();
    }

    /** {@code x-amazon-apigateway-auth}: the method's authorization type, plus the API-key flag of its security. */
    private Optional<ToolAuth> fromAuthExtension(ApiOperation operation, ProblemCollector problems) {
        String pointer = operation.pointer() + "/x-amazon-apigateway-auth";
        String type = operation.authorizationType().trim().toUpperCase(Locale.ROOT);
        EnumSet<AuthKind> kinds = EnumSet.noneOf(AuthKind.class);
        switch (type) {
            case "AWS_IAM" -> kinds.add(AuthKind.SIGV4);
            case "NONE" -> {}
            default -> {
                problems.warning(
                        pointer,
                        operation.label() + " is left out: its x-amazon-apigateway-auth "
                                + (type.isEmpty()
                                        ? "names no type"
                                        : "type '" + operation.authorizationType() + "' is none"
                                                + " the runtime can satisfy")
                                + " (supported: AWS_IAM, NONE)");
                return Optional.empty();
            }
        }
        List<String> overridden = new ArrayList<>();
        List<SecurityRequirement> requirements = operation.security();
        for (int i = 0; i < requirements.size(); i++) {
            Optional<List<SecurityScheme>> schemes = schemes(requirements.get(i), operation, i, problems);
            if (schemes.isEmpty()) {
                return Optional.empty();
            }
            for (SecurityScheme scheme : schemes.get()) {
                if (scheme.kind() == AuthKind.API_KEY) {
                    kinds.add(AuthKind.API_KEY);
                } else if (!(scheme.kind() == AuthKind.SIGV4 && kinds.contains(AuthKind.SIGV4))) {
                    overridden.add("'" + scheme.name() + "'");
                }
            }
        }
        if (!overridden.isEmpty()) {
            problems.warning(
                    pointer,
                    operation.label() + ": x-amazon-apigateway-auth type "
                            + operation.authorizationType() + " is the method's authorization, so "
                            + (overridden.size() == 1 ? "security scheme " : "security schemes ")
                            + String.join(", ", overridden) + " of its security requirements "
                            + (overridden.size() == 1 ? "does" : "do") + " not apply (API Gateway gives a method one"
                            + " authorization type)");
        }
        return Optional.of(withoutAuthorizerKey(kinds, null));
    }

    /** The credentials of schemes that all apply together, or why the runtime cannot provide them. */
    private Outcome combine(List<SecurityScheme> schemes, ApiOperation operation, ProblemCollector problems) {
        EnumSet<AuthKind> kinds = EnumSet.noneOf(AuthKind.class);
        TokenLocation token = null;
        for (SecurityScheme scheme : schemes) {
            if (scheme.kind() == AuthKind.UNSUPPORTED) {
                return Outcome.not(
                        operation.pointer() + "/security",
                        "it needs a credential the runtime cannot provide" + SUPPORTED);
            }
            if (scheme.kind() == AuthKind.BEARER && tokens.checksBasicCredentials(scheme)) {
                noteBasicAuthorizer(scheme, problems);
                kinds.add(AuthKind.BASIC);
                continue;
            }
            if (scheme.kind() == AuthKind.BEARER) {
                BearerTokenLocator.Located located = tokens.locate(scheme);
                if (!located.found()) {
                    return Outcome.not(located.pointer(), located.reason());
                }
                if (located.reason() != null) {
                    problems.warning(located.pointer(), operation.label() + ": " + located.reason());
                }
                if (token != null && !token.sameAs(located.location())) {
                    return Outcome.not(
                            operation.pointer() + "/security",
                            "its authorizers want tokens in two"
                                    + " places (" + token.describe() + ", "
                                    + located.location().describe()
                                    + "), and the runtime sends one token");
                }
                token = located.location();
            }
            kinds.add(scheme.kind());
        }
        if (kinds.contains(AuthKind.SIGV4) && kinds.contains(AuthKind.BEARER)) {
            return Outcome.not(
                    operation.pointer() + "/security",
                    "it names both SigV4 and an authorizer, and an"
                            + " API Gateway method has one authorization type (both would need the Authorization header)");
        }
        String beside = kinds.contains(AuthKind.BASIC) ? besideBasic(schemes, kinds, token) : null;
        if (beside != null) {
            return Outcome.not(
                    operation.pointer() + "/security",
                    "it needs HTTP basic together with " + beside + ", and both would need the Authorization header");
        }
        return new Outcome(withoutAuthorizerKey(kinds, token), null, null);
    }

    /** Once per authorizer (the collector keeps one of equal notes), not once per method it protects. */
    private void noteBasicAuthorizer(SecurityScheme scheme, ProblemCollector problems) {
        problems.note(
                scheme.pointer() + "/x-amazon-apigateway-authorizer/identityValidationExpression",
                "Lambda authorizer '" + scheme.name() + "' accepts only HTTP basic credentials in the Authorization"
                        + " header (its identityValidationExpression '"
                        + scheme.authorizer().identityValidationExpression()
                        + "' matches 'Basic <base64>' and no bearer token), so the methods it protects are HTTP"
                        + " basic tools: set target." + target + ".basic-username-env or -file and"
                        + " target." + target + ".basic-password-env or -file");
    }

    /** The other credential of a basic operation that goes in the Authorization header too, or {@code null}. */
    private static String besideBasic(List<SecurityScheme> schemes, EnumSet<AuthKind> kinds, TokenLocation token) {
        if (kinds.contains(AuthKind.SIGV4)) {
            return "SigV4";
        }
        if (token != null && token.is("header", "Authorization")) {
            return "a bearer token in the Authorization header";
        }
        for (SecurityScheme scheme : schemes) {
            if (scheme.kind() == AuthKind.API_KEY
                    && (scheme.in() == null || scheme.in().equalsIgnoreCase("header"))
                    && "Authorization".equalsIgnoreCase(scheme.keyName())) {
                return "API key '" + scheme.name() + "' in the Authorization header";
            }
        }
        return null;
    }

    private ToolAuth withoutAuthorizerKey(EnumSet<AuthKind> kinds, TokenLocation token) {
        if ("AUTHORIZER".equalsIgnoreCase(model.apiKeySource())) {
            // The Lambda authorizer supplies the usage-plan key; the client sends none.
            kinds.remove(AuthKind.API_KEY);
        }
        return new ToolAuth(new ArrayList<>(kinds), token);
    }

    private static Optional<ToolAuth> leftOutUnless(
            Outcome outcome, ApiOperation operation, ProblemCollector problems) {
        if (outcome.auth() == null) {
            problems.warning(outcome.pointer(), operation.label() + " is left out: " + outcome.reason());
        }
        return Optional.ofNullable(outcome.auth());
    }

    private Optional<List<SecurityScheme>> schemes(
            SecurityRequirement requirement, ApiOperation operation, int index, ProblemCollector problems) {
        List<SecurityScheme> schemes = new ArrayList<>();
        for (String name : requirement.schemes()) {
            SecurityScheme scheme = model.securitySchemes().get(name);
            if (scheme == null) {
                problems.error(
                        operation.pointer() + "/security/" + index,
                        "security scheme '" + name + "' is not defined in components.securitySchemes");
                return Optional.empty();
            }
            schemes.add(scheme);
        }
        return Optional.of(schemes);
    }

    /** The credentials of a set of schemes, or where and why the runtime cannot provide them. */
    private record Outcome(ToolAuth auth, String pointer, String reason) {
        static Outcome not(String pointer, String reason) {
            return new Outcome(null, pointer, reason);
        }
    }
}
