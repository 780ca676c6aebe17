/**
 * AWS Lambda as a transport: {@link dev.apigwmcp.runtime.lambda.LambdaHandler} serves MCP Streamable HTTP requests
 * that arrive as Lambda function URL and API Gateway HTTP API events (payload 2.0) or REST API events (payload 1.0),
 * through the same endpoint rules as the Jetty transport ({@code transport.McpEndpoint}), answering in JSON.
 */
package dev.apigwmcp.runtime.lambda;
