import { Principal, queryRows, statisticsDays, TALENT_CATEGORY, versionsOn } from '@tw/kernel';
import { DataSource } from 'typeorm';
import { TalentCategory } from '../entities/talent-record.entity';
import { bigintFromSql, Fen } from '../money/fen';
import { MIN_GROUP_SIZE, suppressSmallGroups, withheldReason, readsWholeDistrict } from '@tw/kernel';
import { TalentCategoryTotal, TalentTotals } from './talent-totals.type';

export interface TalentGroup {
  readonly year: number;
  readonly category: TalentCategory;
  readonly assessed: number;
  readonly passed: number;
  /** teachers paid a subsidy: those the subsidy total is over */
  readonly paid: number;
  readonly subsidyTotal: Fen;
}

/** Counts and subsidy sums per year and category, each year's records as they were on its statistics day (talent_record_version): one statement. */
export async function talentGroups(ds: DataSource, years: readonly number[]): Promise<TalentGroup[]> {
  const t = versionsOn('talent_record', statisticsDays(years), { yearOf: 'year' });
  const rows = await queryRows<{ year: unknown; category: TalentCategory; assessed: unknown; passed: unknown; paid: unknown; subsidyTotal: unknown }>(
    ds,
    `SELECT t.year AS year, t.category AS category, COUNT(*) AS assessed, SUM(CASE WHEN t.result = 'PASSED' THEN 1 ELSE 0 END) AS passed,
       SUM(CASE WHEN t.result = 'PASSED' AND t.subsidy > 0 THEN 1 ELSE 0 END) AS paid, SUM(CASE WHEN t.result = 'PASSED' THEN COALESCE(t.subsidy, 0) ELSE 0 END) AS subsidyTotal
     FROM ${t.sql} t GROUP BY t.year, t.category`,
    t.params,
  );
  return rows.map((r) => ({
    year: Number(r.year),
    category: r.category,
    assessed: Number(bigintFromSql(r.assessed)),
    passed: Number(bigintFromSql(r.passed)),
    paid: Number(bigintFromSql(r.paid)),
    subsidyTotal: bigintFromSql(r.subsidyTotal),
  }));
}

/**
 * A year's talent totals. Two figures have their own groups: the pass/fail counts are over the
 * teachers assessed, the subsidy total over the teachers paid; each is withheld by the small-group
 * rule with the totals row in view, and a category whose counts are withheld has its subsidy withheld too.
 */
export function talentTotals(year: number, groups: readonly TalentGroup[], reader: Principal | null): TalentTotals {
  const open = readsWholeDistrict(reader);
  const byCategory = new Map(groups.map((g) => [g.category, g]));
  const all = TALENT_CATEGORY.values().map(
    (category): TalentGroup => byCategory.get(category) ?? { year, category, assessed: 0, passed: 0, paid: 0, subsidyTotal: 0n },
  );
  const counts = suppressSmallGroups(all.map((g) => ({ key: g.category, size: g.assessed })), { withTotal: true, readerSeesAll: open });
  const money = suppressSmallGroups(all.map((g) => ({ key: g.category, size: g.paid })), { withTotal: true, force: counts.withheld, readerSeesAll: open });

  const categories = all.map((g) => {
    const countsHidden = counts.withheld.has(g.category);
    const moneyHidden = money.withheld.has(g.category);
    const reason = countsHidden
      ? withheldReason(g.assessed, counts.complementary.has(g.category))
      : moneyHidden
        ? `subsidy total: ${withheldReason(g.paid, money.complementary.has(g.category))}`
        : null;
    return Object.assign(new TalentCategoryTotal(), {
      category: g.category,
      assessed: g.assessed,
      passed: countsHidden ? null : g.passed,
      failed: countsHidden ? null : g.assessed - g.passed,
      subsidyTotal: moneyHidden ? null : g.subsidyTotal,
      withheld: countsHidden || moneyHidden,
      withheldReason: reason,
    });
  });
  const assessed = all.reduce((s, g) => s + g.assessed, 0);
  const passed = all.reduce((s, g) => s + g.passed, 0);
  const paid = all.reduce((s, g) => s + g.paid, 0);
  return Object.assign(new TalentTotals(), {
    year,
    assessed,
    passed: counts.totalWithheld ? null : passed,
    failed: counts.totalWithheld ? null : assessed - passed,
    subsidyTotal: money.totalWithheld || counts.totalWithheld ? null : all.reduce((s, g) => s + g.subsidyTotal, 0n),
    withheld: counts.totalWithheld || money.totalWithheld,
    withheldReason: counts.totalWithheld
      ? withheldReason(assessed, assessed >= MIN_GROUP_SIZE)
      : money.totalWithheld
        ? `subsidy total: ${withheldReason(paid, paid >= MIN_GROUP_SIZE)}`
        : null,
    categories,
  });
}
