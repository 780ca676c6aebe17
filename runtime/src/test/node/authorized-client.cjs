// Connects to an MCP server that requires OAuth with the official TypeScript SDK client, as a machine client would:
// first without credentials (the 401 must be refused, not followed), then with the SDK's client-credentials provider,
// which reads the 401's challenge, fetches the protected resource metadata, the authorization server's metadata and a
// token, and connects with it. Writes what each client saw as JSON; judging is left to the Java test.
//
// Usage: node authorized-client.cjs <plan.json>
// plan: { "modules": "<node_modules>", "url": "http://127.0.0.1:PORT/mcp", "issuer": "<issuer URL>", "out": "<file>",
//         "clients": [ { "id": "...", "secret": "...", "scope": "...", "call": ["tool", ...] } ] }
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { createRequire } = require('node:module');

async function main() {
  const plan = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const sdk = createRequire(path.join(plan.modules, 'resolve-from-here.js'));
  const { Client } = sdk('@modelcontextprotocol/sdk/client/index.js');
  const { StreamableHTTPClientTransport } = sdk('@modelcontextprotocol/sdk/client/streamableHttp.js');
  const { ClientCredentialsProvider } = sdk('@modelcontextprotocol/sdk/client/auth-extensions.js');
  const out = { anonymous: null, clients: [] };

  const anonymous = new Client({ name: 'apigw-mcp-anonymous', version: '1.0.0' });
  try {
    await anonymous.connect(new StreamableHTTPClientTransport(new URL(plan.url)));
    out.anonymous = { connected: true };
  } catch (error) {
    out.anonymous = { connected: false, status: error && error.code, message: String(error && error.message) };
  }

  for (const each of plan.clients) {
    const seen = { id: each.id, tools: null, calls: [] };
    const provider = new ClientCredentialsProvider({ clientId: each.id, clientSecret: each.secret,
      scope: each.scope, expectedIssuer: plan.issuer });
    const client = new Client({ name: 'apigw-mcp-' + each.id, version: '1.0.0' });
    try {
      await client.connect(new StreamableHTTPClientTransport(new URL(plan.url), { authProvider: provider }));
      seen.tools = (await client.listTools()).tools.map(tool => tool.name);
      for (const name of each.call) {
        try {
          const result = await client.callTool({ name, arguments: {} });
          seen.calls.push({ name, threw: false, isError: result.isError === true,
            text: result.content.length > 0 ? result.content[0].text : null });
        } catch (error) {
          seen.calls.push({ name, threw: true, message: String(error && error.message) });
        }
      }
      await client.close();
    } catch (error) {
      seen.error = String(error && error.stack ? error.stack : error);
    }
    out.clients.push(seen);
  }
  fs.writeFileSync(plan.out, JSON.stringify(out, null, 2));
}

main().then(() => process.exit(0), (error) => {
  console.error('authorized-client: ' + (error && error.stack ? error.stack : error));
  process.exit(1);
});
