import 'reflect-metadata';
import { ConfigError, createLogger, readServiceConfig, stopOnSignals } from '@tw/kernel';
import { readImporterSettings } from './config';
import { openImporterDatabase } from './database';
import { startImporter } from './server';

async function main(): Promise<void> {
  const cfg = readServiceConfig('importer');
  const settings = readImporterSettings();
  const logger = createLogger('importer', cfg.logLevel);
  const dataSource = await openImporterDatabase({ url: cfg.databaseUrl, dataDir: cfg.dataDir, logSql: cfg.logSql });
  const handle = await startImporter({
    dataSource,
    keys: cfg.keys,
    production: cfg.production,
    host: cfg.host,
    port: cfg.port,
    gatewayUrl: cfg.gatewayUrl,
    settings,
    logger,
  });
  stopOnSignals(logger, handle);
}

main().catch((e: unknown) => {
  process.stderr.write(`importer failed to start: ${e instanceof ConfigError ? e.message : ((e as Error).stack ?? String(e))}\n`);
  process.exit(1);
});
