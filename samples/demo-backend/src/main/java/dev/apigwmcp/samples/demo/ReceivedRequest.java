package dev.apigwmcp.samples.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A request as the demo backend received it, with lower-case header names. */
public record ReceivedRequest(
        String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body)
        implements SignedRequest {

    public ReceivedRequest {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
