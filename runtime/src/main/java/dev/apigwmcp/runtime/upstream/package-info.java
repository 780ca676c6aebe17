/**
 * Upstream HTTP: the safe {@link dev.apigwmcp.runtime.spi.UpstreamRequestBuilder} implementation
 * ({@link dev.apigwmcp.runtime.upstream.SafeRequestBuilder}), the shared JDK client
 * ({@link dev.apigwmcp.runtime.upstream.UpstreamClient}) and the mapping of answers to MCP
 * {@code CallToolResult}s ({@link dev.apigwmcp.runtime.upstream.ResponseMapper}).
 */
package dev.apigwmcp.runtime.upstream;
