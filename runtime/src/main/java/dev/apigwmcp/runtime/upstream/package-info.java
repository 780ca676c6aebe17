/**
 * Upstream HTTP: the safe {@link dev.apigwmcp.runtime.spi.UpstreamRequestBuilder} implementation
 * ({@link dev.apigwmcp.runtime.upstream.SafeRequestBuilder}, which writes form bodies with {@code FormEncoder} and
 * {@code MultipartEncoder}), the shared Jetty client
 * ({@link dev.apigwmcp.runtime.upstream.UpstreamClient}), one call's attempts within its deadline with retries and
 * the target's circuit breaker ({@link dev.apigwmcp.runtime.upstream.UpstreamExchange},
 * {@link dev.apigwmcp.runtime.upstream.TargetCircuit}) and the mapping of answers to MCP {@code CallToolResult}s
 * ({@link dev.apigwmcp.runtime.upstream.ResponseMapper}).
 */
package dev.apigwmcp.runtime.upstream;
