import 'reflect-metadata';
import { ConfigError, configuredClock, createLogger, readServiceConfig, stopOnSignals } from '@tw/kernel';
import { openGovernanceDatabase } from './database';
import { startGovernance } from './server';

async function main(): Promise<void> {
  const cfg = readServiceConfig('governance');
  const logger = createLogger('governance', cfg.logLevel);
  const dataSource = await openGovernanceDatabase({ url: cfg.databaseUrl, dataDir: cfg.dataDir, logSql: cfg.logSql });
  const handle = await startGovernance({ dataSource, keys: cfg.keys, production: cfg.production, clock: configuredClock(cfg, logger), host: cfg.host, port: cfg.port, gatewayUrl: cfg.gatewayUrl });
  stopOnSignals(logger, handle);
}

main().catch((e: unknown) => {
  process.stderr.write(`governance failed to start: ${e instanceof ConfigError ? e.message : ((e as Error).stack ?? String(e))}\n`);
  process.exit(1);
});
