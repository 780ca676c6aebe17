package dev.apigwmcp.samples.demo;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A request as a server received it: what {@link SigV4Verifier} needs to recompute a signature. */
public interface SignedRequest {

    String method();

    /** The path exactly as received (percent-encoded once by the client). */
    String rawPath();

    /** The query exactly as received, without {@code ?}; {@code null} when there is none. */
    String rawQuery();

    /** Header values by lower-case header name. */
    Map<String, List<String>> headers();

    byte[] body();

    /** The first value of a header (any case), or {@code null}. */
    default String header(String name) {
        List<String> values = headers().get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
