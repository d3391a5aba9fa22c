import { createLogger, currentRequestScope, GATEWAY_DEFAULT_PORT, importJobOldestAge, importJobs, Logger, onScrape, Principal, startService, TokenKeys } from '@tw/kernel';
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
  // the queue as the metrics show it, read at each scrape
  const offScrape = onScrape(async () => {
    const now = Date.now();
    const q = await store.queueFigures(new Date(now - 24 * 3600_000));
    importJobs.set({ status: 'queued' }, q.queued);
    importJobs.set({ status: 'running' }, q.running);
    importJobs.set({ status: 'failed' }, q.failed);
    importJobOldestAge.set({ status: 'queued' }, q.oldestQueued ? Math.max(0, (now - q.oldestQueued.getTime()) / 1000) : 0);
    importJobOldestAge.set({ status: 'running' }, q.oldestRunning ? Math.max(0, (now - q.oldestRunning.getTime()) / 1000) : 0);
  });
  return {
    url: handle.url,
    port: handle.port,
    worker,
    store,
    stop: async () => {
      offScrape();
      // a graceful stop: the running jobs go back to the queue, for this instance's successor or another
      await worker.stop({ requeue: true });
      await handle.stop();
    },
  };
}
