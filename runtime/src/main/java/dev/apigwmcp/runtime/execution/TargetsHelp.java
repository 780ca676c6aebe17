package dev.apigwmcp.runtime.execution;

import dev.apigwmcp.runtime.auth.AuthKind;
import java.util.List;

/** The {@code --help} section naming this gateway's targets and the settings each needs before it starts. */
final class TargetsHelp {

    private TargetsHelp() {}

    static String render(List<TargetNeeds> targets) {
        if (targets.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\nTargets of this gateway and what each needs before it starts:\n");
        for (TargetNeeds needs : targets) {
            String t = "--target." + needs.target() + ".";
            out.append("  ")
                    .append(needs.target())
                    .append(" (")
                    .append(needs.tools())
                    .append(needs.tools() == 1 ? " tool)" : " tools)");
            if (!needs.needsBaseUrl() && needs.auth().isEmpty()) {
                out.append(": nothing to set");
            }
            out.append('\n');
            if (needs.needsBaseUrl()) {
                line(out, "base URL: " + t + "base-url URL (its export names no host)");
            }
            if (needs.auth().contains(AuthKind.API_KEY)) {
                line(out, "API key: " + t + "api-key-env NAME or " + t + "api-key-file FILE");
            }
            if (needs.auth().contains(AuthKind.BEARER)) {
                line(
                        out,
                        "OAuth2 token: " + t + "oauth2.token-url, " + t + "oauth2.client-id and " + t
                                + "oauth2.client-secret-env or -file (or " + t + "bearer.source caller)");
            }
            if (needs.auth().contains(AuthKind.BASIC)) {
                line(out, "HTTP basic: " + t + "basic-username-env or -file, " + t + "basic-password-env or -file");
            }
            if (needs.auth().contains(AuthKind.SIGV4)) {
                line(
                        out,
                        "SigV4: AWS credentials (the default chain, or --aws.profile NAME)"
                                + (needs.regionKnown() ? "" : " and a Region: " + t + "aws-region or --aws.region"));
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String text) {
        out.append("    ").append(text).append('\n');
    }
}
