#!/usr/bin/env node
// Builds schema/trusted-documents.json, the manifest of trusted documents (Apollo's persisted-query
// manifest format): every operation of schema/operations/*.graphql (with the fragments it uses,
// printed by graphql-js as clients print a typed document) and every document of the console's
// generated client (console/src/__generated__/graphql.ts, its exact text, as the console sends it).
// With a gateway set to GATEWAY_TRUSTED_DOCUMENTS=1 only these run. With --check, writes nothing
// and exits 1 when the committed manifest is stale. `npm run codegen` runs it after codegen.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { parse, print, visit, Kind } = require('graphql');

const root = path.resolve(__dirname, '..');
const OUT = path.join(root, 'schema/trusted-documents.json');
const sha256 = (text) => crypto.createHash('sha256').update(text).digest('hex');

/** Each operation of a document with the fragments it spreads, directly or through others. */
function operationsOf(source) {
  const doc = parse(source, { noLocation: true });
  const fragments = new Map(doc.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const out = [];
  for (const op of doc.definitions) {
    if (op.kind !== Kind.OPERATION_DEFINITION) continue;
    const used = new Set();
    const walk = (node) =>
      visit(node, {
        FragmentSpread(s) {
          if (used.has(s.name.value) || !fragments.has(s.name.value)) return;
          used.add(s.name.value);
          walk(fragments.get(s.name.value));
        },
      });
    walk(op);
    const body = print({ kind: Kind.DOCUMENT, definitions: [op, ...[...used].map((n) => fragments.get(n))] });
    out.push({ name: op.name ? op.name.value : '', type: op.operation, body });
  }
  return out;
}

function build() {
  const ops = [];
  const opsDir = path.join(root, 'schema/operations');
  for (const f of fs.readdirSync(opsDir).filter((f) => f.endsWith('.graphql')).sort()) {
    ops.push(...operationsOf(fs.readFileSync(path.join(opsDir, f), 'utf8')));
  }
  // the console sends codegen's strings as they are (documentMode: string)
  const generated = fs.readFileSync(path.join(root, 'console/src/__generated__/graphql.ts'), 'utf8');
  for (const m of generated.matchAll(/new TypedDocumentString\(`([\s\S]*?)`/g)) {
    const body = m[1];
    const [op] = operationsOf(body);
    if (op) ops.push({ name: op.name, type: op.type, body });
  }
  const seen = new Set();
  const operations = [];
  for (const op of ops) {
    const id = sha256(op.body);
    if (seen.has(id)) continue;
    seen.add(id);
    operations.push({ id, name: op.name, type: op.type, body: op.body });
  }
  operations.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return `${JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations }, null, 2)}\n`;
}

const text = build();
const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : null;
if (process.argv.includes('--check')) {
  if (current !== text) {
    console.error('stale: schema/trusted-documents.json (run "npm run codegen" and commit the result)');
    process.exit(1);
  }
  console.log('trusted documents up to date');
} else if (current !== text) {
  fs.writeFileSync(OUT, text);
  console.log(`wrote schema/trusted-documents.json (${JSON.parse(text).operations.length} documents)`);
} else console.log('trusted documents up to date');
