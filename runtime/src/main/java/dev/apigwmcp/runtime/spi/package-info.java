/**
 * The contract between generated code and the runtime, and nothing else of the runtime that generated code may use:
 * a target's {@link dev.apigwmcp.runtime.spi.ToolRegistry} (found with {@code ServiceLoader}), each tool's
 * {@link dev.apigwmcp.runtime.spi.GeneratedTool} (typed arguments in, request parts out through
 * {@link dev.apigwmcp.runtime.spi.UpstreamRequestBuilder}, which does every encoding and check), and the readers and
 * writers of {@link dev.apigwmcp.runtime.spi.Arguments}. Changing it changes {@code docs/contract.md} and the
 * generator at the same time.
 */
package dev.apigwmcp.runtime.spi;
