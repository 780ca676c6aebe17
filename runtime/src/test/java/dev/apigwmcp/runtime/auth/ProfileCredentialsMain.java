package dev.apigwmcp.runtime.auth;

/** Prints the access key id the credentials source resolves for the profile named by the first argument. */
public final class ProfileCredentialsMain {

    private ProfileCredentialsMain() {}

    public static void main(String[] args) {
        System.err.println("access key "
                + new DefaultChainCredentialsSource(args[0]).resolve().accessKeyId());
    }
}
