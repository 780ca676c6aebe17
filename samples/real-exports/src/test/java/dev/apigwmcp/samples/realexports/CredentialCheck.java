package dev.apigwmcp.samples.realexports;

import dev.apigwmcp.samples.realexports.ExpectedCredential.ApiKey;
import dev.apigwmcp.samples.realexports.ExpectedCredential.SigV4;
import dev.apigwmcp.samples.realexports.ExpectedCredential.Token;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks the credentials of one upstream request as API Gateway would for the method: each credential the export
 * asks for is there, where the method's authorizer reads it, and valid; and no credential is sent that the export
 * does not ask for (a SigV4 signature, this target's key or token elsewhere, any other target's, any client secret).
 * Messages never quote a credential: they name it ({@code <token>}, {@code <key>}).
 *
 * @param target        this target's credentials
 * @param others        every other target's credentials
 * @param signingRegion the Region the export's IAM methods must be signed in, or {@code null}
 */
record CredentialCheck(TargetCredentials target, List<TargetCredentials> others, String signingRegion) {

    CredentialCheck {
        others = List.copyOf(others);
    }

    /** What is wrong with the request's credentials; empty when they are exactly what the export asks for. */
    List<String> problems(UpstreamExchange exchange, List<ExpectedCredential> expected) {
        List<String> problems = new ArrayList<>();
        boolean wantsSigV4 = false;
        boolean wantsKey = false;
        Token token = null;
        for (ExpectedCredential credential : expected) {
            if (credential instanceof SigV4) {
                wantsSigV4 = true;
                problems.addAll(signature(exchange));
            } else if (credential instanceof ApiKey) {
                wantsKey = true;
                String value = exchange.header(ApiKey.HEADER);
                if (value == null) {
                    problems.add("no API key in header " + ApiKey.HEADER + " (the export requires the key)");
                } else if (!value.equals(target.apiKey())) {
                    problems.add("header " + ApiKey.HEADER + " holds " + redact(value) + ", not this target's key");
                }
            } else if (credential instanceof Token wanted) {
                token = wanted;
                problems.addAll(token(exchange, wanted));
            }
        }
        if (!wantsSigV4 && exchange.signature() != null) {
            problems.add("SigV4-signed, but the export asks for no IAM authorization");
        }
        for (String place : places(exchange, target.apiKey())) {
            if (!(wantsKey && place.equals("header " + ApiKey.HEADER))) {
                problems.add("this target's API key is sent in " + place
                        + (wantsKey ? " besides header " + ApiKey.HEADER : ", but the export requires no key"));
            }
        }
        String tokenPlace =
                token == null ? null : token.in() + " " + token.name().toLowerCase(Locale.ROOT);
        for (String place : places(exchange, target.token())) {
            if (!place.equals(tokenPlace)) {
                problems.add("this target's token is sent in " + place
                        + (token == null
                                ? ", but the export names no authorizer"
                                : ", not (only) where the authorizer reads it (" + token + ")"));
            }
        }
        for (TargetCredentials other : others) {
            for (String place : places(exchange, other.apiKey())) {
                problems.add("target '" + other.target() + "''s API key is sent in " + place);
            }
            for (String place : places(exchange, other.token())) {
                problems.add("target '" + other.target() + "''s token is sent in " + place);
            }
            for (String place : places(exchange, other.clientSecret())) {
                problems.add("target '" + other.target() + "''s OAuth2 client secret is sent in " + place);
            }
        }
        for (String place : places(exchange, target.clientSecret())) {
            problems.add("the OAuth2 client secret is sent in " + place);
        }
        return problems;
    }

    private List<String> signature(UpstreamExchange exchange) {
        UpstreamExchange.SignatureCheck check = exchange.signature();
        if (check == null) {
            return List.of("not SigV4-signed, but the export asks for IAM authorization");
        }
        List<String> problems = new ArrayList<>();
        if (check.problem() != null) {
            problems.add("SigV4 signature invalid: "
                    + check.problem().lines().findFirst().orElse(""));
        }
        if (signingRegion != null && !signingRegion.equals(check.region())) {
            problems.add("SigV4 signature scoped to Region " + check.region() + ", expected " + signingRegion);
        }
        return problems;
    }

    private List<String> token(UpstreamExchange exchange, Token wanted) {
        String value = wanted.in().equals("header")
                ? exchange.header(wanted.name())
                : query(exchange.rawQuery()).get(wanted.name());
        if (value == null) {
            return List.of("no token in " + wanted.in() + " " + wanted.name() + " (expected " + wanted + ")");
        }
        List<String> problems = new ArrayList<>();
        if (!wanted.form().accepts(value, target.token())) {
            problems.add(wanted.in() + " " + wanted.name() + " holds " + redact(value) + " (expected " + wanted + ")");
        }
        if (wanted.validation() != null && !wanted.validation().matcher(value).find()) {
            problems.add(wanted.in() + " " + wanted.name() + " value " + redact(value)
                    + " does not match the authorizer's identityValidationExpression "
                    + wanted.validation().pattern());
        }
        return problems;
    }

    /** Where {@code secret} occurs in the request's headers and query ({@code "header name"}, {@code "query name"}). */
    private static List<String> places(UpstreamExchange exchange, String secret) {
        List<String> places = new ArrayList<>();
        exchange.headers().forEach((name, values) -> {
            if (values.stream().anyMatch(value -> value.contains(secret))) {
                places.add("header " + name);
            }
        });
        query(exchange.rawQuery()).forEach((name, value) -> {
            if (value.contains(secret) || name.contains(secret)) {
                places.add("query " + name);
            }
        });
        return places;
    }

    /** The first value of each query parameter, decoded. */
    private static Map<String, String> query(String rawQuery) {
        Map<String, String> first = new TreeMap<>();
        queryValues(rawQuery).forEach((name, values) -> first.put(name, values.get(0)));
        return first;
    }

    /** Every value of each query parameter, decoded (form encoding: {@code +} is a space). */
    static Map<String, List<String>> queryValues(String rawQuery) {
        Map<String, List<String>> pairs = new TreeMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return pairs;
        }
        for (String pair : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            String name;
            String value;
            try {
                name = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
                value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
            } catch (IllegalArgumentException e) {
                name = kv[0];
                value = kv.length > 1 ? kv[1] : "";
            }
            pairs.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return pairs;
    }

    /** A credential value described without quoting it. */
    private String redact(String value) {
        String shown = value.replace(target.token(), "<token>").replace(target.apiKey(), "<key>");
        for (TargetCredentials other : others) {
            shown = shown.replace(other.token(), "<token of " + other.target() + ">")
                    .replace(other.apiKey(), "<key of " + other.target() + ">");
        }
        if (shown.equals(value) && value.length() > 12) {
            shown = value.substring(0, 8) + "...";
        }
        return "'" + shown + "'";
    }
}
