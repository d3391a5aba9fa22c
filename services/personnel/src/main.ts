import 'reflect-metadata';
import { ConfigError, configuredClock, createLogger, readServiceConfig, stopOnSignals } from '@tw/kernel';
import { openPersonnelDatabase } from './database';
import { startPersonnel } from './server';

async function main(): Promise<void> {
  const cfg = readServiceConfig('personnel');
  const logger = createLogger('personnel', cfg.logLevel);
  const dataSource = await openPersonnelDatabase({ url: cfg.databaseUrl, dataDir: cfg.dataDir, logSql: cfg.logSql });
  const handle = await startPersonnel({ dataSource, keys: cfg.keys, production: cfg.production, clock: configuredClock(cfg, logger), host: cfg.host, port: cfg.port, gatewayUrl: cfg.gatewayUrl });
  stopOnSignals(logger, handle);
}

main().catch((e: unknown) => {
  process.stderr.write(`personnel failed to start: ${e instanceof ConfigError ? e.message : ((e as Error).stack ?? String(e))}\n`);
  process.exit(1);
});
