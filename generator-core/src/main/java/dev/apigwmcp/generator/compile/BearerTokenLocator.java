package dev.apigwmcp.generator.compile;

import dev.apigwmcp.generator.model.Authorizer;
import dev.apigwmcp.generator.model.SecurityScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Decides where a bearer scheme's token goes: which header or query parameter, and whether it is sent as
 * {@code Bearer <token>} or as the raw token.
 *
 * <ul>
 *   <li>No API Gateway authorizer (OpenAPI {@code oauth2}, {@code openIdConnect}, {@code http bearer}): header
 *       {@code Authorization}, {@code Bearer } prefix (RFC 6750).</li>
 *   <li>Cognito user-pool authorizer: the header the scheme names ({@code name}, {@code in: header}), the raw
 *       token: API Gateway's guide has the client put the token itself in the Authorization header "or another
 *       header you specified".</li>
 *   <li>TOKEN Lambda authorizer: the header the scheme names. Its {@code identityValidationExpression} decides
 *       the form: {@code Bearer } when the expression can match {@code Bearer <JWT>}, raw when it can match a raw
 *       JWT; when it can match neither, the tokens are a custom format the user's token endpoint issues: the form
 *       the expression can start with, and a warning that the tokens must match it. An authorizer that reads the
 *       {@code Authorization} header and can match {@code Basic <base64>} but no JWT checks HTTP basic
 *       credentials and takes no token at all ({@link #checksBasicCredentials}).</li>
 *   <li>REQUEST Lambda and JWT authorizers: their {@code identitySource}. Context variables and stage variables
 *       are filled in by API Gateway, not sent; more than one header or query parameter needs more than the one
 *       token the runtime has (left out); only API-Gateway-filled values say nothing about where a client's token
 *       goes (left out). Without an identity source: the scheme's own {@code in} and {@code name}, else the
 *       {@code Authorization} header.</li>
 * </ul>
 * Where nothing above decides the form: {@code Bearer } in the {@code Authorization} header, the raw token in any
 * other header or in the query (RFC 6750 puts the prefix in that header only).
 *
 * <p>"Can match" means the expression finds a match in at least one JWT-shaped sample (alphanumeric segments, and
 * segments with base64url's {@code -} and {@code _}), with or without the prefix. A find rather than a whole-string
 * match: the exact token is not known at build time, and an expression that works for its API accepts real tokens
 * either way.
 */
final class BearerTokenLocator {

    private static final String AUTHORIZATION = "Authorization";
    private static final String AUTHORIZER_MEMBER = "/x-amazon-apigateway-authorizer";
    /** JWT-shaped tokens (header.payload.signature, base64url): what a client-credentials flow returns. */
    private static final List<String> JWT_SAMPLES = List.of(
            "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjbGllbnQiLCJzY29wZSI6InJlYWQifQ.c2lnbmF0dXJlMDEy",
            "eyJraWQiOiJrLTFfYSIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiI3ZjNhIiwiZXhwIjoxNzAwMDAwMDAwfQ.Zm9v-YmFy_YmF6LXF1");

    /**
     * HTTP basic credentials as the runtime sends them and a Lambda authorizer that checks them sees them: base64
     * without padding, with {@code ==}, and with {@code +} (the pairs {@code aladdin:opensesame},
     * {@code Aladdin:open sesame}, {@code svc-user:s3cret!?>~}).
     */
    private static final List<String> BASIC_SAMPLES =
            List.of("YWxhZGRpbjpvcGVuc2VzYW1l", "QWxhZGRpbjpvcGVuIHNlc2FtZQ==", "c3ZjLXVzZXI6czNjcmV0IT8+fg==");
    /** The auth-scheme as RFC 7617 spells it and the runtime sends it. */
    private static final String BASIC = "Basic ";
    /** Spellings of the case-insensitive auth-scheme other than the runtime's. */
    private static final List<String> OTHER_BASIC_SPELLINGS = List.of("basic ", "BASIC ");

    /**
     * Whether {@code scheme} (a {@code BEARER} scheme) is a TOKEN Lambda authorizer that checks HTTP basic
     * credentials: it reads the {@code Authorization} header, and its {@code identityValidationExpression} can match
     * {@code Basic <base64>} as the runtime writes it but neither a bearer nor a raw JWT. API Gateway passes such a
     * header to the authorizer only when it matches, so the method's clients send HTTP basic, not a token.
     */
    boolean checksBasicCredentials(SecurityScheme scheme) {
        if (!"token".equals(authorizerType(scheme))) {
            return false;
        }
        Located header = schemeHeader(scheme, "TOKEN Lambda authorizer");
        Pattern pattern = validation(scheme);
        return header.found()
                && header.location().is("header", AUTHORIZATION)
                && pattern != null
                && matchesASample(pattern, BASIC, BASIC_SAMPLES)
                && !matchesASample(pattern, TokenLocation.BEARER, JWT_SAMPLES)
                && !matchesASample(pattern, "", JWT_SAMPLES);
    }

    /** The scheme's identityValidationExpression, or {@code null} when it has none or none that compiles. */
    private static Pattern validation(SecurityScheme scheme) {
        String expression =
                scheme.authorizer() == null ? null : scheme.authorizer().identityValidationExpression();
        try {
            return expression == null ? null : Pattern.compile(expression);
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    /** Where the token of {@code scheme} (a {@code BEARER} scheme) goes, or why no token can satisfy it. */
    Located locate(SecurityScheme scheme) {
        String type = authorizerType(scheme);
        if (type == null) {
            return Located.at(TokenLocation.header(AUTHORIZATION, TokenLocation.BEARER));
        }
        return switch (type) {
            case "cognito_user_pools" ->
                schemeHeader(scheme, "Cognito user-pool authorizer")
                        .map(header -> TokenLocation.header(header.name(), ""));
            case "token" -> schemeHeader(scheme, "TOKEN Lambda authorizer").then(header -> tokenForm(scheme, header));
            case "request", "jwt" -> identitySource(scheme);
            default ->
                Located.not(
                        scheme.pointer() + AUTHORIZER_MEMBER + "/type",
                        "its authorizer '"
                                + scheme.name() + "' has the type '" + type + "', which is none of token, request,"
                                + " cognito_user_pools, jwt");
        };
    }

    /** The authorizer's type in lower case; from {@code x-amazon-apigateway-authtype} when it states none. */
    private static String authorizerType(SecurityScheme scheme) {
        Authorizer authorizer = scheme.authorizer();
        if (authorizer != null && authorizer.type() != null) {
            return authorizer.type().trim().toLowerCase(Locale.ROOT);
        }
        if (scheme.authType() == null) {
            return authorizer == null ? null : "token";
        }
        return switch (scheme.authType().trim().toLowerCase(Locale.ROOT)) {
            case "cognito_user_pools" -> "cognito_user_pools";
            case "jwt" -> "jwt";
            default -> "token"; // custom, oauth2: API Gateway's Lambda authorizers are TOKEN unless they say otherwise
        };
    }

    /** TOKEN and Cognito authorizers read the header the scheme names. */
    private static Located schemeHeader(SecurityScheme scheme, String what) {
        if (scheme.in() != null && !scheme.in().equalsIgnoreCase("header")) {
            return Located.not(
                    scheme.pointer() + "/in",
                    "its " + what + " '" + scheme.name() + "' is declared" + " 'in: " + scheme.in()
                            + "', but API Gateway reads such a token from a header only");
        }
        String name = scheme.keyName();
        if (name == null || name.isBlank()) {
            // A scheme without a name (an oauth2-typed one, say): the authorizer's one header source, if it has one.
            String source =
                    scheme.authorizer() == null ? null : scheme.authorizer().identitySource();
            Source parsed = source == null || source.contains(",") ? null : Source.parse(source.trim());
            name = parsed != null && "header".equals(parsed.in()) ? parsed.name() : AUTHORIZATION;
        }
        return Located.at(TokenLocation.header(name, defaultPrefix("header", name)));
    }

    private static Located tokenForm(SecurityScheme scheme, TokenLocation header) {
        String expression =
                scheme.authorizer() == null ? null : scheme.authorizer().identityValidationExpression();
        if (expression == null) {
            return Located.at(header);
        }
        String pointer = scheme.pointer() + AUTHORIZER_MEMBER + "/identityValidationExpression";
        Pattern pattern;
        try {
            pattern = Pattern.compile(expression);
        } catch (PatternSyntaxException e) {
            return Located.not(
                    pointer,
                    "the identityValidationExpression '" + expression + "' of its Lambda"
                            + " authorizer '" + scheme.name() + "' is not a valid regular expression ("
                            + e.getDescription()
                            + "), so which token form it accepts is unknown");
        }
        boolean bearer = matchesASample(pattern, TokenLocation.BEARER, JWT_SAMPLES);
        boolean raw = matchesASample(pattern, "", JWT_SAMPLES);
        if (bearer && raw) {
            return Located.at(header);
        }
        if (bearer || raw) {
            return Located.at(TokenLocation.header(header.name(), bearer ? TokenLocation.BEARER : ""));
        }
        // A custom token format (the token endpoint is the user's, its tokens need not be JWTs): send the form the
        // expression can start with, and say that the tokens must match it.
        String prefix = canStartWith(pattern, TokenLocation.BEARER) ? TokenLocation.BEARER : "";
        return Located.at(TokenLocation.header(header.name(), prefix))
                .warning(
                        pointer,
                        "its Lambda authorizer '"
                                + scheme.name() + "' accepts only tokens that match identityValidationExpression '"
                                + expression
                                + "', which a JWT does not: the token is sent "
                                + (prefix.isEmpty() ? "raw" : "as 'Bearer <token>'")
                                + " in header " + header.name()
                                + ", and the configured token endpoint must issue tokens that match"
                                + " it (API Gateway answers 401 otherwise)"
                                + basicNote(pattern, header));
    }

    /**
     * Why an expression that looks like it checks HTTP basic credentials did not make the method an HTTP basic one
     * ({@link #checksBasicCredentials}), or {@code ""}.
     */
    private static String basicNote(Pattern pattern, TokenLocation header) {
        if (matchesASample(pattern, BASIC, BASIC_SAMPLES)) {
            return header.is("header", AUTHORIZATION)
                    ? ""
                    : "; it matches HTTP basic credentials ('Basic <base64>'), but in header " + header.name()
                            + ", and HTTP basic credentials go in the Authorization header";
        }
        for (String spelling : OTHER_BASIC_SPELLINGS) {
            if (matchesASample(pattern, spelling, BASIC_SAMPLES)) {
                return "; it matches HTTP basic credentials only spelled '" + spelling + "<base64>', and the runtime's"
                        + " HTTP basic sends 'Basic <base64>' (RFC 7617's spelling), which the expression rejects";
            }
        }
        return "";
    }

    /** Whether a match can begin with {@code text} (found in it, or the text ran out while matching). */
    private static boolean canStartWith(Pattern pattern, String text) {
        var matcher = pattern.matcher(text);
        return matcher.find() || matcher.hitEnd();
    }

    private static boolean matchesASample(Pattern pattern, String prefix, List<String> samples) {
        for (String sample : samples) {
            if (pattern.matcher(prefix + sample).find()) {
                return true;
            }
        }
        return false;
    }

    private static Located identitySource(SecurityScheme scheme) {
        String pointer = scheme.pointer() + AUTHORIZER_MEMBER + "/identitySource";
        String declared =
                scheme.authorizer() == null ? null : scheme.authorizer().identitySource();
        List<TokenLocation> sent = new ArrayList<>();
        List<String> filledIn = new ArrayList<>();
        for (String part : declared == null ? new String[0] : declared.split(",")) {
            String source = part.trim();
            if (source.isEmpty()) {
                continue;
            }
            Source parsed = Source.parse(source);
            if (parsed == null) {
                return Located.not(
                        pointer,
                        "its authorizer '" + scheme.name() + "' reads the identity source '" + source
                                + "', which is neither a header nor a query parameter a client can send");
            }
            if (parsed.in() == null) {
                filledIn.add(source);
            } else if (sent.stream().noneMatch(l -> l.is(parsed.in(), parsed.name()))) {
                sent.add(new TokenLocation(parsed.in(), parsed.name(), defaultPrefix(parsed.in(), parsed.name())));
            }
        }
        if (sent.size() > 1) {
            List<String> places =
                    sent.stream().map(l -> l.in() + " `" + l.name() + "`").toList();
            return Located.not(
                    pointer,
                    "its authorizer '" + scheme.name() + "' needs several identity sources ("
                            + String.join(", ", places) + "), and the runtime sends one token");
        }
        if (sent.size() == 1) {
            return Located.at(sent.get(0));
        }
        if (!filledIn.isEmpty()) {
            return Located.not(
                    pointer,
                    "the identity sources of its authorizer '" + scheme.name() + "' ("
                            + String.join(", ", filledIn) + ") are values API Gateway fills in, which say nothing about"
                            + " where a client's token goes");
        }
        if (scheme.keyName() != null
                && !scheme.keyName().isBlank()
                && ("query".equalsIgnoreCase(scheme.in()) || "header".equalsIgnoreCase(scheme.in()))) {
            String in = scheme.in().toLowerCase(Locale.ROOT);
            return Located.at(new TokenLocation(in, scheme.keyName(), defaultPrefix(in, scheme.keyName())));
        }
        return Located.at(TokenLocation.header(AUTHORIZATION, TokenLocation.BEARER));
    }

    private static String defaultPrefix(String in, String name) {
        return in.equals("header") && name.equalsIgnoreCase(AUTHORIZATION) ? TokenLocation.BEARER : "";
    }

    /**
     * One identity source: {@code in} {@code header} or {@code query} with the name, or {@code in} {@code null} for
     * a value API Gateway fills in (a context or stage variable).
     */
    private record Source(String in, String name) {

        private static final List<String> HEADER =
                List.of("method.request.header.", "method.request.multivalueheader.", "$request.header.");
        private static final List<String> QUERY = List.of(
                "method.request.querystring.", "method.request.multivaluequerystring.", "$request.querystring.");
        private static final List<String> FILLED_IN =
                List.of("context.", "$context.", "stageVariables.", "$stageVariables.");

        /** {@code null} when the expression is none of those. */
        static Source parse(String expression) {
            for (String prefix : HEADER) {
                if (expression.startsWith(prefix) && expression.length() > prefix.length()) {
                    return new Source("header", expression.substring(prefix.length()));
                }
            }
            for (String prefix : QUERY) {
                if (expression.startsWith(prefix) && expression.length() > prefix.length()) {
                    return new Source("query", expression.substring(prefix.length()));
                }
            }
            for (String prefix : FILLED_IN) {
                if (expression.startsWith(prefix)) {
                    return new Source(null, expression);
                }
            }
            return null;
        }
    }

    /**
     * Where the token goes, or, when no token can satisfy the scheme, the place in the export that says why and the
     * reason (completing "the operation is left out: ..."). A found location may carry a note for the user too.
     */
    record Located(TokenLocation location, String pointer, String reason) {

        static Located at(TokenLocation location) {
            return new Located(location, null, null);
        }

        static Located not(String pointer, String reason) {
            return new Located(null, pointer, reason);
        }

        boolean found() {
            return location != null;
        }

        /** Found, with something the user must know (located at {@code at}). */
        Located warning(String at, String note) {
            return new Located(location, at, note);
        }

        Located map(UnaryOperator<TokenLocation> change) {
            return found() ? at(change.apply(location)) : this;
        }

        Located then(Function<TokenLocation, Located> next) {
            return found() ? next.apply(location) : this;
        }
    }
}
