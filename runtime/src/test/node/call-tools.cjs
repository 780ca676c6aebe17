// Calls tools of an MCP server over Streamable HTTP with the official TypeScript SDK client, whose callTool
// validates structuredContent against each tool's outputSchema, and writes one line of JSON per call: whether the
// client threw (and why), else whether the result was isError and had structuredContent. Judging is left to the
// Java test that wrote the plan.
//
// Usage: node call-tools.cjs <plan.json>
// plan: { "modules": "<node_modules holding @modelcontextprotocol/sdk>", "url": "http://127.0.0.1:PORT/mcp",
//         "out": "<results.json>", "calls": [ { "name": "tool", "arguments": { ... } }, ... ] }
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { createRequire } = require('node:module');

async function main() {
  const plan = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  // The SDK is installed in the build's npm cache, not beside this script.
  const sdk = createRequire(path.join(plan.modules, 'resolve-from-here.js'));
  const { Client } = sdk('@modelcontextprotocol/sdk/client/index.js');
  const { StreamableHTTPClientTransport } = sdk('@modelcontextprotocol/sdk/client/streamableHttp.js');
  const client = new Client({ name: 'apigw-mcp-runtime-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(plan.url)));
  // listTools compiles every outputSchema; callTool then validates against them.
  await client.listTools();
  const results = [];
  for (const call of plan.calls) {
    try {
      const result = await client.callTool({ name: call.name, arguments: call.arguments || {} });
      results.push({ name: call.name, threw: false, isError: result.isError === true,
        structured: result.structuredContent !== undefined, blocks: result.content.length,
        first: result.content.length > 0 && result.content[0].type === 'text' ? result.content[0].text : null });
    } catch (error) {
      results.push({ name: call.name, threw: true, message: String(error && error.message) });
    }
  }
  await client.close();
  fs.writeFileSync(plan.out, JSON.stringify(results, null, 2));
}

main().then(() => process.exit(0), (error) => {
  console.error('call-tools: ' + (error && error.stack ? error.stack : error));
  process.exit(1);
});
