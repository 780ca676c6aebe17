package dev.apigwmcp.samples.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks AWS Signature Version 4 on a received request, written from the published algorithm and sharing no code
 * with the AWS SDK: canonical request (URI path segments encoded a second time, sorted query, canonical headers,
 * hex SHA-256 of the body received), string to sign, HMAC-SHA256 key chain. The demo backend checks IAM routes with
 * it, and the runtime's tests check the gateway's signing with it, so the algorithm exists once, apart from the
 * AWS SDK signer it verifies.
 */
public final class SigV4Verifier {

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Map<String, String> secrets;
    private final String region;
    private final String service;
    private final Clock clock;

    /**
     * @param secrets access key id to secret access key
     */
    public SigV4Verifier(Map<String, String> secrets, String region, String service, Clock clock) {
        this.secrets = secrets;
        this.region = region;
        this.service = service;
        this.clock = clock;
    }

    /** Why the request's signature is not valid, or {@code null} when it is. */
    public String problem(SignedRequest request) {
        try {
            Authorization authorization = Authorization.parse(request.header("authorization"));
            String[] scope = authorization.scope();
            String secret = secrets.get(scope[0]);
            if (secret == null) {
                return "unknown access key " + scope[0];
            }
            if (!scope[2].equals(region) || !scope[3].equals(service)) {
                return "scope is for " + scope[2] + "/" + scope[3];
            }
            String amzDate = checkedDate(request, scope[1]);
            List<String> signed = List.of(authorization.signedHeaders().split(";"));
            if (!signed.contains("host") || !signed.contains("x-amz-date")) {
                return "host and x-amz-date must be signed";
            }
            if (request.header("x-amz-security-token") != null && !signed.contains("x-amz-security-token")) {
                return "x-amz-security-token is sent but not signed";
            }
            String canonicalRequest = canonicalRequest(request, signed, authorization.signedHeaders());
            String expected = signature(secret, amzDate, scope[1], canonicalRequest);
            return expected.equals(authorization.signature())
                    ? null
                    : "signature mismatch; canonical request was:\n" + canonicalRequest;
        } catch (Invalid e) {
            return e.getMessage();
        }
    }

    /** The X-Amz-Date, checked against the clock (5 minutes) and the credential scope's date. */
    private String checkedDate(SignedRequest request, String scopeDate) throws Invalid {
        String amzDate = request.header("x-amz-date");
        if (amzDate == null) {
            throw new Invalid("no X-Amz-Date header");
        }
        Instant signedAt;
        try {
            signedAt = Instant.from(AMZ_DATE.parse(amzDate));
        } catch (java.time.DateTimeException e) {
            throw new Invalid("X-Amz-Date " + amzDate + " is not yyyyMMddTHHmmssZ");
        }
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(Duration.ofMinutes(5)) > 0) {
            throw new Invalid("X-Amz-Date " + amzDate + " is too far from now");
        }
        if (!amzDate.startsWith(scopeDate)) {
            throw new Invalid("scope date " + scopeDate + " does not match X-Amz-Date");
        }
        return amzDate;
    }

    /** The canonical request as the received bytes give it (so a signature over anything else fails). */
    private static String canonicalRequest(SignedRequest request, List<String> signed, String signedHeaders)
            throws Invalid {
        String payloadHash = hex(sha256(request.body()));
        String declared = request.header("x-amz-content-sha256");
        if (declared != null && !declared.equals(payloadHash)) {
            throw new Invalid("x-amz-content-sha256 does not match the body received");
        }
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signed) {
            List<String> values = request.headers().get(name);
            if (values == null) {
                throw new Invalid("signed header " + name + " was not received");
            }
            List<String> trimmed = new ArrayList<>();
            values.forEach(v -> trimmed.add(v.trim().replaceAll(" +", " ")));
            canonicalHeaders
                    .append(name)
                    .append(':')
                    .append(String.join(",", trimmed))
                    .append('\n');
        }
        String canonicalQuery;
        try {
            canonicalQuery = canonicalQuery(request.rawQuery());
        } catch (NumberFormatException e) {
            throw new Invalid("malformed percent-encoding in the query");
        }
        return request.method() + "\n" + canonicalUri(request.rawPath()) + "\n" + canonicalQuery + "\n"
                + canonicalHeaders + "\n" + signedHeaders + "\n" + payloadHash;
    }

    /** The parts of an {@code AWS4-HMAC-SHA256} Authorization header. */
    private record Authorization(String credential, String signedHeaders, String signature) {

        static Authorization parse(String header) throws Invalid {
            if (header == null || !header.startsWith("AWS4-HMAC-SHA256 ")) {
                throw new Invalid("no AWS4-HMAC-SHA256 Authorization header");
            }
            String credential = null;
            String signedHeaders = null;
            String signature = null;
            for (String part : header.substring("AWS4-HMAC-SHA256 ".length()).split(",")) {
                String[] kv = part.trim().split("=", 2);
                if (kv.length != 2) {
                    throw new Invalid("malformed Authorization part " + kv[0]);
                }
                switch (kv[0]) {
                    case "Credential" -> credential = kv[1];
                    case "SignedHeaders" -> signedHeaders = kv[1];
                    case "Signature" -> signature = kv[1];
                    default -> throw new Invalid("unexpected Authorization part " + kv[0]);
                }
            }
            if (credential == null || signedHeaders == null || signature == null) {
                throw new Invalid("incomplete Authorization header");
            }
            return new Authorization(credential, signedHeaders, signature);
        }

        /** Access key, date, Region, service, {@code aws4_request}. */
        String[] scope() throws Invalid {
            String[] scope = credential.split("/");
            if (scope.length != 5 || !scope[4].equals("aws4_request")) {
                throw new Invalid("bad credential scope " + credential);
            }
            return scope;
        }
    }

    /** A request that fails verification, and why (a value, not an error: no stack trace is filled in). */
    private static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The signature for a canonical request (public so the verifier can be checked against AWS's example). */
    public String signature(String secret, String amzDate, String date, String canonicalRequest) {
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        return hex(hmac(key, stringToSign));
    }

    /** Each segment of the path as received (encoded once) is encoded again. */
    static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        String[] segments = rawPath.split("/", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                out.append('/');
            }
            out.append(encode(segments[i]));
        }
        return out.toString();
    }

    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            pairs.add(new String[] {encode(decode(kv[0])), encode(decode(kv.length > 1 ? kv[1] : ""))});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        List<String> joined = new ArrayList<>();
        pairs.forEach(p -> joined.add(p[0] + "=" + p[1]));
        return String.join("&", joined);
    }

    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    static String decode(String value) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length()) {
                out.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
