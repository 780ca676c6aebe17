/**
 * Migration from AgentCore Gateway: {@link dev.apigwmcp.generator.agentcore.AgentCoreImporter} reads an API Gateway
 * target as {@code aws bedrock-agentcore-control get-gateway-target} prints it and turns it into the equivalent
 * target (REST API stage, filters, overrides), the gateway settings its outbound credentials need, and a note for
 * everything that has no equivalent. The target is checked by {@code config.ConfigValidator} with problems located
 * in the AgentCore file (JSON pointers); the front end (the Maven plugin's {@code import-agentcore} goal) only
 * renders the result.
 */
package dev.apigwmcp.generator.agentcore;
