import 'reflect-metadata';
import { ConfigError, configuredClock, createLogger, readServiceConfig, stopOnSignals } from '@tw/kernel';
import { openProfessionalDevelopmentDatabase } from './database';
import { startProfessionalDevelopment } from './server';

async function main(): Promise<void> {
  const cfg = readServiceConfig('professional-development');
  const logger = createLogger('professional-development', cfg.logLevel);
  const dataSource = await openProfessionalDevelopmentDatabase({ url: cfg.databaseUrl, dataDir: cfg.dataDir, logSql: cfg.logSql });
  const handle = await startProfessionalDevelopment({ dataSource, keys: cfg.keys, production: cfg.production, clock: configuredClock(cfg, logger), host: cfg.host, port: cfg.port, gatewayUrl: cfg.gatewayUrl });
  stopOnSignals(logger, handle);
}

main().catch((e: unknown) => {
  process.stderr.write(`professional-development failed to start: ${e instanceof ConfigError ? e.message : ((e as Error).stack ?? String(e))}\n`);
  process.exit(1);
});
