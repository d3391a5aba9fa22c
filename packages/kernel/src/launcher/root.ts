import fs from 'node:fs';
import path from 'node:path';

/**
 * The repository root: the folder holding tsconfig.build.json above this file, whether it runs from
 * its source (packages/kernel/src/launcher) or its build (packages/kernel/dist/launcher).
 */
export const ROOT = findRoot(__dirname);

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'tsconfig.build.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No tsconfig.build.json above ${from}`);
  }
}
