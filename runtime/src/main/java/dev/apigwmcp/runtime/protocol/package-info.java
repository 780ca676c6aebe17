/**
 * MCP over JSON-RPC, independent of the transport: {@link dev.apigwmcp.runtime.protocol.McpServer} answers both
 * eras (the 2026-07-28 revision and the legacy handshake), pages {@code tools/list} from pre-serialised bytes, runs
 * {@code tools/call} through a {@link dev.apigwmcp.runtime.tools.ToolService} with progress and cancellation, and
 * bounds what one request, session or client may have in flight.
 */
package dev.apigwmcp.runtime.protocol;
