package dev.apigwmcp.maven.fetch;

import dev.apigwmcp.generator.problem.FailureReason;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.ApiGatewayClientBuilder;
import software.amazon.awssdk.services.apigateway.model.GetExportRequest;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.TooManyRequestsException;
import software.amazon.awssdk.services.apigateway.model.UnauthorizedException;

/**
 * Fetches exports with the AWS SDK v2 API Gateway client: {@code GetExport} with {@code exportType=oas30},
 * {@code extensions=apigateway} and {@code Accept: application/json}. Credentials and region come from the SDK's
 * default chains unless the source names a profile or region. Only this class touches AWS types, and it is only
 * loaded when a snapshot has to be fetched.
 */
public final class AwsExportFetcher implements ExportFetcher {

    private final AwsCredentialsProvider credentialsOverride;

    /** @param credentialsOverride fixed credentials (tests), or {@code null} for the default chain / profile */
    AwsExportFetcher(AwsCredentialsProvider credentialsOverride) {
        this.credentialsOverride = credentialsOverride;
    }

    /** A fetcher using the SDK's default credentials and region chains. Returns the interface type on purpose:
     * callers then never link against AWS classes until a fetch happens. */
    public static ExportFetcher create() {
        return new AwsExportFetcher(null);
    }

    @Override
    public byte[] fetch(ExportSource source) throws FetchException {
        try (ApiGatewayClient client = client(source)) {
            GetExportRequest request = GetExportRequest.builder()
                    .restApiId(source.restApiId())
                    .stageName(source.stage())
                    .exportType("oas30")
                    .parameters(Map.of("extensions", "apigateway"))
                    .accepts("application/json")
                    .build();
            return client.getExport(request).body().asByteArray();
        } catch (SdkException e) {
            throw new FetchException(describe(e, source));
        }
    }

    private ApiGatewayClient client(ExportSource source) {
        ApiGatewayClientBuilder builder = ApiGatewayClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60)));
        if (source.region() != null) {
            builder.region(Region.of(source.region()));
        }
        if (source.profile() != null) {
            // The profile names both the credentials and (when no region is set) the region.
            builder.overrideConfiguration(o -> o.defaultProfileName(source.profile()));
        }
        if (credentialsOverride != null) {
            builder.credentialsProvider(credentialsOverride);
        } else if (source.profile() != null) {
            builder.credentialsProvider(ProfileCredentialsProvider.create(source.profile()));
        }
        if (source.endpoint() != null) {
            builder.endpointOverride(URI.create(source.endpoint()));
        }
        return builder.build();
    }

    /** One clear sentence for each failure AWS or the network can produce, naming the source, never a secret. */
    static String describe(SdkException e, ExportSource source) {
        String what = "cannot fetch the export of " + source.describe() + ": ";
        if (e instanceof NotFoundException) {
            return what + "API Gateway found no such REST API or stage (NotFound); check <restApiId>, <stage> and"
                    + " the region" + regionHint(source);
        }
        if (e instanceof UnauthorizedException
                || e instanceof AwsServiceException service && service.statusCode() == 403) {
            return what + "access denied (" + errorCode(e) + "); the credentials need apigateway:GET on" + " /restapis/"
                    + source.restApiId() + "/stages/" + source.stage() + "/exports/oas30";
        }
        if (e instanceof TooManyRequestsException
                || e instanceof AwsServiceException service && service.statusCode() == 429) {
            return what + "API Gateway throttled the request (TooManyRequests) after retries; try again later";
        }
        if (e instanceof AwsServiceException service) {
            return what + "API Gateway answered HTTP " + service.statusCode() + " (" + errorCode(e) + ")";
        }
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (message.contains("unable to load credentials")
                || message.contains("credentials")
                        && (message.contains("profile") || message.contains("no credentials"))) {
            return what + "no AWS credentials found"
                    + (source.profile() == null
                            ? "; configure the default chain (environment variables,"
                                    + " ~/.aws/credentials, SSO) or set <profile>"
                            : " for profile " + source.profile());
        }
        if (message.contains("unable to load region")) {
            return what + "no AWS region; set <region> on the target, AWS_REGION, or a region in the profile";
        }
        Throwable cause = rootCause(e);
        if (cause instanceof ConnectException
                || cause instanceof UnknownHostException
                || cause instanceof SocketTimeoutException
                || cause instanceof IOException) {
            return what + "API Gateway endpoint " + (source.endpoint() == null ? "" : source.endpoint() + " ")
                    + "is unreachable (" + FailureReason.describe(cause) + "); check the network, -o offline"
                    + " mode and <endpoint>";
        }
        return what + (e instanceof SdkClientException ? "AWS SDK client error: " : "") + firstLine(e.getMessage());
    }

    private static String regionHint(ExportSource source) {
        return source.region() == null ? " (from the SDK's default region chain)" : " (" + source.region() + ")";
    }

    private static String errorCode(SdkException e) {
        if (e instanceof AwsServiceException service
                && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null) {
            return service.awsErrorDetails().errorCode();
        }
        return e instanceof AwsServiceException service ? "HTTP " + service.statusCode() : "error";
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
