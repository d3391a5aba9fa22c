import { Principal, TALENT_CATEGORY } from '@tw/kernel';
import { DataSource } from 'typeorm';
import { TalentCategory, TalentRecord } from '../entities/talent-record.entity';
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

/** Counts and subsidy sums per year and category: one statement, from the index ix_talent_year_category. */
export async function talentGroups(ds: DataSource, years: readonly number[]): Promise<TalentGroup[]> {
  const rows = await ds
    .getRepository(TalentRecord)
    .createQueryBuilder('t')
    .select('t.year', 'year')
    .addSelect('t.category', 'category')
    .addSelect('COUNT(*)', 'assessed')
    .addSelect("SUM(CASE WHEN t.result = 'PASSED' THEN 1 ELSE 0 END)", 'passed')
    .addSelect("SUM(CASE WHEN t.result = 'PASSED' AND t.subsidy > 0 THEN 1 ELSE 0 END)", 'paid')
    .addSelect("SUM(CASE WHEN t.result = 'PASSED' THEN COALESCE(t.subsidy, 0) ELSE 0 END)", 'subsidyTotal')
    .where('t.year IN (:...years)', { years: [...years] })
    .groupBy('t.year')
    .addGroupBy('t.category')
    .getRawMany<{ year: unknown; category: TalentCategory; assessed: unknown; passed: unknown; paid: unknown; subsidyTotal: unknown }>();
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
