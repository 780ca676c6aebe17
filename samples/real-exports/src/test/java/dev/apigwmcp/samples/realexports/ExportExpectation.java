package dev.apigwmcp.samples.realexports;

import java.util.List;

/**
 * What one real export means, read from the file itself (not from what the generator made of it).
 *
 * @param file              the file name in {@code ../shared/specs/real/}
 * @param invokeUrl         the stage's invoke URL the export names, which {@code bindings.json} must carry as
 *                          {@code server.url}; {@code null} when the export names no usable absolute URL (then
 *                          it is not checked)
 * @param stagePath         the path the stage is served under (the base path), {@code ""} for none; the test
 *                          points the target's base URL at the local upstream with this path kept
 * @param signingRegion     the Region SigV4 signatures must be scoped to, {@code null} when no method needs IAM
 * @param regionConfigured  whether the test must configure that Region ({@code --target.<t>.aws-region}) because
 *                          the export does not name one
 * @param operations        every method that must become a tool (CORS {@code OPTIONS} mocks are not tools)
 * @param judgement         how the expectations were read where the export leaves room, in a sentence or two
 */
record ExportExpectation(
        String file,
        String invokeUrl,
        String stagePath,
        String signingRegion,
        boolean regionConfigured,
        List<OperationExpectation> operations,
        String judgement) {

    ExportExpectation {
        operations = List.copyOf(operations);
    }
}
