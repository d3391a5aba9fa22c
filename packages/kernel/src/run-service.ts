import { configuredClock, readServiceConfig } from './config/platform-config';
import { ConfigError } from './errors';
import { createLogger } from './logger';
import { stopOnSignals } from './server';
import type { ServiceModule } from './services';

/**
 * A subgraph's process, as its `src/main.ts` runs it: its settings from the environment, its
 * database opened (and migrated), its server on its port with the configured clock (BUSINESS_DATE),
 * stopped gracefully on SIGINT/SIGTERM. A setting that is wrong ends the process with its message.
 * @example runService('governance', { openServiceDatabase: openGovernanceDatabase, startServiceServer: startGovernance });
 */
export function runService(name: string, mod: Pick<ServiceModule, 'openServiceDatabase' | 'startServiceServer'>): void {
  const start = async () => {
    const cfg = readServiceConfig(name);
    const logger = createLogger(name, cfg.logLevel);
    const dataSource = await mod.openServiceDatabase({ url: cfg.databaseUrl, dataDir: cfg.dataDir, logSql: cfg.logSql });
    const handle = await mod.startServiceServer({ dataSource, keys: cfg.keys, production: cfg.production, clock: configuredClock(cfg, logger), host: cfg.host, port: cfg.port, gatewayUrl: cfg.gatewayUrl });
    stopOnSignals(logger, handle);
  };
  start().catch((e: unknown) => {
    process.stderr.write(`${name} failed to start: ${e instanceof ConfigError ? e.message : ((e as Error).stack ?? String(e))}\n`);
    process.exit(1);
  });
}
