import 'reflect-metadata';
import { ConfigError, configuredClock, createLogger, readServiceConfig, stopOnSignals } from '@tw/kernel';
import { openCompensationDatabase } from './database';
import { startCompensation } from './server';

async function main(): Promise<void> {
  const cfg = readServiceConfig('compensation');
  const logger = createLogger('compensation', cfg.logLevel);
  const dataSource = await openCompensationDatabase({ url: cfg.databaseUrl, dataDir: cfg.dataDir, logSql: cfg.logSql });
  const handle = await startCompensation({ dataSource, keys: cfg.keys, production: cfg.production, clock: configuredClock(cfg, logger), host: cfg.host, port: cfg.port, gatewayUrl: cfg.gatewayUrl });
  stopOnSignals(logger, handle);
}

main().catch((e: unknown) => {
  process.stderr.write(`compensation failed to start: ${e instanceof ConfigError ? e.message : ((e as Error).stack ?? String(e))}\n`);
  process.exit(1);
});
