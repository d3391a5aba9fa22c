#!/usr/bin/env node
// npm run import -- <kind> <file> [--school CODE] [--dry-run] [--partial]: see import-cli.ts.
import { runImportCli } from './import-cli';

runImportCli(process.argv.slice(2), process).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${(e as Error).message ?? String(e)}\n`);
    process.exit(2);
  },
);
