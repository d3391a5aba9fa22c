import { env, readEnv } from '@tw/kernel';
import { DEFAULT_FILE_LIMITS, FileLimits } from './guard/limits';

/** The importer's own settings (beside IMPORTER_HOST/PORT/DATABASE_URL, read by readServiceConfig). */
export interface ImporterSettings {
  readonly limits: FileLimits;
  /** jobs this instance runs at once */
  readonly concurrency: number;
  /** rows per bulk call */
  readonly batchSize: number;
  /** bulk calls in flight at once (the next batch is read and checked meanwhile) */
  readonly inFlight: number;
  /** how long a running job's owner may go without renewing its lease before the job is failed */
  readonly leaseMs: number;
  /** how often a running job's lease is renewed and lost jobs are looked for */
  readonly heartbeatMs: number;
  /** how often an idle instance looks for queued jobs */
  readonly pollMs: number;
}

const MB = 1024 * 1024;
const D = DEFAULT_FILE_LIMITS;

/**
 * Reads IMPORTER_* settings; unset ones take the defaults (see .env.example).
 * @example const settings = readImporterSettings(); // settings.limits.maxFileBytes === 50 MB
 */
export function readImporterSettings(source: NodeJS.ProcessEnv = process.env): ImporterSettings {
  const c = readEnv(
    {
      IMPORTER_MAX_UPLOAD_MB: env.int(D.maxFileBytes / MB, 1, 1024),
      IMPORTER_MAX_UNZIPPED_MB: env.int(D.maxUncompressedBytes / MB, 1, 8192),
      IMPORTER_MAX_ZIP_RATIO: env.int(D.maxCompressionRatio, 2, 1100),
      IMPORTER_MAX_ZIP_ENTRIES: env.int(D.maxZipEntries, 10, 100_000),
      IMPORTER_MAX_ROWS: env.int(D.maxRows, 1, 1_048_576),
      IMPORTER_MAX_COLUMNS: env.int(D.maxColumns, 5, 16_384),
      IMPORTER_MAX_CELLS: env.int(D.maxCells, 1, 1_000_000_000),
      IMPORTER_MAX_SHARED_STRINGS: env.int(D.maxSharedStrings, 1, 100_000_000),
      IMPORTER_MAX_SHARED_STRINGS_MB: env.int(D.maxSharedStringBytes / MB, 1, 4096),
      IMPORTER_CONCURRENCY: env.int(1, 1, 16),
      IMPORTER_BATCH_ROWS: env.int(1000, 1, 1000),
      IMPORTER_IN_FLIGHT: env.int(2, 1, 8),
      IMPORTER_LEASE_SECONDS: env.int(60, 2, 3600),
    },
    source,
  );
  const leaseMs = c.IMPORTER_LEASE_SECONDS * 1000;
  return {
    limits: {
      ...D,
      maxFileBytes: c.IMPORTER_MAX_UPLOAD_MB * MB,
      maxUncompressedBytes: c.IMPORTER_MAX_UNZIPPED_MB * MB,
      maxCompressionRatio: c.IMPORTER_MAX_ZIP_RATIO,
      maxZipEntries: c.IMPORTER_MAX_ZIP_ENTRIES,
      maxRows: c.IMPORTER_MAX_ROWS,
      maxColumns: c.IMPORTER_MAX_COLUMNS,
      maxCells: c.IMPORTER_MAX_CELLS,
      maxSharedStrings: c.IMPORTER_MAX_SHARED_STRINGS,
      maxSharedStringBytes: c.IMPORTER_MAX_SHARED_STRINGS_MB * MB,
    },
    concurrency: c.IMPORTER_CONCURRENCY,
    batchSize: c.IMPORTER_BATCH_ROWS,
    inFlight: c.IMPORTER_IN_FLIGHT,
    leaseMs,
    // renew the lease several times within it, so one slow beat does not lose it
    heartbeatMs: Math.max(500, Math.floor(leaseMs / 6)),
    pollMs: 1000,
  };
}
