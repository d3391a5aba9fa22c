import { BaseContext, listLoader } from '@tw/kernel';
import { DataSource } from 'typeorm';
import { StoredError } from '../jobs/job-store';
import { RowIssue } from '../validate/issue';

/** How many rejected rows a job's `errors` field reads at most. */
export const MAX_LISTED_ERRORS = 100;

export interface ImporterContext extends BaseContext {
  readonly ds: DataSource;
  readonly loaders: ReturnType<typeof createLoaders>;
}

interface ErrorRow {
  job_id: string;
  sheet_row: number | string;
  sheet: string;
  cells: string;
  issues: string;
}

export const storedError = (r: ErrorRow): StoredError => ({
  rowNumber: Number(r.sheet_row),
  sheet: r.sheet,
  cells: JSON.parse(r.cells) as unknown[],
  issues: JSON.parse(r.issues) as RowIssue[],
});

/** Per-request loaders: the first rejected rows of every job on a page, in one statement. */
export function createLoaders(ds: DataSource) {
  return {
    errors: listLoader<string, ErrorRow>(
      (ids) =>
        ds.query(
          `SELECT job_id, sheet_row, sheet, cells, issues FROM (
             SELECT e.*, ROW_NUMBER() OVER (PARTITION BY job_id ORDER BY sheet_row) AS rn FROM import_row_error e WHERE job_id IN (${ids.map(() => '?').join(', ')})
           ) x WHERE rn <= ${MAX_LISTED_ERRORS} ORDER BY job_id, sheet_row`,
          [...ids],
        ),
      (r) => r.job_id,
    ),
  };
}
