// Drives the real-exports gateway with the official TypeScript SDK client over stdio and writes what happened as
// JSON for RealExportsIT to judge. It judges nothing itself: it connects, lists every tool (following cursors), and
// calls every tool once per answer shape, in order. Before each call it tells the local upstream (its control URL)
// which call comes next and which shape to answer with, so the upstream can tag the requests it receives.
//
// Arguments come from each tool's inputSchema alone: every required property gets a valid value (enums and consts
// as listed, formats, bounds, lengths, patterns; untyped values become strings), and an optional request body
// ("body" or "requestBody") is included unless an ANY tool's method argument chose GET or HEAD. Enum choices rotate with the shape index, so an ANY tool's method varies.
// The arguments are checked against the inputSchema with ajv; a mismatch is recorded as an argument problem (a
// harness limitation, not a gateway fault).
//
// Usage: node real-exports-client.cjs <plan.json>
// plan: { "modules": "<node_modules with @modelcontextprotocol/sdk>", "out": "<transcript.json>",
//         "command": "java", "args": [...], "env": { ... }, "controlUrl": "http://127.0.0.1:PORT/next",
//         "shapes": ["json-object", ...] }
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { createRequire } = require('node:module');

const MAX_DEPTH = 12;
const FORMAT_VALUES = {
  'date-time': '2024-05-06T07:08:09Z',
  date: '2024-05-06',
  time: '07:08:09Z',
  email: 'someone@example.com',
  'idn-email': 'someone@example.com',
  hostname: 'example.com',
  'idn-hostname': 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  uri: 'https://example.com/item',
  'uri-reference': '/item',
  iri: 'https://example.com/item',
  'iri-reference': '/item',
  uuid: '123e4567-e89b-42d3-a456-426614174000',
  byte: 'aGVsbG8=',
  binary: 'hello',
  password: 'not-a-secret',
  duration: 'P1D',
  'json-pointer': '/a',
  regex: '^a$',
  int32: '1',
  int64: '1',
};
const PATTERN_CANDIDATES = ['val', 'a', 'A', 'abc', 'ABC', 'Abc1', '1', '123', 'a1', 'x-abc', 'abc-def', 'abc_def',
  'a.b', '2024-05-06', 'someone@example.com', 'https://example.com', 'AKIA0000000000000000', ''];

/** Builds a value for one schema; problems collects what could not be satisfied. */
class ValueBuilder {
  constructor(root, variant, problems) {
    this.root = root;
    this.variant = variant;
    this.problems = problems;
  }

  resolve(schema, where) {
    let current = schema;
    for (let hops = 0; current && typeof current === 'object' && typeof current.$ref === 'string'; hops++) {
      if (hops > 32 || !current.$ref.startsWith('#')) {
        this.problems.push(`${where}: cannot resolve $ref ${current.$ref}`);
        return {};
      }
      let node = this.root;
      for (const raw of current.$ref.slice(1).split('/').filter((p) => p !== '')) {
        node = node == null ? undefined : node[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
      }
      if (node === undefined) {
        this.problems.push(`${where}: $ref ${current.$ref} points nowhere`);
        return {};
      }
      // Sibling keywords of $ref (2020-12) apply too; the target is merged under them.
      const { $ref, ...siblings } = current;
      current = Object.keys(siblings).length === 0 ? node : { ...node, ...siblings, $ref: node.$ref };
      if (current.$ref === undefined) delete current.$ref;
    }
    return current;
  }

  build(schemaIn, name, where, depth) {
    if (depth > MAX_DEPTH) {
      this.problems.push(`${where}: nested deeper than ${MAX_DEPTH} levels`);
      return null;
    }
    if (schemaIn === true || schemaIn === undefined || schemaIn === null) return this.text(name);
    if (schemaIn === false) {
      this.problems.push(`${where}: schema false admits no value`);
      return null;
    }
    const schema = this.resolve(schemaIn, where);
    if ('const' in schema) return schema.const;
    if (Array.isArray(schema.enum) && schema.enum.length > 0) {
      const choices = schema.enum.filter((v) => v !== null);
      const list = choices.length > 0 ? choices : schema.enum;
      return list[this.variant % list.length];
    }
    if (Array.isArray(schema.allOf) && schema.allOf.length > 0) {
      const parts = schema.allOf.map((part, i) => this.build(part, name, `${where}/allOf/${i}`, depth + 1));
      const own = { ...schema };
      delete own.allOf;
      if (Object.keys(own).some((k) => ['type', 'properties', 'required'].includes(k))) {
        parts.push(this.build(own, name, where, depth + 1));
      }
      if (parts.every((p) => p && typeof p === 'object' && !Array.isArray(p))) return Object.assign({}, ...parts);
      return parts[0];
    }
    for (const key of ['oneOf', 'anyOf']) {
      if (Array.isArray(schema[key]) && schema[key].length > 0) {
        const index = schema[key].findIndex((branch) => {
          const b = this.resolve(branch, where);
          return !(b && b.type === 'null');
        });
        return this.build(schema[key][Math.max(index, 0)], name, `${where}/${key}/${Math.max(index, 0)}`,
            depth + 1);
      }
    }
    let type = schema.type;
    if (Array.isArray(type)) type = type.find((t) => t !== 'null') ?? 'null';
    if (type === undefined) {
      if (schema.properties || schema.required) type = 'object';
      else if (schema.items) type = 'array';
      else return this.text(name, schema, where);
    }
    switch (type) {
      case 'string': return this.text(name, schema, where);
      case 'integer': return this.number(schema, true);
      case 'number': return this.number(schema, false);
      case 'boolean': return true;
      case 'null': return null;
      case 'array': {
        const count = Math.max(1, schema.minItems ?? 0);
        const items = [];
        for (let i = 0; i < count; i++) {
          const item = this.build(schema.items, name, `${where}/items`, depth + 1);
          items.push(schema.uniqueItems && typeof item === 'string' && i > 0 ? `${item}${i}` : item);
        }
        return items;
      }
      case 'object': return this.object(schema, where, depth, false);
      default:
        this.problems.push(`${where}: unknown type ${JSON.stringify(type)}`);
        return this.text(name);
    }
  }

  object(schema, where, depth, topLevel) {
    const properties = schema.properties ?? {};
    const value = {};
    const wanted = new Set(Array.isArray(schema.required) ? schema.required : []);
    if (topLevel) {
      // An optional body is sent too, except where an ANY tool's chosen method is GET or HEAD (no body there).
      const method = properties.httpMethod ?? properties.method;
      const chosen = method ? this.build(method, 'method', `${where}/properties/method`, depth + 1) : undefined;
      const bodiless = typeof chosen === 'string' && ['GET', 'HEAD'].includes(chosen.toUpperCase());
      for (const body of ['body', 'requestBody']) {
        if (body in properties && !(bodiless && !wanted.has(body))) wanted.add(body);
      }
    }
    const names = Object.keys(properties);
    for (const extra of names) {
      if (wanted.size >= (schema.minProperties ?? 0)) break;
      wanted.add(extra);
    }
    for (const property of wanted) {
      let propertySchema = properties[property];
      if (propertySchema === undefined) {
        const extra = schema.additionalProperties;
        propertySchema = extra === undefined || extra === false ? true : extra;
        if (extra === false) this.problems.push(`${where}: required ${property} is not an allowed property`);
      }
      value[property] = this.build(propertySchema, property, `${where}/properties/${property}`, depth + 1);
    }
    return value;
  }

  number(schema, integer) {
    let low = schema.minimum ?? (typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : undefined);
    let value = low === undefined ? 1 : low;
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) {
      value = schema.exclusiveMinimum + (integer ? 1 : 0.5);
    }
    if (integer) value = Math.ceil(value);
    if (typeof schema.multipleOf === 'number' && schema.multipleOf > 0) {
      value = Math.ceil(value / schema.multipleOf) * schema.multipleOf;
    }
    const high = schema.maximum ?? (typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : undefined);
    if (high !== undefined && value > high) value = high;
    return value;
  }

  /** A string for the property: a format's example, a pattern candidate, else "val-<name>", padded to bounds. */
  text(name, schema = {}, where = '') {
    let value = FORMAT_VALUES[schema.format] ?? `val-${String(name ?? 'x').replace(/[^A-Za-z0-9]/g, '')}`;
    if (typeof schema.pattern === 'string') {
      let regex;
      try {
        regex = new RegExp(schema.pattern, 'u');
      } catch (error) {
        this.problems.push(`${where}: pattern ${schema.pattern} is not valid in ECMA-262 unicode mode (${error.message})`);
      }
      if (regex && !regex.test(value)) {
        const fit = PATTERN_CANDIDATES.find((c) => regex.test(c));
        if (fit === undefined) this.problems.push(`${where}: no built-in value matches pattern ${schema.pattern}`);
        else value = fit;
      }
    }
    if (typeof schema.minLength === 'number') while ([...value].length < schema.minLength) value += 'x';
    if (typeof schema.maxLength === 'number' && [...value].length > schema.maxLength) {
      value = [...value].slice(0, schema.maxLength).join('');
    }
    return value;
  }
}

function argumentsFor(tool, variant, validate) {
  const problems = [];
  const schema = tool.inputSchema ?? { type: 'object' };
  const builder = new ValueBuilder(schema, variant, problems);
  const args = builder.object(builder.resolve(schema, '#'), '#', 0, true);
  if (validate) {
    try {
      const check = validate(schema);
      if (!check(args)) {
        for (const error of check.errors ?? []) problems.push(`ajv: ${error.instancePath || '/'} ${error.message}`);
      }
    } catch (error) {
      problems.push(`ajv cannot compile the inputSchema: ${error.message}`);
    }
  }
  return { args, problems };
}

async function tell(controlUrl, next) {
  const answer = await fetch(controlUrl, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify(next) });
  if (!answer.ok) throw new Error(`the upstream's control endpoint answered HTTP ${answer.status}`);
}

async function main() {
  const plan = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  // The SDK lives in the build's npm cache, not beside this script: resolve it (and its ajv) from there.
  const sdk = createRequire(path.join(plan.modules, 'resolve-from-here.js'));
  const { Client } = sdk('@modelcontextprotocol/sdk/client/index.js');
  const { StdioClientTransport } = sdk('@modelcontextprotocol/sdk/client/stdio.js');
  let validate = null;
  try {
    const Ajv2020 = sdk('ajv/dist/2020').default;
    const addFormats = sdk('ajv-formats').default ?? sdk('ajv-formats');
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    validate = (schema) => ajv.compile(schema);
  } catch (error) {
    console.error(`real-exports-client: ajv not available, arguments are not pre-checked (${error.message})`);
  }
  const transport = new StdioClientTransport({ command: plan.command, args: plan.args, env: plan.env,
    stderr: 'inherit' });
  const client = new Client({ name: 'apigw-mcp-real-exports', version: '1.0.0' });
  const transcript = { tools: [], calls: [] };
  try {
    await client.connect(transport);
    transcript.serverVersion = client.getServerVersion();
    let cursor;
    do {
      const page = await client.listTools(cursor ? { cursor } : {});
      transcript.tools.push(...page.tools);
      cursor = page.nextCursor;
    } while (cursor);
    const tools = [...transcript.tools].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    let call = 0;
    for (const tool of tools) {
      for (let variant = 0; variant < plan.shapes.length; variant++) {
        const shape = plan.shapes[variant];
        call++;
        const { args, problems } = argumentsFor(tool, variant, validate);
        const record = { call, tool: tool.name, shape, arguments: args, argumentProblems: problems };
        await tell(plan.controlUrl, { call, tool: tool.name, shape });
        try {
          const result = await client.callTool({ name: tool.name, arguments: args });
          Object.assign(record, { threw: false, isError: result.isError === true,
            structured: result.structuredContent !== undefined, result });
        } catch (error) {
          Object.assign(record, { threw: true, message: String(error && error.message ? error.message : error),
            code: error && error.code !== undefined ? error.code : null });
        }
        transcript.calls.push(record);
      }
    }
  } catch (error) {
    transcript.failure = String(error && error.stack ? error.stack : error);
  } finally {
    fs.writeFileSync(plan.out, JSON.stringify(transcript, null, 2));
    await client.close().catch(() => {});
  }
  if (transcript.failure) throw new Error(transcript.failure);
}

main().then(() => process.exit(0), (error) => {
  console.error('real-exports-client: ' + (error && error.stack ? error.stack : error));
  process.exit(1);
});
