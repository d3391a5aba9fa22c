import { queryRows, sqlMarks, sqlNumber, statisticsDays, versionsOn, yearEnd, yearsTable } from '@tw/kernel';
import { DataSource } from 'typeorm';
import type { ReformStatus } from '../entities/school-reform.entity';
import { VIOLATION_OVERLAPS_YEAR } from './veto-sql';

/** A year's governance figures of the district, before personnel's school count is in. */
export interface DistrictGovernance {
  readonly principalsCertified: number;
  readonly teachersCommended: number;
  readonly inspections: number;
  readonly inspectionsPreviousYear: number;
  readonly catalogueItems: number;
  readonly catalogueItemsPreviousYear: number;
  /** reform records in the pilot and completed at the end of the year, and all records */
  readonly reform: { readonly pilot: number; readonly completed: number; readonly records: number };
  readonly vetoedTeachers: number;
}

/** A year's governance figures of one school. */
export interface SchoolGovernance {
  readonly principalsCertified: number;
  readonly teachersCommended: number;
  readonly inspections: number;
  readonly inspectionsPreviousYear: number;
  readonly reformStatus: ReformStatus;
  readonly vetoedTeachers: number;
}

export const NO_SCHOOL_GOVERNANCE: SchoolGovernance = { principalsCertified: 0, teachersCommended: 0, inspections: 0, inspectionsPreviousYear: 0, reformStatus: 'NOT_STARTED', vetoedTeachers: 0 };

/** The day a year's reform figures describe: its last day, or today while it lasts (as reformProgress). */
export const reformAsOf = (year: number, today: string): string => [yearEnd(year), today].sort()[0];

const counts = (found: ReadonlyArray<{ k: unknown; n: unknown }>) => new Map(found.map((r) => [sqlNumber(String(r.k).slice(0, 4)), sqlNumber(r.n)]));

/**
 * The vetoed teachers of each year (ethics 不合格 in the year, or a sanction whose period overlaps it),
 * each counted once however many reasons, per `by` (the year, or the school and year): the
 * assessments and violations as they were on the year's statistics day (their versions), at the
 * school recorded then.
 */
function vetoedSql(years: readonly number[], bySchool: boolean, schoolFilter: string) {
  const y = yearsTable(years);
  const e = versionsOn('ethics_assessment', statisticsDays(years), { yearOf: 'year' });
  const v = versionsOn('violation', statisticsDays(years));
  const school = bySchool ? ', x.schoolId' : '';
  return {
    sql: `SELECT x.yr AS yr${bySchool ? ', x.schoolId AS schoolId' : ''}, COUNT(DISTINCT x.teacherId) AS n FROM (
        SELECT e.year AS yr, e.school_id AS schoolId, e.teacher_id AS teacherId FROM ${e.sql} e
        WHERE e.result = 'INCOMPETENT'${schoolFilter.replace(/\?col/g, 'e.school_id')}
        UNION
        SELECT y.yr AS yr, v.school_id AS schoolId, v.teacher_id AS teacherId FROM ${v.sql} v JOIN (${y.sql}) y ON y.yr = v.as_of_year AND ${VIOLATION_OVERLAPS_YEAR}
        WHERE 1 = 1${schoolFilter.replace(/\?col/g, 'v.school_id')}
      ) x GROUP BY x.yr${school}`,
    params: (ids: readonly string[]) => [...e.params, ...ids, ...v.params, ...y.params, ...ids],
  };
}

/** Principal ranks certified in each year, as they were on its statistics day. */
const ranksOn = (years: readonly number[]) => versionsOn('principal_rank', statisticsDays(years), { yearOf: 'year' });
/** Awards conferred in each year, as they were on its statistics day. */
const awardsOn = (years: readonly number[]) => versionsOn('award', statisticsDays(years), { yearOf: 'SUBSTR(v.awarded_on, 1, 4) + 0' });

/** The district's governance figures of each year: one statement per figure, however many years. */
export async function districtGovernance(ds: DataSource, years: readonly number[], today: string): Promise<Map<number, DistrictGovernance>> {
  const withPrevious = [...new Set(years.flatMap((y) => [y, y - 1]))];
  const first = Math.min(...years);
  const last = Math.max(...years);
  const asOf = years.map((y) => [y, reformAsOf(y, today)] as const);
  const veto = vetoedSql(years, false, '');
  const [rankVersions, awardVersions] = [ranksOn(years), awardsOn(years)];
  const [ranks, commended, events, items, reform, vetoed] = await Promise.all([
    queryRows<{ k: unknown; n: unknown }>(ds, `SELECT r.year AS k, COUNT(*) AS n FROM ${rankVersions.sql} r GROUP BY r.year`, rankVersions.params),
    queryRows<{ k: unknown; n: unknown }>(
      ds,
      `SELECT w.as_of_year AS k, COUNT(DISTINCT w.teacher_id) AS n FROM ${awardVersions.sql} w WHERE w.awarded_on >= ? AND w.awarded_on <= ? GROUP BY w.as_of_year`,
      [...awardVersions.params, `${first}-01-01`, `${last}-12-31`],
    ),
    queryRows<{ k: unknown; n: unknown }>(ds, `SELECT e.year AS k, COUNT(*) AS n FROM inspection_event e WHERE e.year IN (${sqlMarks(withPrevious.length)}) GROUP BY e.year`, withPrevious),
    queryRows<{ k: unknown; n: unknown }>(ds, `SELECT i.year AS k, COUNT(*) AS n FROM inspection_item i WHERE i.year IN (${sqlMarks(withPrevious.length)}) GROUP BY i.year`, withPrevious),
    queryRows<{ yr: unknown; pilot: unknown; completed: unknown; records: unknown }>(
      ds,
      `SELECT y.yr AS yr,
         SUM(CASE WHEN r.completed_on IS NOT NULL AND r.completed_on <= y.as_of THEN 1 ELSE 0 END) AS completed,
         SUM(CASE WHEN (r.completed_on IS NULL OR r.completed_on > y.as_of) AND r.pilot_started_on IS NOT NULL AND r.pilot_started_on <= y.as_of THEN 1 ELSE 0 END) AS pilot,
         COUNT(*) AS records
       FROM school_reform r JOIN (${asOf.map(() => 'SELECT ? AS yr, ? AS as_of').join(' UNION ALL ')}) y ON 1 = 1 GROUP BY y.yr`,
      asOf.flat(),
    ),
    queryRows<{ yr: unknown; n: unknown }>(ds, veto.sql, veto.params([])),
  ]);
  const [rankOf, commendedOf, eventsOf, itemsOf] = [counts(ranks), counts(commended), counts(events), counts(items)];
  const reformOf = new Map(reform.map((r) => [sqlNumber(r.yr), { pilot: sqlNumber(r.pilot), completed: sqlNumber(r.completed), records: sqlNumber(r.records) }]));
  const vetoedOf = new Map(vetoed.map((r) => [sqlNumber(r.yr), sqlNumber(r.n)]));
  return new Map(
    years.map((y) => [
      y,
      {
        principalsCertified: rankOf.get(y) ?? 0,
        teachersCommended: commendedOf.get(y) ?? 0,
        inspections: eventsOf.get(y) ?? 0,
        inspectionsPreviousYear: eventsOf.get(y - 1) ?? 0,
        catalogueItems: itemsOf.get(y) ?? 0,
        catalogueItemsPreviousYear: itemsOf.get(y - 1) ?? 0,
        reform: reformOf.get(y) ?? { pilot: 0, completed: 0, records: 0 },
        vetoedTeachers: vetoedOf.get(y) ?? 0,
      },
    ]),
  );
}

/** Each school's governance figures of a year (every school when `schoolIds` is null), by the school recorded on each record on the year's statistics day (its versions); inspections and reform by their school's own records. */
export async function schoolGovernance(ds: DataSource, year: number, schoolIds: readonly string[] | null, today: string): Promise<Map<string, SchoolGovernance>> {
  const ids = schoolIds ?? [];
  const only = (column: string) => (schoolIds ? ` AND ${column} IN (${sqlMarks(ids.length)})` : '');
  const veto = vetoedSql([year], true, schoolIds ? ` AND ?col IN (${sqlMarks(ids.length)})` : '');
  const asOf = reformAsOf(year, today);
  const [rankVersions, awardVersions] = [ranksOn([year]), awardsOn([year])];
  const [ranks, commended, events, reform, vetoed] = await Promise.all([
    queryRows<{ schoolId: string; n: unknown }>(ds, `SELECT r.school_id AS schoolId, COUNT(*) AS n FROM ${rankVersions.sql} r WHERE 1 = 1${only('r.school_id')} GROUP BY r.school_id`, [...rankVersions.params, ...ids]),
    queryRows<{ schoolId: string; n: unknown }>(
      ds,
      `SELECT w.school_id AS schoolId, COUNT(DISTINCT w.teacher_id) AS n FROM ${awardVersions.sql} w WHERE w.awarded_on >= ? AND w.awarded_on <= ?${only('w.school_id')} GROUP BY w.school_id`,
      [...awardVersions.params, `${year}-01-01`, `${year}-12-31`, ...ids],
    ),
    queryRows<{ schoolId: string; yr: unknown; n: unknown }>(
      ds,
      `SELECT e.school_id AS schoolId, e.year AS yr, COUNT(*) AS n FROM inspection_event e WHERE e.year IN (?, ?) AND e.school_id IS NOT NULL${only('e.school_id')} GROUP BY e.school_id, e.year`,
      [year, year - 1, ...ids],
    ),
    queryRows<{ schoolId: string; status: ReformStatus }>(
      ds,
      `SELECT r.school_id AS schoolId, CASE WHEN r.completed_on IS NOT NULL AND r.completed_on <= ? THEN 'COMPLETED'
         WHEN r.pilot_started_on IS NOT NULL AND r.pilot_started_on <= ? THEN 'PILOT' ELSE 'NOT_STARTED' END AS status
       FROM school_reform r WHERE 1 = 1${only('r.school_id')}`,
      [asOf, asOf, ...ids],
    ),
    queryRows<{ schoolId: string; n: unknown }>(ds, veto.sql, veto.params(ids)),
  ]);
  const out = new Map<string, { -readonly [K in keyof SchoolGovernance]: SchoolGovernance[K] }>();
  const of = (id: string) => out.get(id) ?? out.set(id, { ...NO_SCHOOL_GOVERNANCE }).get(id)!;
  for (const id of ids) of(id);
  for (const r of ranks) of(r.schoolId).principalsCertified = sqlNumber(r.n);
  for (const r of commended) of(r.schoolId).teachersCommended = sqlNumber(r.n);
  for (const r of events) of(r.schoolId)[sqlNumber(r.yr) === year ? 'inspections' : 'inspectionsPreviousYear'] = sqlNumber(r.n);
  for (const r of reform) of(r.schoolId).reformStatus = r.status;
  for (const r of vetoed) of(r.schoolId).vetoedTeachers = sqlNumber(r.n);
  return out;
}
