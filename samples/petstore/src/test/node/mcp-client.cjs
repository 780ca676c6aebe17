// Drives an MCP server with the official TypeScript SDK client and writes what happened as JSON, for the Java
// end-to-end tests (PetstoreGatewayIT) to check. It makes no judgement itself: it connects, lists every tool
// (following cursors), makes the calls it is given in order, and records each result or protocol error.
//
// Usage: node mcp-client.cjs <plan.json>
// plan: { "modules": "<node_modules with @modelcontextprotocol/sdk>", "out": "<transcript.json>",
//         "transport": "stdio", "command": "java", "args": [...] }
//    or { ..., "transport": "http", "url": "http://127.0.0.1:PORT/mcp", "headers": { ... } (optional, on every
//         request: an Authorization header with an access token) },
//         "calls": [ { "name": "tool", "arguments": { ... } }, ... ], "ping": true (optional: a ping after the calls)
// A call may take a tool name from an earlier call's search result: "found": { "call": <index>, "into": "name" }
// sets arguments[into] to the first tool of that call's structuredContent.tools (the tool search's answer).
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { createRequire } = require('node:module');

async function main() {
  const plan = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  // The SDK lives in the build's npm cache, not beside this script: resolve it from there.
  const sdk = createRequire(path.join(plan.modules, 'resolve-from-here.js'));
  const { Client } = sdk('@modelcontextprotocol/sdk/client/index.js');
  const transport = plan.transport === 'stdio'
    ? new (sdk('@modelcontextprotocol/sdk/client/stdio.js').StdioClientTransport)({
        command: plan.command, args: plan.args, stderr: 'inherit' })
    : new (sdk('@modelcontextprotocol/sdk/client/streamableHttp.js').StreamableHTTPClientTransport)(
        new URL(plan.url), plan.headers ? { requestInit: { headers: plan.headers } } : undefined);
  const client = new Client({ name: 'apigw-mcp-e2e', version: '1.0.0' });
  const transcript = { calls: [] };
  await client.connect(transport);
  transcript.serverVersion = client.getServerVersion();
  transcript.serverCapabilities = client.getServerCapabilities();
  transcript.tools = [];
  let cursor;
  do {
    const page = await client.listTools(cursor ? { cursor } : {});
    transcript.tools.push(...page.tools);
    cursor = page.nextCursor;
  } while (cursor);
  for (const call of plan.calls) {
    if (call.found) {
      const earlier = transcript.calls[call.found.call];
      const tools = (earlier && earlier.result && earlier.result.structuredContent
        && earlier.result.structuredContent.tools) || [];
      call.arguments = { ...call.arguments, [call.found.into]: tools.length ? tools[0].name : null };
    }
    try {
      const result = await client.callTool({ name: call.name, arguments: call.arguments });
      transcript.calls.push({ name: call.name, arguments: call.arguments, result });
    } catch (error) {
      transcript.calls.push({ name: call.name, error: { code: error.code ?? null, message: String(error.message) } });
    }
  }
  if (plan.ping) {
    await client.ping();
    transcript.pinged = true;
  }
  await client.close();
  fs.writeFileSync(plan.out, JSON.stringify(transcript, null, 2));
}

main().then(() => process.exit(0), (error) => {
  console.error('mcp-client: ' + (error && error.stack ? error.stack : error));
  process.exit(1);
});
