package dev.apigwmcp.runtime.auth;

import dev.apigwmcp.runtime.tools.Caller;
import dev.apigwmcp.runtime.upstream.HttpHeader;
import dev.apigwmcp.runtime.upstream.UpstreamRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Signs requests for API Gateway ({@code execute-api}) with the AWS SDK v2 {@link AwsV4HttpSigner}. It signs the
 * exact URI, headers and body bytes that are then sent, so it must run after every other authenticator. The only
 * class that touches AWS signer types; it is loaded only when some tool needs SigV4.
 */
final class SigV4Authenticator implements RequestAuthenticator {

    static final String SERVICE = "execute-api";

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final String region;
    private final AwsCredentialsSource credentials;

    SigV4Authenticator(String region, AwsCredentialsSource credentials) {
        this.region = Objects.requireNonNull(region, "region");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    @Override
    public UpstreamRequest authenticate(UpstreamRequest request, ToolAuth tool, Caller caller) {
        AwsKeys keys = credentials.resolve();
        AwsCredentialsIdentity identity = keys.sessionToken() == null
                ? AwsCredentialsIdentity.create(keys.accessKeyId(), keys.secretAccessKey())
                : AwsSessionCredentialsIdentity.create(keys.accessKeyId(), keys.secretAccessKey(), keys.sessionToken());
        SdkHttpRequest.Builder unsigned =
                SdkHttpRequest.builder().uri(request.uri()).method(method(request.method()));
        for (HttpHeader header : request.headers()) {
            unsigned.appendHeader(header.name(), header.value());
        }
        byte[] body = request.body() == null ? new byte[0] : request.body();
        SignedRequest signed = signer.sign(r -> r.identity(identity)
                .request(unsigned.build())
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        List<HttpHeader> headers = new ArrayList<>();
        signed.request().forEachHeader((name, values) -> {
            for (String value : values) {
                headers.add(new HttpHeader(name, value));
            }
        });
        return request.withHeaders(headers);
    }

    /** The SDK's method: {@code fromValue} streams over every method and upper-cases on each call. */
    private static SdkHttpMethod method(String method) {
        try {
            return SdkHttpMethod.valueOf(method);
        } catch (IllegalArgumentException e) {
            return SdkHttpMethod.fromValue(method);
        }
    }

    @Override
    public String toString() {
        return "SigV4Authenticator[" + SERVICE + ", " + region + "]";
    }
}
