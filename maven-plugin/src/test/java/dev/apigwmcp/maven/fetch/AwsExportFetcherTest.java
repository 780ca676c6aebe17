package dev.apigwmcp.maven.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Runs the real SDK client against a fake API Gateway endpoint on 127.0.0.1 and checks what it sends. */
class AwsExportFetcherTest {

    private static final String SECRET = "fakeSecretKeyThatMustNeverBeLogged";
    private static final AwsCredentialsProvider FAKE =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDFAKEEXAMPLE", SECRET));

    /** What the fake saw of one request. */
    record Seen(String method, String path, String query, String accept, String authorization) {}

    private HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String errorType;
    private volatile String body = "{\"openapi\":\"3.0.1\",\"info\":{\"title\":\"pets\"}}";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            seen.add(new Seen(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Accept"),
                    exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] bytes = (status == 200 ? body : "{\"message\":\"nope\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (errorType != null) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
            }
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ExportSource source() {
        return new ExportSource(
                "a1b2c3",
                "prod",
                "us-east-1",
                null,
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private byte[] fetch() throws FetchException {
        return new AwsExportFetcher(FAKE).fetch(source());
    }

    @Test
    void sendsASignedGetExportForOas30WithApigatewayExtensions() throws Exception {
        byte[] export = fetch();

        assertThat(new String(export, StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(seen).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/restapis/a1b2c3/stages/prod/exports/oas30");
            assertThat(request.query()).isEqualTo("extensions=apigateway");
            assertThat(request.accept()).isEqualTo("application/json");
            assertThat(request.authorization())
                    .startsWith("AWS4-HMAC-SHA256 Credential=AKIDFAKEEXAMPLE/")
                    .contains("/us-east-1/apigateway/aws4_request")
                    .contains("SignedHeaders=")
                    .contains("Signature=");
        });
    }

    @Test
    void notFoundNamesTheApiAndStage() {
        status = 404;
        errorType = "NotFoundException";

        assertThatThrownBy(this::fetch)
                .isInstanceOf(FetchException.class)
                .hasMessage("cannot fetch the export of restApiId a1b2c3, stage prod: API Gateway found no such REST"
                        + " API or stage (NotFound); check <restApiId>, <stage> and the region (us-east-1)");
    }

    @Test
    void accessDeniedSaysWhichPermissionIsNeededAndHidesTheSecret() {
        status = 403;
        errorType = "AccessDeniedException";

        assertThatThrownBy(this::fetch)
                .isInstanceOf(FetchException.class)
                .hasMessage("cannot fetch the export of restApiId a1b2c3, stage prod: access denied"
                        + " (AccessDeniedException); the credentials need apigateway:GET on"
                        + " /restapis/a1b2c3/stages/prod/exports/oas30")
                .message()
                .doesNotContain(SECRET);
    }

    @Test
    void throttlingIsReportedAfterTheSdkRetries() {
        status = 429;
        errorType = "TooManyRequestsException";

        assertThatThrownBy(this::fetch)
                .isInstanceOf(FetchException.class)
                .hasMessageEndingWith(
                        "API Gateway throttled the request (TooManyRequests) after retries; try again later");
        assertThat(seen).hasSizeGreaterThan(1);
    }

    @Test
    void unreachableEndpointIsOneLine() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ExportSource source = new ExportSource("a1b2c3", "prod", "us-east-1", null, "http://127.0.0.1:" + closedPort);

        assertThatThrownBy(() -> new AwsExportFetcher(FAKE).fetch(source))
                .isInstanceOf(FetchException.class)
                .hasMessage(
                        "cannot fetch the export of restApiId a1b2c3, stage prod: API Gateway endpoint http://127.0.0.1:"
                                + closedPort
                                + " is unreachable (the connection was refused); check the network, -o offline mode and"
                                + " <endpoint>");
    }

    @Test
    void missingCredentialsAreExplained() {
        AwsCredentialsProvider none = () -> {
            throw SdkClientException.create("Unable to load credentials from any of the providers in the chain");
        };

        assertThatThrownBy(() -> new AwsExportFetcher(none).fetch(source()))
                .isInstanceOf(FetchException.class)
                .hasMessage(
                        "cannot fetch the export of restApiId a1b2c3, stage prod: no AWS credentials found;"
                                + " configure the default chain (environment variables, ~/.aws/credentials, SSO) or set <profile>");
        assertThat(seen).isEmpty();
    }

    @Test
    void missingRegionIsExplained() {
        String message = AwsExportFetcher.describe(
                SdkClientException.create("Unable to load region from any of the providers in the chain"),
                new ExportSource("a", "b", null, null, null));

        assertThat(message)
                .isEqualTo("cannot fetch the export of restApiId a, stage b: no AWS region; set <region>"
                        + " on the target, AWS_REGION, or a region in the profile");
    }

    @Test
    void otherServiceErrorsNameStatusAndCode() {
        status = 400;
        errorType = "BadRequestException";

        assertThatThrownBy(this::fetch)
                .hasMessage("cannot fetch the export of restApiId a1b2c3, stage prod:"
                        + " API Gateway answered HTTP 400 (BadRequestException)");
    }
}
