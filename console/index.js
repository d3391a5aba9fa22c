// The console as the rest of the platform sees it: where its build lives, and a build that runs only
// when a source changed (npm start, the end-to-end tests). The gateway serves CONSOLE_DIST.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const CONSOLE_ROOT = __dirname;
const CONSOLE_DIST = path.join(CONSOLE_ROOT, 'dist');
const STAMP = path.join(CONSOLE_DIST, '.built');
// what the build reads besides src/: the kernel's code tables are bundled from their source
const INPUTS = ['src', 'index.html', 'ide.html', 'vite.config.ts', 'package.json', '../packages/kernel/src/codes'];

function newestMtime(p) {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

/** Whether a source is newer than the last build (or there is none). */
function consoleIsStale() {
  const built = fs.statSync(STAMP, { throwIfNoEntry: false });
  if (!built) return true;
  return INPUTS.some((p) => newestMtime(path.join(CONSOLE_ROOT, p)) > built.mtimeMs);
}

/** Builds the console with Vite when a source changed; returns whether it built. Throws with Vite's output when the build fails. */
function ensureConsoleBuilt({ log = () => {} } = {}) {
  if (!consoleIsStale()) return false;
  log('building the console…');
  const vite = path.join(path.dirname(require.resolve('vite/package.json', { paths: [CONSOLE_ROOT] })), 'bin/vite.js');
  // a production bundle whatever NODE_ENV the caller runs with (jest sets test, .env may say development)
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: CONSOLE_ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) throw new Error(`the console's build failed:\n${r.stdout}${r.stderr}`);
  fs.writeFileSync(STAMP, new Date().toISOString());
  return true;
}

module.exports = { CONSOLE_ROOT, CONSOLE_DIST, consoleIsStale, ensureConsoleBuilt };
