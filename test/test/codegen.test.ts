import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

describe('generated TypeScript types', () => {
  it('are what codegen makes from the committed API schema and operations, the console’s included (run "npm run codegen" when this fails)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-codegen-'));
    const out = path.join(dir, 'graphql.ts');
    const consoleOut = path.join(dir, 'console-graphql.ts');
    try {
      // graphql-codegen's CLI loads ES modules that jest's module system cannot: run it as a process
      execFileSync(process.execPath, [path.join(ROOT, 'node_modules/@graphql-codegen/cli/cjs/bin.js'), '--config', 'schema/codegen.ts'], {
        cwd: ROOT,
        env: { ...process.env, CODEGEN_OUT: out, CODEGEN_CONSOLE_OUT: consoleOut },
        stdio: 'pipe',
      });
      expect(fs.readFileSync(path.join(ROOT, 'schema/src/__generated__/graphql.ts'), 'utf8')).toEqual(fs.readFileSync(out, 'utf8'));
      expect(fs.readFileSync(path.join(ROOT, 'console/src/__generated__/graphql.ts'), 'utf8')).toEqual(fs.readFileSync(consoleOut, 'utf8'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
