package dev.apigwmcp.generator.agentcore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.tools.Caller;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The import leaves out of forward-headers exactly what the gateway would refuse at start. */
class ForwardableHeadersTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Authorization",
                "Proxy-Authorization",
                "Cookie",
                "X-Api-Key",
                "X-Amz-Date",
                "X-Amz-Security-Token",
                "Proxy-Foo",
                "Mcp-Session-Id",
                "Sec-Fetch-Mode",
                "Host",
                "Content-Type",
                "Content-Length",
                "Content-Encoding",
                "Transfer-Encoding",
                "Connection",
                "Keep-Alive",
                "Upgrade",
                "TE",
                "Trailer",
                "Expect",
                "Accept-Encoding",
                "Origin",
                "Forwarded",
                "Via",
                "X-Tenant-Id",
                "X-Request-Id",
                "X-User-Id",
                "Accept-Language",
                "traceparent",
                "Content-Language"
            })
    void theImportAndTheGatewayAgreeOnEveryHeader(String header) {
        assertThat(MetadataSettings.neverForwarded(header)).isEqualTo(Caller.notForwardable(header) != null);
    }
}
