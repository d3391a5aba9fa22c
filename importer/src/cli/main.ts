#!/usr/bin/env node
// npm run import -- <kind> <file> [--school CODE] [--dry-run] [--partial] [--preview] [--map 列名=字段]: see import-cli.ts.
import { runImportCli } from './import-cli';

runImportCli(process.argv.slice(2), { env: process.env, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() }).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${(e as Error).message ?? String(e)}\n`);
    process.exit(2);
  },
);
