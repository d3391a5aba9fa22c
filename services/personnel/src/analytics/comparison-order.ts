import { badInput } from '@tw/kernel';
import type { SchoolReportMetric, SortDirection } from './metrics';

/** What a school is ordered by: the figure (null when it has none or it is withheld), then its code and id. */
export interface RankedSchool {
  readonly schoolId: string;
  readonly code: string;
  readonly value: number | string | null;
}

const names = new Intl.Collator('zh-CN');

function compareValues(a: number | string, b: number | string): number {
  if (typeof a === 'string' && typeof b === 'string') return names.compare(a, b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The comparison's order: by the figure in the direction asked, schools without it last in either
 * direction (so a withheld figure's place says nothing about it), ties by school code, then id.
 */
export function compareRanked(a: RankedSchool, b: RankedSchool, direction: SortDirection): number {
  if (a.value === null || b.value === null) {
    if (a.value !== b.value) return a.value === null ? 1 : -1;
  } else {
    const c = compareValues(a.value, b.value);
    if (c !== 0) return direction === 'DESC' ? -c : c;
  }
  return a.code < b.code ? -1 : a.code > b.code ? 1 : a.schoolId < b.schoolId ? -1 : a.schoolId > b.schoolId ? 1 : 0;
}

interface CursorBody {
  readonly m: SchoolReportMetric;
  readonly d: SortDirection;
  readonly v: number | string | null;
  readonly c: string;
  readonly i: string;
}

/** A cursor names the last row's place in an order, so the next page starts right after it even if figures moved. */
export function comparisonCursor(metric: SchoolReportMetric, direction: SortDirection, row: RankedSchool): string {
  const body: CursorBody = { m: metric, d: direction, v: row.value, c: row.code, i: row.schoolId };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

function readCursor(cursor: string, metric: SchoolReportMetric, direction: SortDirection): RankedSchool {
  let body: CursorBody;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorBody;
  } catch {
    throw badInput(`"${cursor}" is not a cursor the school comparison gave out`);
  }
  if (!body || typeof body.c !== 'string' || typeof body.i !== 'string') throw badInput(`"${cursor}" is not a cursor the school comparison gave out`);
  if (body.m !== metric || body.d !== direction) {
    throw badInput(`This cursor is of the comparison ordered by ${body.m} ${body.d}; this request orders by ${metric} ${direction}`);
  }
  return { schoolId: body.i, code: body.c, value: body.v };
}

/**
 * Orders the schools and cuts the page after `after`: `size` rows, and whether more follow.
 * @example pageOf(rows, 'TEACHER_COUNT', 'DESC', 50, null)
 */
export function pageOf(
  schools: readonly RankedSchool[],
  metric: SchoolReportMetric,
  direction: SortDirection,
  size: number,
  after: string | null | undefined,
): { rows: RankedSchool[]; hasNextPage: boolean } {
  const ordered = [...schools].sort((a, b) => compareRanked(a, b, direction));
  let start = 0;
  if (after) {
    const mark = readCursor(after, metric, direction);
    start = ordered.findIndex((r) => compareRanked(r, mark, direction) > 0);
    if (start < 0) start = ordered.length;
  }
  const rows = ordered.slice(start, start + size);
  return { rows, hasNextPage: start + size < ordered.length };
}
