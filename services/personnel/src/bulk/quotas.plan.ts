import { BulkPlan, compositeKey, isRejection, newId, Planned, reject, RowStatus, upsertById } from '@tw/kernel';
import { In } from 'typeorm';
import { StaffingQuota } from '../entities/staffing-quota.entity';
import { QuotaInput } from '../inputs/quota.input';
import { resolveSchoolRefs } from './school-refs';

export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

/** Upserting approved quotas by school + year (a district decision: DISTRICT_ADMIN only). */
export function quotaPlan(now: Date): BulkPlan<QuotaInput, StaffingQuota> {
  return {
    name: 'quotas',
    key: (r) => compositeKey(r.schoolId ?? r.schoolCode ?? r.schoolName, r.year),
    async plan(items, m) {
      const schoolOf = await resolveSchoolRefs(m, items.map((i) => i.row));
      const schools = items.map((i) => schoolOf(i.row));
      const ids = schools.filter((s) => !isRejection(s)).map((s) => (s as { id: string }).id);
      const years = [...new Set(items.map((i) => i.row.year))];
      const stored = ids.length ? await m.getRepository(StaffingQuota).findBy({ schoolId: In(ids), year: In(years) }) : [];
      const byKey = new Map(stored.map((q) => [compositeKey(q.schoolId, q.year), q]));
      const seen = new Set<string>();
      return items.map(({ row }, i): Planned<StaffingQuota> => {
        const school = schools[i];
        if (isRejection(school)) return school;
        if (!Number.isInteger(row.year) || row.year < MIN_YEAR || row.year > MAX_YEAR) return reject('BAD_YEAR', `年度 ${row.year} 无效`, 'year');
        if (!Number.isInteger(row.approved) || row.approved < 0 || row.approved > 100_000) {
          return reject('BAD_QUOTA', `核定编制数 ${row.approved} 无效：应为不小于 0 的整数`, 'approved');
        }
        const key = compositeKey(school.id, row.year);
        if (seen.has(key)) return reject('DUPLICATE_KEY', `学校“${school.name}”${row.year} 年度的编制在本批中重复`, 'year');
        seen.add(key);
        const existing = byKey.get(key);
        const next: StaffingQuota = { id: existing?.id ?? newId(), schoolId: school.id, year: row.year, approved: row.approved, updatedAt: now };
        if (!existing) return { status: RowStatus.CREATED, id: next.id, write: next };
        return existing.approved !== row.approved ? { status: RowStatus.UPDATED, id: next.id, write: next } : { status: RowStatus.UNCHANGED, id: existing.id };
      });
    },
    write: (rows, m) => upsertById(m, StaffingQuota, rows, ['approved', 'updated_at']),
    audit: { entity: 'staffing_quota', target: StaffingQuota },
  };
}
