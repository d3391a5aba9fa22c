import { queryRows, sqlMarks, sqlNumber, statisticsDays, versionsOn, yearsTable } from '@tw/kernel';
import { DataSource } from 'typeorm';
import type { RosterCount } from './designated-roster';

/** Designations conferred (认定年度) per year in [first, last], each year's as they were on its statistics day: one GROUP BY year. */
export async function designationsByYear(ds: DataSource, first: number, last: number): Promise<Map<number, number>> {
  if (last < first) return new Map();
  const d = versionsOn('designation', statisticsDays(Array.from({ length: last - first + 1 }, (_, i) => first + i)), { yearOf: 'year' });
  const found = await queryRows<{ yr: unknown; n: unknown }>(ds, `SELECT d.year AS yr, COUNT(*) AS n FROM ${d.sql} d GROUP BY d.year`, d.params);
  return new Map(found.map((r) => [sqlNumber(r.yr), sqlNumber(r.n)]));
}

/** Each school's designations conferred from `sinceYear` through `year`, as they were on `year`'s statistics day (the school recorded on the designation then). */
export async function schoolNewDesignations(ds: DataSource, sinceYear: number, year: number, schoolIds: readonly string[] | null): Promise<Map<string, number>> {
  const only = schoolIds ? ` AND d.school_id IN (${sqlMarks(schoolIds.length)})` : '';
  const v = versionsOn('designation', statisticsDays([year]));
  const found = await queryRows<{ schoolId: string; n: unknown }>(
    ds,
    `SELECT d.school_id AS schoolId, COUNT(*) AS n FROM ${v.sql} d WHERE d.year >= ? AND d.year <= ?${only} GROUP BY d.school_id`,
    [...v.params, sinceYear, year, ...(schoolIds ?? [])],
  );
  return new Map(found.map((r) => [r.schoolId, sqlNumber(r.n)]));
}

/**
 * The teachers holding a designation valid in each year (conferred then or before, not expired before
 * it began: the rule of rules/designation-validity.ts), the designations as they were on the year's
 * statistics day (their versions), each teacher once: one statement for any number of years.
 */
export async function designatedTeachers(ds: DataSource, years: readonly number[]): Promise<Map<number, string[]>> {
  const y = yearsTable(years);
  const d = versionsOn('designation', statisticsDays(years));
  const found = await queryRows<{ yr: unknown; teacherId: string }>(
    ds,
    `SELECT DISTINCT y.yr AS yr, d.teacher_id AS teacherId FROM ${d.sql} d
     JOIN (${y.sql}) y ON y.yr = d.as_of_year AND d.year <= y.yr AND (d.valid_until IS NULL OR d.valid_until >= y.first_day)`,
    [...d.params, ...y.params],
  );
  const out = new Map<number, string[]>(years.map((year) => [year, []]));
  for (const r of found) out.get(sqlNumber(r.yr))?.push(r.teacherId);
  return out;
}

/** What the designated teachers of a year are, counted by personnel (the district, or one school). */
export interface DesignatedFigures {
  /** designated teachers serving now in public schools */
  readonly designatedPublic: number;
  /** designated teachers serving now (backbone: holding a valid designation) */
  readonly backbone: number;
  /** of those, party members */
  readonly backboneParty: number;
}

export const NO_DESIGNATED: DesignatedFigures = { designatedPublic: 0, backbone: 0, backboneParty: 0 };

/** Adds up personnel's per-school counts. */
export function designatedFigures(counts: readonly RosterCount[]): DesignatedFigures {
  return counts.reduce(
    (f, c) => ({ designatedPublic: f.designatedPublic + (c.public ? c.teachers : 0), backbone: f.backbone + c.teachers, backboneParty: f.backboneParty + c.partyMembers }),
    NO_DESIGNATED,
  );
}
