import { Principal, queryRows, statisticsDays, versionsOn } from '@tw/kernel';
import { DataSource } from 'typeorm';
import { bigintFromSql, Fen } from '../money/fen';
import { MIN_GROUP_SIZE, suppressSmallGroups, withheldReason, readsWholeDistrict } from '@tw/kernel';
import { against, averageOf, compareAverages } from './figure-math';
import { PayParity, SchoolPay } from './pay-parity.type';

/** Serving teachers' pay records of one school and year, as SQL sums them. */
export interface PayGroup {
  readonly year: number;
  readonly schoolId: string;
  readonly schoolPublic: boolean;
  readonly count: number;
  readonly total: Fen;
}

/**
 * SUM and COUNT of serving teachers' annual income per year, school and public/private: each year's
 * records as they were on its statistics day (the teacher's school and status then, from
 * pay_record_version), one statement for any number of years.
 */
export async function payGroups(ds: DataSource, years: readonly number[]): Promise<PayGroup[]> {
  const p = versionsOn('pay_record', statisticsDays(years), { yearOf: 'year' });
  const rows = await queryRows<{ year: number | string; schoolId: string; schoolPublic: number | boolean | string; count: number | string; total: unknown }>(
    ds,
    `SELECT p.year AS year, p.school_id AS schoolId, p.school_public AS schoolPublic, COUNT(*) AS count, SUM(p.annual_income) AS total
     FROM ${p.sql} p WHERE p.teacher_serving = 1 GROUP BY p.year, p.school_id, p.school_public`,
    p.params,
  );
  return rows.map((r) => ({
    year: Number(r.year),
    schoolId: r.schoolId,
    schoolPublic: Number(r.schoolPublic) === 1 || r.schoolPublic === true,
    count: Number(r.count),
    total: bigintFromSql(r.total),
  }));
}

/** A year's parity, and every school's figures by id (public and private), as this reader may see them. */
export interface PayTable {
  readonly parity: PayParity;
  readonly bySchool: ReadonlyMap<string, SchoolPay>;
}

function schoolPay(g: PayGroup, benchmark: Fen | null, withheld: boolean, complementary: boolean): SchoolPay {
  const shown = !withheld;
  const average = shown ? averageOf(g.total, g.count) : null;
  const parity = g.schoolPublic ? against(average, benchmark) : { ratio: null, meetsPolicy: null, gap: null };
  return Object.assign(new SchoolPay(), {
    school: { id: g.schoolId },
    year: g.year,
    public: g.schoolPublic,
    teachers: g.count,
    averageAnnualIncome: average,
    benchmark,
    ...parity,
    withheld,
    withheldReason: withheld ? withheldReason(g.count, complementary) : null,
  });
}

/** The figures of a school with no serving teacher's pay record in the year. */
export function emptySchoolPay(schoolId: string, year: number, benchmark: Fen | null): SchoolPay {
  return Object.assign(new SchoolPay(), {
    school: { id: schoolId },
    year,
    public: null,
    teachers: 0,
    averageAnnualIncome: null,
    benchmark,
    ratio: null,
    meetsPolicy: null,
    gap: null,
    withheld: false,
    withheldReason: null,
  });
}

/**
 * Builds a year's parity from the per-school groups. Public schools form the district figure, so
 * the small-group rule is applied to them with the total (complementary withholding); a private
 * school's figure stands alone. Withheld schools are listed last, by id, so the order of the list
 * says nothing about their averages.
 */
export function payTable(year: number, groups: readonly PayGroup[], benchmark: Fen | null, reader: Principal | null): PayTable {
  const publicGroups = groups.filter((g) => g.schoolPublic);
  const privateGroups = groups.filter((g) => !g.schoolPublic);
  const figureGroups = (gs: readonly PayGroup[]) => gs.map((g) => ({ key: g.schoolId, size: g.count }));
  const readerSeesAll = readsWholeDistrict(reader);
  const pub = suppressSmallGroups(figureGroups(publicGroups), { withTotal: true, readerSeesAll });
  const priv = suppressSmallGroups(figureGroups(privateGroups), { withTotal: false, readerSeesAll });

  const bySchool = new Map<string, SchoolPay>();
  // a school whose sponsor changed within a year's records has two groups; its public one is the one shown
  for (const g of privateGroups) bySchool.set(g.schoolId, schoolPay(g, benchmark, priv.withheld.has(g.schoolId), false));
  const publicPays = publicGroups.map((g) => schoolPay(g, benchmark, pub.withheld.has(g.schoolId), pub.complementary.has(g.schoolId)));
  for (const s of publicPays) bySchool.set(s.school.id, s);

  const byId = new Map(publicGroups.map((g) => [g.schoolId, g]));
  const shown = publicPays.filter((s) => !s.withheld).sort((a, b) => compareAverages(byId.get(a.school.id)!, byId.get(b.school.id)!) || a.school.id.localeCompare(b.school.id));
  const hidden = publicPays.filter((s) => s.withheld).sort((a, b) => a.school.id.localeCompare(b.school.id));

  const count = publicGroups.reduce((s, g) => s + g.count, 0);
  const total = publicGroups.reduce((s, g) => s + g.total, 0n);
  const average = pub.totalWithheld ? null : averageOf(total, count);
  const parity = Object.assign(new PayParity(), {
    year,
    benchmark,
    teachers: count,
    averageAnnualIncome: average,
    ...against(average, benchmark),
    withheld: pub.totalWithheld,
    withheldReason: pub.totalWithheld ? withheldReason(count, count >= MIN_GROUP_SIZE) : null,
    schools: [...shown, ...hidden],
  });
  return { parity, bySchool };
}
