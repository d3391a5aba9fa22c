#!/usr/bin/env node
// Composes the supergraph from every service's schema: writes each services/<name>/schema.graphql,
// schema/supergraph.graphql and schema/api.graphql. With --check, writes nothing and exits 1 when
// any committed file is stale. Runs on the built code (npm run compose builds first).
require('reflect-metadata');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const { SERVICES, subgraphSdl } = require(path.join(root, 'packages/kernel/dist'));
const { composeSupergraph, SUPERGRAPH_FILE, API_SCHEMA_FILE } = require(path.join(root, 'gateway/dist'));

async function main() {
  const check = process.argv.includes('--check');
  const subgraphs = [];
  const files = [];
  for (const s of SERVICES) {
    const mod = require(path.join(root, s.folder, 'dist/index.js'));
    const sdl = subgraphSdl(await mod.buildServiceSchema());
    subgraphs.push({ name: s.name, url: `http://localhost:${s.defaultPort}/graphql`, sdl });
    files.push([path.join(root, s.folder, 'schema.graphql'), sdl]);
  }
  const { supergraphSdl, apiSchemaSdl } = composeSupergraph(subgraphs);
  files.push([SUPERGRAPH_FILE, supergraphSdl], [API_SCHEMA_FILE, apiSchemaSdl]);
  let stale = 0;
  for (const [file, text] of files) {
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
    if (current === text) continue;
    stale++;
    if (check) console.error(`stale: ${path.relative(root, file)}`);
    else {
      fs.writeFileSync(file, text);
      console.log(`wrote ${path.relative(root, file)}`);
    }
  }
  if (check && stale) {
    console.error('Run "npm run compose" and commit the result.');
    process.exit(1);
  }
  if (!stale) console.log('supergraph up to date');
}

main().catch((e) => {
  console.error(e.message ?? e);
  process.exit(1);
});
