import { Principal, queryRows, statisticsDays, versionsOn } from '@tw/kernel';
import { DataSource } from 'typeorm';
import { bigintFromSql, Fen } from '../money/fen';
import { readsWholeDistrict, suppressSmallGroups } from '@tw/kernel';

/** A school's talent figures of a year, as this reader may see them. */
export interface SchoolTalent {
  readonly assessed: number;
  /** null when withheld */
  readonly passed: number | null;
  readonly subsidyTotal: Fen | null;
  readonly withheld: boolean;
}

export const NO_TALENT: SchoolTalent = { assessed: 0, passed: 0, subsidyTotal: 0n, withheld: false };

/**
 * Every school's talent figures of a year (by the school on the record on the year's statistics day, from talent_record_version): one GROUP BY over
 * ix_talent_year_school, then the small-group rule exactly as talentTotals applies it, with the
 * schools as the groups and the district total in view: pass counts are over the teachers assessed,
 * the subsidy total over those paid one, and a school whose counts are withheld has its subsidy withheld too.
 */
export async function schoolTalent(ds: DataSource, year: number, reader: Principal | null): Promise<Map<string, SchoolTalent>> {
  const t = versionsOn('talent_record', statisticsDays([year]), { yearOf: 'year' });
  const rows = await queryRows<{ schoolId: string; assessed: unknown; passed: unknown; paid: unknown; subsidyTotal: unknown }>(
    ds,
    `SELECT t.school_id AS schoolId, COUNT(*) AS assessed, SUM(CASE WHEN t.result = 'PASSED' THEN 1 ELSE 0 END) AS passed,
       SUM(CASE WHEN t.result = 'PASSED' AND t.subsidy > 0 THEN 1 ELSE 0 END) AS paid, SUM(CASE WHEN t.result = 'PASSED' THEN COALESCE(t.subsidy, 0) ELSE 0 END) AS subsidyTotal
     FROM ${t.sql} t GROUP BY t.school_id`,
    t.params,
  );
  const groups = rows.map((r) => ({
    schoolId: r.schoolId,
    assessed: Number(bigintFromSql(r.assessed)),
    passed: Number(bigintFromSql(r.passed)),
    paid: Number(bigintFromSql(r.paid)),
    subsidy: bigintFromSql(r.subsidyTotal),
  }));
  const readerSeesAll = readsWholeDistrict(reader);
  const counts = suppressSmallGroups(groups.map((g) => ({ key: g.schoolId, size: g.assessed })), { withTotal: true, readerSeesAll });
  const money = suppressSmallGroups(groups.map((g) => ({ key: g.schoolId, size: g.paid })), { withTotal: true, force: counts.withheld, readerSeesAll });
  return new Map(
    groups.map((g) => [
      g.schoolId,
      {
        assessed: g.assessed,
        passed: counts.withheld.has(g.schoolId) ? null : g.passed,
        subsidyTotal: money.withheld.has(g.schoolId) ? null : g.subsidy,
        withheld: counts.withheld.has(g.schoolId) || money.withheld.has(g.schoolId),
      },
    ]),
  );
}
