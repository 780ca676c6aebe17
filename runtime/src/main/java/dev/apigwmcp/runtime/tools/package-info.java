/**
 * What the protocol needs of tools, and nothing more: {@link dev.apigwmcp.runtime.tools.ToolService} (list and
 * call) with {@link dev.apigwmcp.runtime.tools.ToolListing} (a tool's pre-serialised {@code tools/list} entry) and
 * {@link dev.apigwmcp.runtime.tools.ProgressListener}, and {@link dev.apigwmcp.runtime.tools.Caller}, who sent a
 * call as the HTTP transport verified it. The generated tools' implementation is {@code execution}'s.
 */
package dev.apigwmcp.runtime.tools;
