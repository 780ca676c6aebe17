package dev.apigwmcp.generator.read;

import dev.apigwmcp.generator.model.AuthKind;
import dev.apigwmcp.generator.model.SecurityScheme;
import dev.apigwmcp.generator.problem.ProblemCollector;
import java.util.Map;
import java.util.TreeMap;

/**
 * API Gateway's "API key required" flag written as a requirement of {@code api_key} with no scheme defined for it
 * (AWS's own Swagger 2.0 samples do this): API Gateway's importer takes the name itself as the flag, so in a Swagger
 * 2.0 export, or an OpenAPI 3 document with API Gateway extensions, it is read as the usage-plan key in the
 * {@code x-api-key} header, with a warning. Any other undefined scheme stays an error.
 */
final class ApiKeyRequiredFlag {

    static final String NAME = "api_key";

    private String firstUse;
    private int uses;

    /** Notes a requirement object (at {@code pointer}) that names {@code schemes}. */
    void requirement(Iterable<String> schemes, String pointer) {
        for (String scheme : schemes) {
            if (NAME.equals(scheme)) {
                if (firstUse == null) {
                    firstUse = pointer;
                }
                uses++;
            }
        }
    }

    /** {@code declared} with the flag's scheme added when it is used but not declared (and a warning). */
    Map<String, SecurityScheme> apply(
            Map<String, SecurityScheme> declared, boolean swagger2, ProblemCollector problems) {
        if (uses == 0 || declared.containsKey(NAME)) {
            return declared;
        }
        Map<String, SecurityScheme> out = new TreeMap<>(declared);
        out.put(NAME, new SecurityScheme(NAME, AuthKind.API_KEY, "header", "x-api-key", null, null, firstUse));
        String scheme = "\"" + NAME + "\": {\"type\": \"apiKey\", \"name\": \"x-api-key\", \"in\": \"header\"}";
        problems.warning(
                firstUse,
                "security scheme '" + NAME + "' is not defined in "
                        + (swagger2 ? "securityDefinitions" : "components.securitySchemes") + "; read as API Gateway's"
                        + " API-key-required flag (the usage-plan key in header x-api-key) for the " + uses
                        + " requirement(s) that name it. Define it to say so: "
                        + (swagger2
                                ? "\"securityDefinitions\": {" + scheme + "}"
                                : "\"components\": {\"securitySchemes\": {" + scheme + "}}"));
        return out;
    }
}
