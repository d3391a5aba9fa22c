import { Principal, queryRows, statisticsDays, versionsOn } from '@tw/kernel';
import { DataSource, In } from 'typeorm';
import { PerformancePayAllocation } from '../entities/performance-pay-allocation.entity';
import { bigintFromSql, Fen } from '../money/fen';
import { MIN_GROUP_SIZE, suppressSmallGroups, withheldReason, readsWholeDistrict } from '@tw/kernel';
import { PerformancePaySummary, SchoolPerformancePay } from './performance-pay.type';

/** A school's pay records of a year, as SQL sums their performance pay. */
export interface PerformanceGroup {
  readonly year: number;
  readonly schoolId: string;
  readonly schoolPublic: boolean;
  readonly records: number;
  /** records with some performance pay: the teachers the paid total is over */
  readonly paidTeachers: number;
  readonly monthlyTotal: Fen;
}

/** SUM of monthly performance pay per year and school, each year's records as they were on its statistics day (pay_record_version): one statement. */
export async function performanceGroups(ds: DataSource, years: readonly number[]): Promise<PerformanceGroup[]> {
  const p = versionsOn('pay_record', statisticsDays(years), { yearOf: 'year' });
  const rows = await queryRows<{ year: number | string; schoolId: string; schoolPublic: unknown; records: unknown; paidTeachers: unknown; monthlyTotal: unknown }>(
    ds,
    `SELECT p.year AS year, p.school_id AS schoolId, MAX(p.school_public) AS schoolPublic, COUNT(*) AS records,
       SUM(CASE WHEN p.performance_monthly > 0 THEN 1 ELSE 0 END) AS paidTeachers, SUM(COALESCE(p.performance_monthly, 0)) AS monthlyTotal
     FROM ${p.sql} p GROUP BY p.year, p.school_id`,
    p.params,
  );
  return rows.map((r) => ({
    year: Number(r.year),
    schoolId: r.schoolId,
    schoolPublic: Number(r.schoolPublic) === 1 || r.schoolPublic === true,
    records: Number(bigintFromSql(r.records)),
    paidTeachers: Number(bigintFromSql(r.paidTeachers)),
    monthlyTotal: bigintFromSql(r.monthlyTotal),
  }));
}

export function allocationsOf(ds: DataSource, years: readonly number[]): Promise<PerformancePayAllocation[]> {
  return ds.getRepository(PerformancePayAllocation).findBy({ year: In([...years]) });
}

export interface PerformanceTable {
  readonly summary: PerformancePaySummary;
  readonly bySchool: ReadonlyMap<string, SchoolPerformancePay>;
}

/** The figures of a school with neither an approved total nor pay records in the year. */
export function emptySchoolPerformance(schoolId: string, year: number): SchoolPerformancePay {
  return Object.assign(new SchoolPerformancePay(), {
    school: { id: schoolId },
    year,
    approvedTotal: null,
    paidTotal: 0n,
    difference: null,
    payRecords: 0,
    withheld: false,
    withheldReason: null,
  });
}

/**
 * A year's performance pay per school: paid = SUM(绩效工资/月) × 12 over the school's pay records of
 * the year. The district summary covers the public schools (those with an approved total, or pay
 * records of a public school), so they are withheld with the total in view; private schools alone.
 */
export function performanceTable(
  year: number,
  groups: readonly PerformanceGroup[],
  allocations: readonly PerformancePayAllocation[],
  reader: Principal | null,
): PerformanceTable {
  const approvedOf = new Map(allocations.map((a) => [a.schoolId, a.approvedTotal]));
  const groupOf = new Map(groups.map((g) => [g.schoolId, g]));
  const inSummary = [...new Set([...allocations.map((a) => a.schoolId), ...groups.filter((g) => g.schoolPublic).map((g) => g.schoolId)])];
  const privateIds = groups.filter((g) => !g.schoolPublic && !approvedOf.has(g.schoolId)).map((g) => g.schoolId);
  const figureGroups = (ids: readonly string[]) => ids.map((id) => ({ key: id, size: groupOf.get(id)?.paidTeachers ?? 0, }));
  const pub = suppressSmallGroups(figureGroups(inSummary), { withTotal: true, readerSeesAll: readsWholeDistrict(reader) });
  const priv = suppressSmallGroups(figureGroups(privateIds), { withTotal: false, readerSeesAll: readsWholeDistrict(reader) });

  const schoolFigures = (id: string, withheld: boolean, complementary: boolean): SchoolPerformancePay => {
    const g = groupOf.get(id);
    const approved = approvedOf.get(id) ?? null;
    const paid = withheld ? null : (g?.monthlyTotal ?? 0n) * 12n;
    return Object.assign(new SchoolPerformancePay(), {
      school: { id },
      year,
      approvedTotal: approved,
      paidTotal: paid,
      difference: approved !== null && paid !== null ? approved - paid : null,
      payRecords: g?.records ?? 0,
      withheld,
      withheldReason: withheld ? withheldReason(g?.paidTeachers ?? 0, complementary) : null,
    });
  };
  const bySchool = new Map<string, SchoolPerformancePay>();
  for (const id of privateIds) bySchool.set(id, schoolFigures(id, priv.withheld.has(id), false));
  const listed = inSummary.map((id) => schoolFigures(id, pub.withheld.has(id), pub.complementary.has(id)));
  for (const s of listed) bySchool.set(s.school.id, s);

  const byId = (a: SchoolPerformancePay, b: SchoolPerformancePay) => a.school.id.localeCompare(b.school.id);
  const withDifference = listed.filter((s) => s.difference !== null).sort((a, b) => (a.difference! < b.difference! ? -1 : a.difference! > b.difference! ? 1 : byId(a, b)));
  const unapproved = listed.filter((s) => s.difference === null && !s.withheld).sort(byId);
  const hidden = listed.filter((s) => s.withheld).sort(byId);

  const approvedTotal = allocations.reduce((s, a) => s + a.approvedTotal, 0n);
  const paidTeachers = inSummary.reduce((s, id) => s + (groupOf.get(id)?.paidTeachers ?? 0), 0);
  const paidTotal = pub.totalWithheld ? null : inSummary.reduce((s, id) => s + (groupOf.get(id)?.monthlyTotal ?? 0n), 0n) * 12n;
  const summary = Object.assign(new PerformancePaySummary(), {
    year,
    approvedTotal,
    paidTotal,
    difference: paidTotal === null ? null : approvedTotal - paidTotal,
    payRecords: inSummary.reduce((s, id) => s + (groupOf.get(id)?.records ?? 0), 0),
    withheld: pub.totalWithheld,
    withheldReason: pub.totalWithheld ? withheldReason(paidTeachers, paidTeachers >= MIN_GROUP_SIZE) : null,
    schools: [...withDifference, ...unapproved, ...hidden],
  });
  return { summary, bySchool };
}
