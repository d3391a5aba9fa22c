import { compositeKey, listLoader, Principal, rowLoader, valueLoader } from '@tw/kernel';
import { DataSource, In } from 'typeorm';
import { CivilServantBenchmark } from './entities/civil-servant-benchmark.entity';
import { PayRecord } from './entities/pay-record.entity';
import { TalentRecord } from './entities/talent-record.entity';
import { payGroups, PayTable, payTable } from './figures/pay-parity';
import { allocationsOf, performanceGroups, PerformanceTable, performanceTable } from './figures/performance-pay';
import { talentGroups, talentTotals } from './figures/talent-totals';
import { TalentTotals } from './figures/talent-totals.type';

export type TeacherYear = { teacherId: string; year: number };
const teacherYearKey = (k: TeacherYear) => compositeKey(k.teacherId, k.year);
const unique = <T>(xs: readonly T[]) => [...new Set(xs)];

/**
 * The per-request loaders of the compensation service. The figures (parity, performance pay, talent
 * totals) are loaded per year, so any number of schools asking for a year's figures share one
 * GROUP BY; they depend on the reader, since the small-group rule withholds by who asks.
 */
export function createLoaders(ds: DataSource, reader: Principal | null) {
  const benchmark = rowLoader<number, CivilServantBenchmark>((years) => ds.getRepository(CivilServantBenchmark).findBy({ year: In([...years]) }), (b) => b.year);
  return {
    payByTeacherYear: rowLoader<TeacherYear, PayRecord>(
      (keys) => ds.getRepository(PayRecord).findBy({ teacherId: In(unique(keys.map((k) => k.teacherId))), year: In(unique(keys.map((k) => k.year))) }),
      (p) => ({ teacherId: p.teacherId, year: p.year }),
      teacherYearKey,
    ),
    payHistory: listLoader<string, PayRecord>(
      (ids) => ds.getRepository(PayRecord).find({ where: { teacherId: In([...ids]) }, order: { year: 'ASC' } }),
      (p) => p.teacherId,
    ),
    talentByTeacherYear: rowLoader<TeacherYear, TalentRecord>(
      (keys) => ds.getRepository(TalentRecord).findBy({ teacherId: In(unique(keys.map((k) => k.teacherId))), year: In(unique(keys.map((k) => k.year))) }),
      (t) => ({ teacherId: t.teacherId, year: t.year }),
      teacherYearKey,
    ),
    benchmark,
    payTables: valueLoader<number, PayTable | null>(async (years) => {
      const [groups, benchmarks] = await Promise.all([payGroups(ds, years), benchmark.loadMany(years)]);
      return new Map(
        years.map((year, i) => {
          const b = benchmarks[i];
          if (b instanceof Error) throw b;
          return [year, payTable(year, groups.filter((g) => g.year === year), b?.averageAnnualPay ?? null, reader)];
        }),
      );
    }, null),
    performanceTables: valueLoader<number, PerformanceTable | null>(async (years) => {
      const [groups, allocations] = await Promise.all([performanceGroups(ds, years), allocationsOf(ds, years)]);
      return new Map(
        years.map((year) => [year, performanceTable(year, groups.filter((g) => g.year === year), allocations.filter((a) => a.year === year), reader)]),
      );
    }, null),
    talentTotals: valueLoader<number, TalentTotals | null>(async (years) => {
      const groups = await talentGroups(ds, years);
      return new Map(years.map((year) => [year, talentTotals(year, groups.filter((g) => g.year === year), reader)]));
    }, null),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
