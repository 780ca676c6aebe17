package dev.apigwmcp.samples.realexports;

import java.util.List;

/**
 * One method of an export that must become exactly one tool, and the credentials every call of it must carry.
 *
 * @param method      upper-case HTTP method, or {@code ANY} for {@code x-amazon-apigateway-any-method}
 * @param path        the resource path as the export writes it
 * @param credentials all credentials the method needs (empty: none; then none may be sent)
 */
record OperationExpectation(String method, String path, List<ExpectedCredential> credentials) {

    OperationExpectation {
        credentials = List.copyOf(credentials);
    }

    static OperationExpectation op(String method, String path, ExpectedCredential... credentials) {
        return new OperationExpectation(method, path, List.of(credentials));
    }

    String key() {
        return method + " " + path;
    }
}
