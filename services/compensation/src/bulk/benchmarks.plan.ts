import { BulkPlan, newId, Planned, Principal, RowStatus, upsertById } from '@tw/kernel';
import { In } from 'typeorm';
import { CivilServantBenchmark } from '../entities/civil-servant-benchmark.entity';
import { CivilServantBenchmarkInput } from '../inputs/benchmark.input';
import { amount, finishedYear, MAX_ANNUAL_PAY } from './rules';

/** Upserting the civil servants' average annual pay by year (a finished year, as for teachers' pay). */
export function benchmarkPlan(principal: Principal, now: Date): BulkPlan<CivilServantBenchmarkInput, CivilServantBenchmark> {
  return {
    name: 'benchmarks',
    key: (r) => String(r.year),
    async plan(items, m) {
      const stored = await m.getRepository(CivilServantBenchmark).findBy({ year: In(items.map((i) => i.row.year)) });
      const byYear = new Map(stored.map((b) => [b.year, b]));
      return items.map(({ row }): Planned<CivilServantBenchmark> => {
        const badYear = finishedYear(row.year, now);
        if (badYear) return badYear;
        const bad = amount(row.averageAnnualPay, { title: '公务员年平均工资', field: 'averageAnnualPay', required: true, positive: true, max: MAX_ANNUAL_PAY });
        if (bad) return bad;
        const existing = byYear.get(row.year);
        const next: CivilServantBenchmark = { id: existing?.id ?? newId(), year: row.year, averageAnnualPay: row.averageAnnualPay, updatedBy: principal.subject, updatedAt: now };
        if (!existing) return { status: RowStatus.CREATED, id: next.id, write: next };
        return existing.averageAnnualPay !== next.averageAnnualPay ? { status: RowStatus.UPDATED, id: next.id, write: next } : { status: RowStatus.UNCHANGED, id: existing.id };
      });
    },
    write: (rows, m) => upsertById(m, CivilServantBenchmark, rows, ['average_annual_pay', 'updated_by', 'updated_at']),
    audit: { entity: 'civil_servant_benchmark', target: CivilServantBenchmark },
  };
}
