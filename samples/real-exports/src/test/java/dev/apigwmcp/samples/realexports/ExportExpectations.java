package dev.apigwmcp.samples.realexports;

import static dev.apigwmcp.samples.realexports.OperationExpectation.op;

import dev.apigwmcp.samples.realexports.ExpectedCredential.ApiKey;
import dev.apigwmcp.samples.realexports.ExpectedCredential.SigV4;
import dev.apigwmcp.samples.realexports.ExpectedCredential.Token;
import dev.apigwmcp.samples.realexports.ExpectedCredential.TokenForm;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The expectation table: for every file of {@code ../shared/specs/real/}, the tools it must give and the credentials
 * each call must carry, written by reading the export as API Gateway reads it. It is deliberately independent of the
 * generated {@code bindings.json}: a generator that drops an authorizer, a path variable or an operation fails here.
 * A file added to the folder without an entry here fails {@link RealExportInventoryTest}.
 *
 * <p>Reading rules used throughout (API Gateway's own, as its developer guide describes import and export):
 * <ul>
 *   <li>Several requirement objects in a method's {@code security} all apply (one authorization type plus the
 *       "API key required" flag); a method's {@code security} replaces the document's.</li>
 *   <li>{@code x-amazon-apigateway-authtype: awsSigv4}, and {@code x-amazon-apigateway-auth: {type: AWS_IAM}}, mean
 *       IAM: SigV4 for {@code execute-api}.</li>
 *   <li>An {@code apiKey} scheme without an authtype is the key flag: header {@code x-api-key} (API Gateway reads the
 *       key nowhere else with {@code api-key-source: HEADER}, and none is sent with {@code AUTHORIZER}).</li>
 *   <li>A TOKEN Lambda authorizer or a Cognito user-pool authorizer reads the header its scheme names; a REQUEST
 *       authorizer reads its {@code identitySource}; an HTTP API JWT authorizer its {@code identitySource}.</li>
 *   <li>Whether a reader wants {@code Bearer } before the token is not in the export, except where an
 *       {@code identityValidationExpression} decides: there the value must match it.</li>
 *   <li>CORS preflight {@code OPTIONS} methods (mock integrations answering {@code Access-Control-*}) are not tools.</li>
 * </ul>
 */
final class ExportExpectations {

    private static final SigV4 SIGV4 = new SigV4();
    private static final ApiKey API_KEY = new ApiKey();

    private static final List<ExportExpectation> ALL = List.of(
            new ExportExpectation(
                    "awsdocs-auth-extension-example.json",
                    null,
                    "",
                    "eu-west-1",
                    true,
                    List.of(op("GET", "/protected-by-iam", SIGV4)),
                    "x-amazon-apigateway-auth type AWS_IAM is IAM. No servers: no invoke URL, no stage path, no"
                            + " Region, so the test configures eu-west-1."),
            new ExportExpectation(
                    "awsdocs-binary-image-lambda.oas30.json",
                    "https://abcdefghi.execute-api.us-east-1.amazonaws.com/v1",
                    "/v1",
                    null,
                    false,
                    List.of(op("GET", "/lambda"), op("PUT", "/lambda")),
                    "get-export shape: server variable basePath with default '/v1' joins the host with one slash."
                            + " No security: no credentials."),
            new ExportExpectation(
                    "awsdocs-lambda-proxy.swagger.json",
                    "https://uojnr9hd57.execute-api.us-east-1.amazonaws.com/test",
                    "/test",
                    null,
                    false,
                    List.of(
                            op("GET", "/calc"),
                            op("POST", "/calc"),
                            op("GET", "/calc/{operand1}/{operand2}/{operator}")),
                    "host + basePath. No security: no credentials."),
            new ExportExpectation(
                    "awsdocs-request-validation.swagger.json",
                    null,
                    "/v1",
                    null,
                    false,
                    List.of(op("GET", "/validation", API_KEY), op("POST", "/validation", API_KEY)),
                    "security [{api_key: []}] with no securityDefinitions is API Gateway's key flag (header"
                            + " x-api-key); x-amazon-apigateway-auth type none means no IAM. No host: no invoke"
                            + " URL; basePath /v1 is the stage path."),
            new ExportExpectation(
                    "awsdocs-s3-proxy.swagger.json",
                    null,
                    "/S3",
                    "eu-central-1",
                    true,
                    List.of(
                            op("GET", "/", SIGV4),
                            op("GET", "/{folder}", SIGV4),
                            op("PUT", "/{folder}", SIGV4),
                            op("DELETE", "/{folder}", SIGV4),
                            op("GET", "/{folder}/{item}", SIGV4),
                            op("HEAD", "/{folder}/{item}", SIGV4),
                            op("PUT", "/{folder}/{item}", SIGV4),
                            op("DELETE", "/{folder}/{item}", SIGV4)),
                    "Scheme sigv4 (authtype awsSigv4) on every method. The host holds a literal '{region}' (a"
                            + " placeholder in the guide, not a Swagger 2 variable): no usable invoke URL or Region,"
                            + " so the URL is not checked and the test configures eu-central-1; basePath /S3."),
            new ExportExpectation(
                    "awsdocs-simple-calc.swagger.json",
                    "https://t6dve4zn25.execute-api.us-west-2.amazonaws.com/demo",
                    "/demo",
                    null,
                    false,
                    List.of(
                            op("GET", "/"),
                            op("POST", "/"),
                            op("ANY", "/{a}"),
                            op("ANY", "/{a}/{b}"),
                            op("GET", "/{a}/{b}/{op}")),
                    "Two x-amazon-apigateway-any-method resources are one ANY tool each. No security."),
            new ExportExpectation(
                    "ls-circular-ref-body.openapi.json",
                    null,
                    "",
                    null,
                    false,
                    List.of(op("POST", "/person")),
                    "Recursive body schema. No servers, no security."),
            new ExportExpectation(
                    "ls-cognito-auth.openapi.json",
                    null,
                    "",
                    null,
                    false,
                    List.of(
                            op("GET", "/default-no-scope", cognito()), op("GET", "/default-scope-override", cognito()),
                            op("GET", "/non-default-authorizer", cognito()), op("GET", "/pets", cognito())),
                    "Both schemes are Cognito user-pool authorizers whose scheme names header TestHeaderAuth;"
                            + " /pets inherits the document's security. Cognito takes the raw token; 'Bearer ' is"
                            + " accepted too (not stated in the export)."),
            new ExportExpectation(
                    "ls-global-auth.openapi.json",
                    null,
                    "",
                    null,
                    false,
                    List.of(op("GET", "/pets", requestAuthorizer()), op("ANY", "/echo/{data}", requestAuthorizer())),
                    "Document-level REQUEST authorizer with identitySource method.request.header."
                            + "Custom-Authorization: the token goes there, not in the scheme's X-Api-Key header;"
                            + " api-key-source AUTHORIZER: no key is sent. {data} is a path variable though not"
                            + " declared as a parameter."),
            new ExportExpectation(
                    "ls-petstore-authorizer.swagger.json",
                    null,
                    "",
                    null,
                    false,
                    List.of(
                            op("GET", "/", tokenAuthorizer()), op("GET", "/pets", tokenAuthorizer()),
                            op("POST", "/pets"), op("GET", "/pets/{petId}")),
                    "TOKEN authorizer on header Authorization with identityValidationExpression ^x-[a-z]+: the"
                            + " value must match it, so no 'Bearer ' prefix. POST /pets and GET /pets/{petId} have"
                            + " no security. The two OPTIONS methods are CORS mocks. No host, no basePath."),
            new ExportExpectation(
                    "ls-pulumi.swagger.json",
                    null,
                    "",
                    null,
                    false,
                    List.of(op("GET", "/just_do_it", API_KEY, Token.header("Authorization", TokenForm.RAW_OR_BEARER))),
                    "[{Auth0}, {api_key}]: both apply (TOKEN authorizer on header Authorization, no validation"
                            + " expression, and the key flag, api-key-source HEADER). OPTIONS /{proxy+} is a CORS"
                            + " mock. No host."),
            new ExportExpectation(
                    "smithy-apikey-inherited-auth.json",
                    null,
                    "",
                    "ap-southeast-2",
                    true,
                    List.of(
                            op("GET", "/a2-inherits-auth-no-key", SIGV4),
                            op("GET", "/a3-inherits-auth-with-key", SIGV4, API_KEY),
                            op("GET", "/a5-disabled-auth-with-key", API_KEY)),
                    "Document security is the SigV4 scheme 'aws.auth.sigv4'; a3 has one requirement with both"
                            + " SigV4 and the key; a5 replaces it with the key only. No servers: the test configures"
                            + " ap-southeast-2."),
            new ExportExpectation(
                    "tf-tdr-keycloak-users-httpapi.oas30.json",
                    null,
                    "",
                    null,
                    false,
                    List.of(op("DELETE", "/users/{userId}", jwt()), op("POST", "/users", jwt())),
                    "HTTP API JWT authorizer with identitySource $request.header.Authorization; HTTP APIs strip an"
                            + " optional 'Bearer '. {userId} is declared at path level. No servers."));

    private ExportExpectations() {}

    private static Token cognito() {
        return Token.header("TestHeaderAuth", TokenForm.RAW_OR_BEARER);
    }

    private static Token requestAuthorizer() {
        return Token.header("Custom-Authorization", TokenForm.RAW_OR_BEARER);
    }

    private static Token tokenAuthorizer() {
        return Token.header("Authorization", TokenForm.RAW, "^x-[a-z]+");
    }

    private static Token jwt() {
        return Token.header("Authorization", TokenForm.RAW_OR_BEARER);
    }

    /** Every entry, by file name. */
    static Map<String, ExportExpectation> byFile() {
        Map<String, ExportExpectation> byFile = new TreeMap<>();
        ALL.forEach(expectation -> byFile.put(expectation.file(), expectation));
        return byFile;
    }

    static Optional<ExportExpectation> forFile(String file) {
        return Optional.ofNullable(byFile().get(file));
    }
}
