/**
 * The contract between generated code and the runtime, and nothing else of the runtime that generated code may use:
 * a target's {@link dev.apigwmcp.runtime.spi.ToolRegistry} (found with {@code ServiceLoader}), each tool's
 * {@link dev.apigwmcp.runtime.spi.GeneratedTool} (typed arguments in, request parts out through
 * {@link dev.apigwmcp.runtime.spi.UpstreamRequestBuilder}, which does every encoding and check), and the readers and
 * writers of {@link dev.apigwmcp.runtime.spi.Arguments}. Changing it changes {@code docs/contract.md} and the
 * generator at the same time.
 *
 * <p>Beside it, the gateway project's own side: {@link dev.apigwmcp.runtime.spi.ToolInterceptor}s (also found with
 * {@code ServiceLoader}) and the views of a call they get, which name no class of the runtime's other packages.
 */
package dev.apigwmcp.runtime.spi;
