/**
 * Test support shared with the samples through the runtime's test-jar ({@code apigw-mcp-runtime}, type
 * {@code test-jar}, scope {@code test}): the pinned Node tooling every Node-based test uses ({@link
 * dev.apigwmcp.runtime.testing.NodeModules}), a gateway jar started as a process ({@link
 * dev.apigwmcp.runtime.testing.GatewayProcess}), a gateway main class of the test class path started as a process
 * with its stderr collected ({@link dev.apigwmcp.runtime.testing.GatewayMainProcess}), and a round-robin proxy in front of gateway replicas ({@link
 * dev.apigwmcp.runtime.testing.RoundRobinProxy}). Only this package goes into the test-jar.
 */
package dev.apigwmcp.runtime.testing;
