import { BulkPlan, compositeKey, newId, PersonnelAnswer, Planned, RowStatus, upsertById } from '@tw/kernel';
import { In } from 'typeorm';
import { PerformancePayAllocation } from '../entities/performance-pay-allocation.entity';
import { PerformancePayAllocationInput } from '../inputs/allocation.input';
import { amount, isRejection, MAX_ALLOCATION, reject, yearUpTo } from './rules';

/**
 * Upserting approved performance-pay totals by school + year. Totals are approved ahead of the
 * year they are paid in, so the next year is accepted; 绩效工资总量 is set for public schools only.
 */
export function allocationPlan(personnel: PersonnelAnswer, now: Date): BulkPlan<PerformancePayAllocationInput, PerformancePayAllocation> {
  return {
    name: 'allocations',
    key: (r) => compositeKey(r.schoolId, r.year),
    async plan(items, m) {
      const ids = [...new Set(items.map((i) => i.row.schoolId).filter((id) => !isRejection(personnel.school(id))))];
      const years = [...new Set(items.map((i) => i.row.year))];
      const stored = ids.length ? await m.getRepository(PerformancePayAllocation).findBy({ schoolId: In(ids), year: In(years) }) : [];
      const byKey = new Map(stored.map((a) => [compositeKey(a.schoolId, a.year), a]));
      return items.map(({ row }): Planned<PerformancePayAllocation> => {
        const school = personnel.school(row.schoolId);
        if (isRejection(school)) return school;
        if (school.sponsor !== 'PUBLIC') return reject('SCHOOL_NOT_PUBLIC', `“${school.name}”是民办学校：核定绩效工资总量只适用于公办学校`, 'schoolId');
        const badYear = yearUpTo(row.year, now, 1);
        if (badYear) return badYear;
        const bad = amount(row.approvedTotal, { title: '核定绩效工资总量', field: 'approvedTotal', required: true, max: MAX_ALLOCATION });
        if (bad) return bad;
        const existing = byKey.get(compositeKey(school.id, row.year));
        const next: PerformancePayAllocation = { id: existing?.id ?? newId(), schoolId: school.id, year: row.year, approvedTotal: row.approvedTotal, updatedAt: now };
        if (!existing) return { status: RowStatus.CREATED, id: next.id, write: next };
        return existing.approvedTotal !== next.approvedTotal ? { status: RowStatus.UPDATED, id: next.id, write: next } : { status: RowStatus.UNCHANGED, id: existing.id };
      });
    },
    write: (rows, m) => upsertById(m, PerformancePayAllocation, rows, ['approved_total', 'updated_at']),
    audit: { entity: 'performance_pay_allocation', target: PerformancePayAllocation },
  };
}
