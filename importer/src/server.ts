import { createLogger, currentRequestScope, GATEWAY_DEFAULT_PORT, Logger, Principal, startService, TokenKeys } from '@tw/kernel';
import { DataSource } from 'typeorm';
import { ImporterSettings, readImporterSettings } from './config';
import { createLoaders, ImporterContext } from './graphql/loaders';
import { mountImportRoutes } from './http/routes';
import { DelegatedGatewayCaller } from './jobs/gateway-caller';
import { JobStore } from './jobs/job-store';
import { ImportWorker } from './jobs/worker';
import { buildImporterSchema } from './schema';

export interface ImporterServerOptions {
  readonly dataSource: DataSource;
  readonly keys: TokenKeys;
  readonly production: boolean;
  readonly host?: string;
  /** 0 picks a free port */
  readonly port?: number;
  /** the gateway's /graphql URL: jobs read references and write through it */
  readonly gatewayUrl?: string;
  /** IMPORTER_* settings; read from the environment when absent */
  readonly settings?: ImporterSettings;
  /** false: take uploads but run no jobs (tests of the job claim start workers themselves) */
  readonly runJobs?: boolean;
  readonly logger?: Logger;
}

export interface ImporterHandle {
  readonly url: string;
  readonly port: number;
  readonly worker: ImportWorker;
  readonly store: JobStore;
  stop(): Promise<void>;
}

/**
 * Starts the importer: a subgraph (importJob, importJobs) whose HTTP routes (uploads, job status,
 * error reports, templates) the gateway forwards to it, and a worker that claims and runs jobs.
 */
export async function startImporter(o: ImporterServerOptions): Promise<ImporterHandle> {
  const settings = o.settings ?? readImporterSettings();
  const logger = o.logger ?? createLogger('importer');
  const store = new JobStore(o.dataSource);
  const gatewayUrl = o.gatewayUrl ?? `http://127.0.0.1:${GATEWAY_DEFAULT_PORT}/graphql`;
  const worker = new ImportWorker({
    store,
    gatewayUrl,
    gatewaySecret: o.keys.gatewaySecret,
    limits: settings.limits,
    concurrency: settings.concurrency,
    batchSize: settings.batchSize,
    inFlight: settings.inFlight,
    leaseMs: settings.leaseMs,
    heartbeatMs: settings.heartbeatMs,
    pollMs: settings.pollMs,
    logger,
  });
  const schema = await buildImporterSchema();
  // a request's own calls to the platform (previews, exports, the data-quality view) act for its user
  const gatewayFor = (principal: Principal) =>
    new DelegatedGatewayCaller({ url: gatewayUrl, gatewaySecret: o.keys.gatewaySecret, principal, requestId: currentRequestScope()?.requestId ?? 'importer' });
  const handle = await startService<ImporterContext>(
    {
      name: 'importer',
      schema,
      dataSource: o.dataSource,
      keys: o.keys,
      production: o.production,
      logger,
      context: (base) => ({ ...base, ds: o.dataSource, loaders: createLoaders(o.dataSource), gatewayFor }),
      mount: (router, principalOf) =>
        mountImportRoutes(router, principalOf, { store, maxUploadBytes: settings.limits.maxFileBytes, onQueued: () => worker.nudge(), limits: settings.limits, gatewayFor }),
    },
    { host: o.host ?? '127.0.0.1', port: o.port ?? 0 },
  );
  if (o.runJobs !== false) worker.start();
  return {
    url: handle.url,
    port: handle.port,
    worker,
    store,
    stop: async () => {
      await worker.stop();
      await handle.stop();
    },
  };
}
