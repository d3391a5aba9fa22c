#!/usr/bin/env node
// Writes importer/KINDS.md from the kind specs (run on the built code: npm run kinds-doc -w @tw/importer,
// which builds first). A test fails when the committed file is stale.
require('reflect-metadata');
const fs = require('node:fs');
const path = require('node:path');

const { renderKindsDoc } = require(path.join(__dirname, '../dist/docs/kinds-doc.js'));
const file = path.join(__dirname, '../KINDS.md');
const text = renderKindsDoc();
if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) console.log('importer/KINDS.md up to date');
else {
  fs.writeFileSync(file, text);
  console.log('wrote importer/KINDS.md');
}
