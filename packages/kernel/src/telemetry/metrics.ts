import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The platform's Prometheus series, one registry per process (`/metrics`). Every series carries
 * the service it is about, so processes that share one (the in-process tests) stay apart.
 * Labels hold names and codes only: never an id, a person's name or an amount.
 */
export const metricsRegistry = new Registry();

let defaultsCollected = false;
/** Adds Node's own series (CPU, memory, event loop lag) once per process. */
export function collectProcessMetrics(): void {
  if (defaultsCollected) return;
  defaultsCollected = true;
  collectDefaultMetrics({ register: metricsRegistry, prefix: 'tw_' });
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export const graphqlRequests = new Counter({
  name: 'tw_graphql_requests_total',
  help: 'GraphQL requests answered, by operation name and outcome (ok, error: errors in the answer, refused: refused before running)',
  labelNames: ['service', 'operation', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const graphqlDuration = new Histogram({
  name: 'tw_graphql_request_duration_seconds',
  help: 'Time from receiving a GraphQL request to answering it, by operation name',
  labelNames: ['service', 'operation'] as const,
  buckets: SECONDS,
  registers: [metricsRegistry],
});

export const subgraphFetchDuration = new Histogram({
  name: 'tw_subgraph_fetch_duration_seconds',
  help: 'Time of one fetch from the gateway to a subgraph',
  labelNames: ['subgraph'] as const,
  buckets: SECONDS,
  registers: [metricsRegistry],
});

export const subgraphFetchErrors = new Counter({
  name: 'tw_subgraph_fetch_errors_total',
  help: 'Subgraph fetches that failed, by subgraph and code (UNAVAILABLE: unreachable or timed out; otherwise the code the subgraph answered)',
  labelNames: ['subgraph', 'code'] as const,
  registers: [metricsRegistry],
});

export const requestRefusals = new Counter({
  name: 'tw_request_refusals_total',
  help: 'Requests refused by a limit before running, by code (QUERY_TOO_DEEP, QUERY_TOO_COSTLY, PAYLOAD_TOO_LARGE, PERSISTED_QUERY_NOT_TRUSTED…)',
  labelNames: ['service', 'code'] as const,
  registers: [metricsRegistry],
});

export const databasePoolInUse = new Gauge({
  name: 'tw_db_pool_in_use',
  help: 'Database connections in use (MySQL: pool connections lent out; SQLite: statements running on its one connection)',
  labelNames: ['service'] as const,
  registers: [metricsRegistry],
});

export const databasePoolSize = new Gauge({
  name: 'tw_db_pool_size',
  help: 'Database connections open (MySQL pool) or 1 (SQLite)',
  labelNames: ['service'] as const,
  registers: [metricsRegistry],
});

export const importRows = new Counter({
  name: 'tw_import_rows_total',
  help: 'Rows the importer has read, by kind and what became of them (created, updated, unchanged, rejected)',
  labelNames: ['kind', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const importRowsPerSecond = new Gauge({
  name: 'tw_import_rows_per_second',
  help: 'Rows per second of the last import job to finish, by kind',
  labelNames: ['kind'] as const,
  registers: [metricsRegistry],
});

export const importJobs = new Gauge({
  name: 'tw_import_jobs',
  help: 'Import jobs by status: queued, running, failed (failed: in the last 24 hours)',
  labelNames: ['status'] as const,
  registers: [metricsRegistry],
});

export const importJobOldestAge = new Gauge({
  name: 'tw_import_job_oldest_age_seconds',
  help: 'Age of the oldest queued job (since it was queued) and of the oldest running job (since it started)',
  labelNames: ['status'] as const,
  registers: [metricsRegistry],
});

export const pendingSubmissions = new Gauge({
  name: 'tw_pending_submissions',
  help: "Submissions waiting for the bureau's review, by service and kind",
  labelNames: ['service', 'kind'] as const,
  registers: [metricsRegistry],
});

/** Work to do before each scrape (reading gauges from a database), registered by whoever owns the figures. */
const beforeScrape = new Set<() => Promise<void> | void>();

/**
 * Registers a step run before each scrape; returns its removal. A step that fails is skipped
 * (its gauges keep their last value) so one broken figure does not hide the others.
 * @example const off = onScrape(async () => importJobs.set({ status: 'queued' }, await store.count('queued')));
 */
export function onScrape(step: () => Promise<void> | void): () => void {
  beforeScrape.add(step);
  return () => beforeScrape.delete(step);
}

/** The registry's text exposition, after the scrape steps. */
export async function scrapeMetrics(): Promise<{ contentType: string; body: string }> {
  await Promise.all([...beforeScrape].map(async (s) => {
    try {
      await s();
    } catch {
      // the gauge keeps its last value
    }
  }));
  return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
}

const MAX_OPERATIONS = 200;
const seenOperations = new Set<string>();

/**
 * The label an operation name is counted under: the name when it is a plain GraphQL name among the
 * first 200 seen, `(anonymous)` without one, `(other)` beyond (clients choose names: the series must stay bounded).
 */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return '(anonymous)';
  if (!/^[_A-Za-z][_0-9A-Za-z]{0,99}$/.test(name)) return '(other)';
  if (seenOperations.has(name)) return name;
  if (seenOperations.size >= MAX_OPERATIONS) return '(other)';
  seenOperations.add(name);
  return name;
}
