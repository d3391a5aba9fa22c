#!/usr/bin/env node
// npm run import -- …: runs the built CLI (importer/dist/cli/main.js), building the importer and the
// kernel first only when a source is newer than the last build. `tsc -b` on every call cost about
// 0.75 s of each import even when nothing had changed; comparing file times takes a few ms.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const built = path.join(root, 'importer/dist/.tsbuildinfo');
const sources = ['importer/src', 'importer/tsconfig.json', 'packages/kernel/src', 'packages/kernel/tsconfig.json', 'tsconfig.base.json'].map((p) => path.join(root, p));

/** The newest modification time under `p` (a file or a folder), in ms. */
function newest(p) {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let t = st.mtimeMs;
  for (const e of fs.readdirSync(p)) t = Math.max(t, newest(path.join(p, e)));
  return t;
}

const last = fs.statSync(built, { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (sources.some((s) => newest(s) > last)) {
  process.stderr.write('源代码有改动，正在编译导入程序…\n');
  const r = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', path.join(root, 'importer')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 2);
  // tsc -b leaves .tsbuildinfo untouched when it finds nothing to emit; mark this check as done
  const now = new Date();
  fs.utimesSync(built, now, now);
}
require(path.join(root, 'importer/dist/cli/main.js'));
