package dev.apigwmcp.samples.realexports;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request the local upstream received, tagged with the client call it answered, and how its signature checked.
 *
 * @param call      the client's call number announced before the request (0: none announced)
 * @param shape     the shape it was answered with
 * @param method    the HTTP method
 * @param rawPath   the path as received (percent-encoded once)
 * @param rawQuery  the query as received, {@code null} when none
 * @param headers   header values by lower-case name
 * @param body      the body received
 * @param signature the SigV4 check, {@code null} when the request carried no AWS4-HMAC-SHA256 Authorization
 */
record UpstreamExchange(
        int call,
        AnswerShape shape,
        String method,
        String rawPath,
        String rawQuery,
        Map<String, List<String>> headers,
        byte[] body,
        SignatureCheck signature) {

    UpstreamExchange {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    /**
     * The outcome of verifying a SigV4 signature with the demo backend's independent verifier.
     *
     * @param region  the Region of the signature's credential scope
     * @param problem why it is invalid, {@code null} when valid
     */
    record SignatureCheck(String region, String problem) {}

    @Override
    public byte[] body() {
        return body.clone();
    }

    String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
