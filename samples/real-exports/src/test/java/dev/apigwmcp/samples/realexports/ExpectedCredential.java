package dev.apigwmcp.samples.realexports;

import java.util.regex.Pattern;

/** A credential an export says a method needs, as API Gateway would check it. */
sealed interface ExpectedCredential {

    /** IAM authorization: a valid SigV4 signature for service {@code execute-api} in the target's Region. */
    record SigV4() implements ExpectedCredential {
        @Override
        public String toString() {
            return "SigV4";
        }
    }

    /** The method's "API key required" flag: API Gateway reads the key from header {@code x-api-key}. */
    record ApiKey() implements ExpectedCredential {
        static final String HEADER = "x-api-key";

        @Override
        public String toString() {
            return "API key in header " + HEADER;
        }
    }

    /**
     * A token an authorizer reads (Cognito user pool, Lambda TOKEN or REQUEST authorizer, JWT), at one place.
     *
     * @param in         {@code header} or {@code query}
     * @param name       the header or query parameter name
     * @param form       which values the authorizer accepts around the token
     * @param validation the authorizer's {@code identityValidationExpression}, or {@code null}
     */
    record Token(String in, String name, TokenForm form, Pattern validation) implements ExpectedCredential {
        static Token header(String name, TokenForm form) {
            return new Token("header", name, form, null);
        }

        static Token header(String name, TokenForm form, String validation) {
            return new Token("header", name, form, Pattern.compile(validation));
        }

        @Override
        public String toString() {
            return "token in " + in + " " + name + " (" + form.description
                    + (validation == null ? "" : ", matching " + validation.pattern()) + ")";
        }
    }

    /** How the token may be written. */
    enum TokenForm {
        /** Only the token itself: the authorizer matches the whole value. */
        RAW("the token alone"),
        /** The token, with or without {@code Bearer } before it: the export does not say which its reader wants. */
        RAW_OR_BEARER("the token, 'Bearer ' optional");

        final String description;

        TokenForm(String description) {
            this.description = description;
        }

        boolean accepts(String value, String token) {
            return value.equals(token) || (this == RAW_OR_BEARER && value.equals("Bearer " + token));
        }
    }
}
