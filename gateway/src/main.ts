import 'reflect-metadata';
import { ConfigError, createLogger, readGatewayConfig, stopOnSignals } from '@tw/kernel';
import { readSupergraph } from './supergraph';
import { startGateway } from './server';
import { readTrustedDocuments } from './trusted-documents';

async function main(): Promise<void> {
  const cfg = readGatewayConfig();
  const logger = createLogger('gateway', cfg.logLevel);
  const handle = await startGateway({
    supergraphSdl: readSupergraph(),
    subgraphUrls: cfg.subgraphUrls,
    gatewaySecret: cfg.keys.gatewaySecret,
    production: cfg.production,
    host: cfg.host,
    port: cfg.port,
    subgraphTimeoutMs: cfg.subgraphTimeoutMs,
    requestTimeoutMs: cfg.requestTimeoutMs,
    bodyLimitBytes: cfg.bodyLimitBytes,
    limits: cfg.limits,
    responseLimitBytes: cfg.responseLimitBytes,
    budget: cfg.budget ?? undefined,
    keys: cfg.keys,
    console: { settings: cfg.console, devTokenSecret: !cfg.production && cfg.keys.user.kind === 'HS256' ? cfg.keys.user.secret : undefined },
    logger,
    trustedDocuments: cfg.trustedDocuments.enabled ? { manifest: readTrustedDocuments(), anyDocumentRoles: cfg.trustedDocuments.anyDocumentRoles, keys: cfg.keys } : undefined,
    metrics: cfg.metrics,
    shutdownDelayMs: cfg.shutdownDelayMs,
  });
  // the requests in flight get 10 s after the delay in which the load balancer stops sending
  stopOnSignals(logger, handle, { graceMs: 10_000 + cfg.shutdownDelayMs });
}

main().catch((e: unknown) => {
  process.stderr.write(`gateway failed to start: ${e instanceof ConfigError ? e.message : ((e as Error).stack ?? String(e))}\n`);
  process.exit(1);
});
