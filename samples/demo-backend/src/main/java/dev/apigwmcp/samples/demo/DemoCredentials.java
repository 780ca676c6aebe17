package dev.apigwmcp.samples.demo;

/**
 * The fixed credentials of the demo: an AWS access key pair the demo backend accepts for SigV4 and its API key.
 * <strong>Demo only</strong>: they open nothing but the in-memory demo backend on a loopback port, and are public in
 * this source file on purpose. Never use them, or this pattern, for a real API.
 */
public final class DemoCredentials {

    public static final String ACCESS_KEY_ID = "AKIAAPIGWMCPDEMO0001";
    public static final String SECRET_ACCESS_KEY = "demo-only-secret-not-for-real-use-0000000";
    public static final String API_KEY = "demo-only-api-key-0123456789abcdef";
    /** The Region and service the backend expects in the signature's scope, as API Gateway in us-east-1 would. */
    public static final String REGION = "us-east-1";

    public static final String SERVICE = "execute-api";
    /** The stage the backend serves under, as in the export's invoke URL. */
    public static final String STAGE = "prod";

    private DemoCredentials() {}
}
