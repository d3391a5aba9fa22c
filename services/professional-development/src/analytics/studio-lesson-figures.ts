import { appendTo, DESIGNATION_LEVEL, queryRows, sqlMarks, sqlNumber, statisticsDays, STUDIO_KIND, versionsOn } from '@tw/kernel';
import { DataSource } from 'typeorm';
import type { DesignationLevel } from '../rules/designation-rank';
import type { StudioKind } from '../rules/studio-host';

/** Studios existing in a year (founded then or before: a studio records no closing), by kind and level; every pair listed. */
export type StudioCounts = ReadonlyArray<{ readonly kind: StudioKind; readonly level: DesignationLevel; readonly count: number }>;

function studioCounts(found: ReadonlyArray<{ kind: string; level: string; n: unknown }>): StudioCounts {
  const of = new Map(found.map((r) => [`${r.kind}|${r.level}`, sqlNumber(r.n)]));
  return STUDIO_KIND.values().flatMap((kind) => DESIGNATION_LEVEL.values().map((level) => ({ kind, level, count: of.get(`${kind}|${level}`) ?? 0 })));
}

export const NO_STUDIOS: StudioCounts = studioCounts([]);

/** The district's studios of each year, as they were on its statistics day (their versions): one statement. */
export async function districtStudios(ds: DataSource, years: readonly number[]): Promise<Map<number, StudioCounts>> {
  const s = versionsOn('studio', statisticsDays(years));
  const found = await queryRows<{ yr: unknown; kind: string; level: string; n: unknown }>(
    ds,
    `SELECT s.as_of_year AS yr, s.kind AS kind, s.level AS level, COUNT(*) AS n FROM ${s.sql} s WHERE s.founded_year <= s.as_of_year GROUP BY s.as_of_year, s.kind, s.level`,
    s.params,
  );
  return new Map(years.map((year) => [year, studioCounts(found.filter((r) => sqlNumber(r.yr) === year))]));
}

/** Each school's studios of a year, by the host's school recorded on the studio on the year's statistics day (its versions). */
export async function schoolStudios(ds: DataSource, year: number, schoolIds: readonly string[] | null): Promise<Map<string, StudioCounts>> {
  const only = schoolIds ? ` AND s.host_school_id IN (${sqlMarks(schoolIds.length)})` : '';
  const v = versionsOn('studio', statisticsDays([year]));
  const found = await queryRows<{ schoolId: string; kind: string; level: string; n: unknown }>(
    ds,
    `SELECT s.host_school_id AS schoolId, s.kind AS kind, s.level AS level, COUNT(*) AS n FROM ${v.sql} s WHERE s.founded_year <= ?${only} GROUP BY s.host_school_id, s.kind, s.level`,
    [...v.params, year, ...(schoolIds ?? [])],
  );
  const bySchool = new Map<string, typeof found>();
  for (const r of found) appendTo(bySchool, r.schoolId, r);
  return new Map([...bySchool].map(([id, rs]) => [id, studioCounts(rs)]));
}

/** Demonstration lessons (示范课/观摩课/公开课, each one 课次) dated in each year: one GROUP BY over ix_lesson_date. */
export async function districtLessons(ds: DataSource, years: readonly number[]): Promise<Map<number, number>> {
  const found = await queryRows<{ y: unknown; n: unknown }>(
    ds,
    'SELECT SUBSTR(l.date, 1, 4) AS y, COUNT(*) AS n FROM lesson l WHERE l.date >= ? AND l.date <= ? GROUP BY SUBSTR(l.date, 1, 4)',
    [`${Math.min(...years)}-01-01`, `${Math.max(...years)}-12-31`],
  );
  const of = new Map(found.map((r) => [Number(String(r.y)), sqlNumber(r.n)]));
  return new Map(years.map((y) => [y, of.get(y) ?? 0]));
}

/** Each school's lessons of a year, by the presenter's school recorded on the lesson. */
export async function schoolLessons(ds: DataSource, year: number, schoolIds: readonly string[] | null): Promise<Map<string, number>> {
  const only = schoolIds ? ` AND l.school_id IN (${sqlMarks(schoolIds.length)})` : '';
  const found = await queryRows<{ schoolId: string; n: unknown }>(
    ds,
    `SELECT l.school_id AS schoolId, COUNT(*) AS n FROM lesson l WHERE l.date >= ? AND l.date <= ?${only} GROUP BY l.school_id`,
    [`${year}-01-01`, `${year}-12-31`, ...(schoolIds ?? [])],
  );
  return new Map(found.map((r) => [r.schoolId, sqlNumber(r.n)]));
}
