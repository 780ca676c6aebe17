// Compiles patterns the way MCP clients do (ajv in the TypeScript SDK: new RegExp(pattern, "u")) and runs them on
// probe strings. Input file (argv[2]): {"patterns": [...], "probes": [...]}. Output file (argv[3]): one entry per
// pattern, {"error": message} when it does not compile, else {"matches": "0110..."} (one digit per probe).
'use strict';
const fs = require('fs');
const input = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const results = input.patterns.map((pattern) => {
  let re;
  try {
    re = new RegExp(pattern, 'u');
  } catch (e) {
    return { error: e.message };
  }
  return { matches: input.probes.map((probe) => (re.test(probe) ? '1' : '0')).join('') };
});
fs.writeFileSync(process.argv[3], JSON.stringify(results));
