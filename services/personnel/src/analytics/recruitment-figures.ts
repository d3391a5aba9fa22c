import { HIRE_CHANNEL, queryRows, sqlMarks, sqlNumber, statisticsDay } from '@tw/kernel';
import { DataSource } from 'typeorm';
import type { HireChannel } from '../entities/hire.entity';

/** A year's recruitment, rotation and quota figures (of the district or of one school). */
export interface RecruitmentFigures {
  /** hires whose 入编日期 falls in the year */
  readonly inQuotaHires: number;
  /** hires of the year (招聘年度), by channel; every channel listed */
  readonly recruitedByChannel: ReadonlyArray<{ readonly channel: HireChannel; readonly count: number }>;
  /** rotations whose 开始年月 falls in the year */
  readonly rotations: number;
  /** 核定编制数 of the year; null when none is approved (a school without a quota row) */
  readonly quotaApproved: number | null;
}

const byChannel = (counts: ReadonlyMap<string, number>) => HIRE_CHANNEL.values().map((channel) => ({ channel, count: counts.get(channel) ?? 0 }));
const yearKey = (y: unknown) => Number(String(y).slice(0, 4));

/**
 * The district's figures for each year asked: four statements however many years (each a GROUP BY
 * year over an index: ix_hire_year, ix_hire_in_quota_date, ix_rotation_start_school, ix_quota_year_school).
 */
export async function districtRecruitment(ds: DataSource, years: readonly number[]): Promise<Map<number, RecruitmentFigures>> {
  const first = Math.min(...years);
  const last = Math.max(...years);
  const [hires, inQuota, rotations, quotas] = await Promise.all([
    queryRows<{ year: unknown; channel: string; n: unknown }>(
      ds,
      `SELECT h.year AS year, h.channel AS channel, COUNT(*) AS n FROM hire h WHERE h.year IN (${sqlMarks(years.length)}) GROUP BY h.year, h.channel`,
      years,
    ),
    queryRows<{ y: unknown; n: unknown }>(
      ds,
      `SELECT SUBSTR(h.in_quota_date, 1, 4) AS y, COUNT(*) AS n FROM hire h WHERE h.in_quota_date >= ? AND h.in_quota_date <= ? GROUP BY SUBSTR(h.in_quota_date, 1, 4)`,
      [`${first}-01-01`, `${last}-12-31`],
    ),
    queryRows<{ y: unknown; n: unknown }>(
      ds,
      `SELECT SUBSTR(r.start_month, 1, 4) AS y, COUNT(*) AS n FROM rotation r WHERE r.start_month >= ? AND r.start_month <= ? GROUP BY SUBSTR(r.start_month, 1, 4)`,
      [`${first}-01`, `${last}-12`],
    ),
    queryRows<{ year: unknown; approved: unknown; n: unknown }>(
      ds,
      `SELECT q.year AS year, SUM(q.approved) AS approved, COUNT(*) AS n FROM staffing_quota q WHERE q.year IN (${sqlMarks(years.length)}) GROUP BY q.year`,
      years,
    ),
  ]);
  const inQuotaOf = new Map(inQuota.map((r) => [yearKey(r.y), sqlNumber(r.n)]));
  const rotationsOf = new Map(rotations.map((r) => [yearKey(r.y), sqlNumber(r.n)]));
  const quotaOf = new Map(quotas.map((r) => [sqlNumber(r.year), sqlNumber(r.approved)]));
  return new Map(
    years.map((year) => {
      const channels = new Map(hires.filter((h) => sqlNumber(h.year) === year).map((h) => [h.channel, sqlNumber(h.n)]));
      return [year, { inQuotaHires: inQuotaOf.get(year) ?? 0, recruitedByChannel: byChannel(channels), rotations: rotationsOf.get(year) ?? 0, quotaApproved: quotaOf.get(year) ?? 0 }];
    }),
  );
}

/** The hire's teacher as of the day (two parameters), and the teacher now. */
const TEACHER_THEN =
  "JOIN teacher t ON t.id = h.teacher_id LEFT JOIN teacher_version v ON v.record_id = h.teacher_id AND v.valid_from <= ? AND (v.valid_to IS NULL OR v.valid_to > ?) AND v.superseded_at IS NULL AND v.op <> 'delete'";
const AT = 'COALESCE(v.school_id, t.school_id)';

/**
 * Each school's figures for a year (every school when `schoolIds` is null). A hire counts at the
 * school its teacher served on the year's statistics day (a hire record carries no school; the
 * school now when the teacher was not in the roster that day); a rotation at the school it
 * started from (原单位), when that is a school of the district.
 */
export async function schoolRecruitment(ds: DataSource, year: number, schoolIds: readonly string[] | null, day = statisticsDay(year)): Promise<Map<string, RecruitmentFigures>> {
  const only = (column: string) => (schoolIds ? ` AND ${column} IN (${sqlMarks(schoolIds.length)})` : '');
  const ids = schoolIds ?? [];
  const [hires, inQuota, rotations, quotas] = await Promise.all([
    queryRows<{ schoolId: string; channel: string; n: unknown }>(
      ds,
      `SELECT ${AT} AS schoolId, h.channel AS channel, COUNT(*) AS n FROM hire h ${TEACHER_THEN}
       WHERE h.year = ?${only(AT)} GROUP BY ${AT}, h.channel`,
      [day, day, year, ...ids],
    ),
    queryRows<{ schoolId: string; n: unknown }>(
      ds,
      `SELECT ${AT} AS schoolId, COUNT(*) AS n FROM hire h ${TEACHER_THEN}
       WHERE h.in_quota_date >= ? AND h.in_quota_date <= ?${only(AT)} GROUP BY ${AT}`,
      [day, day, `${year}-01-01`, `${year}-12-31`, ...ids],
    ),
    queryRows<{ schoolId: string; n: unknown }>(
      ds,
      `SELECT r.from_school_id AS schoolId, COUNT(*) AS n FROM rotation r
       WHERE r.start_month >= ? AND r.start_month <= ? AND r.from_school_id IS NOT NULL${only('r.from_school_id')} GROUP BY r.from_school_id`,
      [`${year}-01`, `${year}-12`, ...ids],
    ),
    queryRows<{ schoolId: string; approved: unknown }>(ds, `SELECT q.school_id AS schoolId, q.approved AS approved FROM staffing_quota q WHERE q.year = ?${only('q.school_id')}`, [year, ...ids]),
  ]);
  const schools = new Set([...(schoolIds ?? []), ...hires.map((r) => r.schoolId), ...inQuota.map((r) => r.schoolId), ...rotations.map((r) => r.schoolId), ...quotas.map((r) => r.schoolId)]);
  const inQuotaOf = new Map(inQuota.map((r) => [r.schoolId, sqlNumber(r.n)]));
  const rotationsOf = new Map(rotations.map((r) => [r.schoolId, sqlNumber(r.n)]));
  const quotaOf = new Map(quotas.map((r) => [r.schoolId, sqlNumber(r.approved)]));
  const channelsOf = new Map<string, Map<string, number>>();
  for (const h of hires) channelsOf.set(h.schoolId, (channelsOf.get(h.schoolId) ?? new Map<string, number>()).set(h.channel, sqlNumber(h.n)));
  return new Map(
    [...schools].map((id) => [
      id,
      { inQuotaHires: inQuotaOf.get(id) ?? 0, recruitedByChannel: byChannel(channelsOf.get(id) ?? new Map()), rotations: rotationsOf.get(id) ?? 0, quotaApproved: quotaOf.get(id) ?? null },
    ]),
  );
}

/** What a school with no records of the year answers. */
export const NO_RECRUITMENT: RecruitmentFigures = { inQuotaHires: 0, recruitedByChannel: byChannel(new Map()), rotations: 0, quotaApproved: null };
