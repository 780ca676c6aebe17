/**
 * Tool execution: {@link dev.apigwmcp.runtime.execution.GeneratedToolService} loads every generated target
 * ({@code ServiceLoader<ToolRegistry>}, {@code tools.json}, {@code bindings.json}), validates arguments against each
 * tool's input schema and runs calls upstream. {@link dev.apigwmcp.runtime.execution.ExecutionSettings#declared()}
 * lists every setting the tool side reads; start-up problems are one
 * {@link dev.apigwmcp.runtime.execution.StartupException}.
 */
package dev.apigwmcp.runtime.execution;
