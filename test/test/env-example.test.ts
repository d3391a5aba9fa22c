/**
 * .env.example lists every variable the platform's configuration readers read: each reader is run
 * over an environment that records the names asked of it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readImporterSettings } from '@tw/importer';
import { readCommonConfig, readGatewayConfig, readServiceConfig, SERVICES } from '@tw/kernel';
import { readLauncherSettings } from '@tw/kernel/launcher';

const ROOT = path.resolve(__dirname, '../..');

/** The names `read` asks of the environment. */
function namesRead(read: (source: NodeJS.ProcessEnv) => unknown): Set<string> {
  const asked = new Set<string>();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-env-'));
  // secrets set, so that no reader writes development secrets anywhere
  const values: Record<string, string> = { DATA_DIR: dataDir, JWT_SECRET: 'j'.repeat(32), GATEWAY_SECRET: 'g'.repeat(32) };
  const source = new Proxy(values, {
    get: (target, name) => {
      if (typeof name === 'string') asked.add(name);
      return typeof name === 'string' ? target[name] : undefined;
    },
  });
  try {
    read(source);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return asked;
}

const listed = new Set([...fs.readFileSync(path.join(ROOT, '.env.example'), 'utf8').matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));

describe('.env.example', () => {
  const readers: Array<[string, (source: NodeJS.ProcessEnv) => unknown]> = [
    ['readCommonConfig', readCommonConfig],
    ...SERVICES.map((s) => [`readServiceConfig(${s.name})`, (source: NodeJS.ProcessEnv) => readServiceConfig(s.name, source)] as [string, (source: NodeJS.ProcessEnv) => unknown]),
    ['readGatewayConfig', readGatewayConfig],
    ['readImporterSettings', readImporterSettings],
    ['readLauncherSettings', readLauncherSettings],
  ];

  it.each(readers)('lists every variable %s reads', (_name, read) => {
    const asked = namesRead(read);
    expect(asked.size).toBeGreaterThan(0);
    expect([...asked].filter((n) => !listed.has(n)).sort()).toEqual([]);
  });
});
