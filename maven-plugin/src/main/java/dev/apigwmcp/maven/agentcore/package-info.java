/**
 * The {@code import-agentcore} goal's POM side: {@link dev.apigwmcp.maven.agentcore.TargetXml} writes an imported
 * AgentCore target as a {@code <target>} element, and {@link dev.apigwmcp.maven.agentcore.PomTargetInserter} adds it
 * to the plugin's {@code <targets>} in a POM as text, so every other byte of the POM (formatting, comments, order)
 * stays as it was. The conversion itself is generator-core's {@code agentcore} package.
 */
package dev.apigwmcp.maven.agentcore;
