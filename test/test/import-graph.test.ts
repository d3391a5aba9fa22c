/**
 * The repository's import graph: no cycle between source files, and every workspace declares the
 * packages its code imports. Each check is shown failing first on a small repository made here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { declarationProblems, importCycles, readSourceFiles } from '../src/import-graph';

const ROOT = path.resolve(__dirname, '../..');

/** A throwaway repository: a root package.json with workspaces and the files given. */
function repository(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-import-graph-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const pkg = (name: string, dependencies: Record<string, string> = {}, devDependencies: Record<string, string> = {}) => JSON.stringify({ name, dependencies, devDependencies });

describe('the import graph checks, on a repository made to fail them', () => {
  let dir: string;
  beforeAll(() => {
    dir = repository({
      'package.json': JSON.stringify({ workspaces: ['packages/*', 'tool'] }),
      // entity → field → context-bearing loaders → entity: the shape of the cycle personnel had
      'packages/a/package.json': pkg('@x/a', { typeorm: '1' }, { jest: '1' }),
      'packages/a/src/entity.ts': "import { field } from './field';\nimport { Column } from 'typeorm';\n",
      'packages/a/src/field.ts': "import type { Context } from './loaders';\n",
      'packages/a/src/loaders.ts': "import { Entity } from './entity';\nexport interface Context {}\n",
      'packages/a/src/index.ts': "export * from './entity';\nimport fs from 'node:fs';\nimport { x } from 'graphql/utilities';\nimport { j } from 'jest';\n",
      'packages/a/src/self.ts': "import { me } from './self';\n",
      'packages/a/test/a.test.ts': "import { j } from 'jest';\nimport { y } from '@x/b';\nimport { z } from '../../b/src/index';\n",
      'packages/b/package.json': pkg('@x/b'),
      'packages/b/src/index.ts': "const m = require('mysql2/promise');\nconst later = () => import('@scope/lib/deep');\n",
      'tool/package.json': pkg('tool'),
      'tool/src/one.ts': "export { two } from './two';\n",
      'tool/src/two.ts': "export * from './one';\n",
    });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('names every cycle file by file, whatever kind of import closes it', () => {
    expect(importCycles(readSourceFiles(dir))).toEqual([
      ['packages/a/src/entity.ts', 'packages/a/src/field.ts', 'packages/a/src/loaders.ts', 'packages/a/src/entity.ts'],
      ['packages/a/src/self.ts', 'packages/a/src/self.ts'],
      ['tool/src/one.ts', 'tool/src/two.ts', 'tool/src/one.ts'],
    ]);
  });

  it('names each undeclared package, each devDependency shipped code needs, and each reach into another workspace', () => {
    const problems = declarationProblems(dir, readSourceFiles(dir)).map((p) => `${p.file}: ${p.problem}`);
    expect(problems.sort()).toEqual([
      'packages/a/src/index.ts: imports graphql, which packages/a/package.json does not declare',
      'packages/a/src/index.ts: imports jest, which packages/a/package.json lists only under devDependencies: src/ code needs it in dependencies',
      'packages/a/test/a.test.ts: imports @x/b, which packages/a/package.json does not declare',
      'packages/a/test/a.test.ts: imports packages/b/src/index.ts by a relative path, outside packages/a: import its package instead',
      'packages/b/src/index.ts: imports @scope/lib, which packages/b/package.json does not declare',
      'packages/b/src/index.ts: imports mysql2, which packages/b/package.json does not declare',
    ]);
  });
});

describe('this repository', () => {
  const files = readSourceFiles(ROOT);

  it('reads the source of every workspace', () => {
    const workspaces = new Set(files.map((f) => f.workspace.folder));
    for (const w of ['packages/kernel', 'services/personnel', 'gateway', 'importer', 'test', 'bench']) expect(workspaces).toContain(w);
    expect(files.length).toBeGreaterThan(300);
  });

  it('names type files with one suffix, .type.ts', () => {
    expect(files.map((f) => f.file).filter((f) => /\.types\.ts$/.test(f))).toEqual([]);
  });

  it('has no import cycle between source files', () => {
    expect(importCycles(files).map((c) => c.join(' → '))).toEqual([]);
  });

  it('declares in each package.json every package its code imports, and reaches no other workspace by a relative path', () => {
    expect(declarationProblems(ROOT, files).map((p) => `${p.file}: ${p.problem}`)).toEqual([]);
  });
});
