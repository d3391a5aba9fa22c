import { BaseContext, listLoader, Principal } from '@tw/kernel';
import type { GraphQLCaller } from '../jobs/gateway-caller';
import { DataSource } from 'typeorm';
import { StoredError, storedRow } from '../jobs/job-store';

/** How many rejected rows a job's `errors` field reads at most. */
export const MAX_LISTED_ERRORS = 100;

export interface ImporterContext extends BaseContext {
  readonly ds: DataSource;
  readonly loaders: ReturnType<typeof createLoaders>;
  /** the gateway, acting for a principal (the data-quality view reads the services with the caller's access) */
  readonly gatewayFor: (p: Principal) => GraphQLCaller;
}

interface ErrorRow {
  job_id: string;
  sheet_row: number | string;
  sheet: string;
  rejected: number | boolean;
  cells: string;
  issues: string;
}

export const storedError = (r: ErrorRow): StoredError => storedRow({ rowNumber: Number(r.sheet_row), sheet: r.sheet, rejected: !!Number(r.rejected), cells: r.cells, issues: r.issues });

/** The first kept rows of every job on a page, rejected or warned, in one statement. */
function firstRows(ds: DataSource, rejected: boolean) {
  return listLoader<string, ErrorRow>(
    (ids) =>
      ds.query(
        `SELECT job_id, sheet_row, sheet, rejected, cells, issues FROM (
           SELECT e.*, ROW_NUMBER() OVER (PARTITION BY job_id ORDER BY sheet_row) AS rn FROM import_row_error e WHERE job_id IN (${ids.map(() => '?').join(', ')}) AND rejected = ?
         ) x WHERE rn <= ${MAX_LISTED_ERRORS} ORDER BY job_id, sheet_row`,
        [...ids, rejected ? 1 : 0],
      ),
    (r) => r.job_id,
  );
}

/** Per-request loaders: the first rejected rows, and the first warned rows, of every job on a page. */
export function createLoaders(ds: DataSource) {
  return { errors: firstRows(ds, true), warnings: firstRows(ds, false) };
}
