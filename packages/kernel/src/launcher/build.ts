import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './root';
import { readLauncherSettings } from './settings';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Builds every workspace (`tsc -b tsconfig.build.json`), once per process. Concurrent jest workers
 * take turns through a lock directory, so two builds never write the same dist files at once.
 * TW_SKIP_BUILD=1 runs what dist/ holds (a test run of a half-edited tree).
 */
let built: Promise<void> | undefined;
export function ensureBuilt(): Promise<void> {
  if (readLauncherSettings().skipBuild) return Promise.resolve();
  built ??= (async () => {
    const lock = path.join(os.tmpdir(), `tw-build-${Buffer.from(ROOT).toString('base64url').slice(-24)}.lock`);
    const deadline = Date.now() + 10 * 60_000;
    for (;;) {
      try {
        fs.mkdirSync(lock);
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        // a lock left by a build that died is older than any build takes
        const held = fs.statSync(lock, { throwIfNoEntry: false });
        if (held && Date.now() - held.mtimeMs > 5 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
        if (Date.now() > deadline) throw new Error(`Waited 10 minutes for the build lock ${lock}`);
        await sleep(200);
      }
    }
    try {
      const tsc = require.resolve('typescript/bin/tsc', { paths: [ROOT] });
      const r = spawnSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`npx tsc -b tsconfig.build.json failed:\n${r.stdout}${r.stderr}`);
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  })();
  return built;
}

/**
 * The processes run the build (dist/main.js). Run from its TypeScript source (under jest), the
 * launcher builds what changed first, so a test never runs yesterday's build; run from its build
 * (npm start, the benches), whoever ran it built first.
 */
export function ensureBuiltWhenFromSource(): Promise<void> {
  return __filename.endsWith('.ts') ? ensureBuilt() : Promise.resolve();
}
