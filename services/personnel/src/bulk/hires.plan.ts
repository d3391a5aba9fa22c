import { BulkPlan, compositeKey, currentYearInChina, isRejection, newId, normalizeIdNumber, Planned, Principal, reject, RowStatus, upsertById } from '@tw/kernel';
import { In } from 'typeorm';
import { Hire } from '../entities/hire.entity';
import { HireInput } from '../inputs/hire.input';
import { MAX_YEAR, MIN_YEAR } from './quotas.plan';
import { resolveTeacherRefs } from './teacher-refs';

/** Upserting hires by teacher + 招聘年度. */
export function hirePlan(principal: Principal, now: Date): BulkPlan<HireInput, Hire> {
  return {
    name: 'hires',
    key: (r) => compositeKey(r.teacherId ?? `${r.idType ?? 'RESIDENT_ID'}:${normalizeIdNumber(r.idNumber ?? '')}`, r.year),
    async plan(items, m) {
      const teacherOf = await resolveTeacherRefs(m, principal, items.map((i) => i.row));
      const teachers = items.map((i) => teacherOf(i.row));
      const ids = teachers.filter((t) => !isRejection(t)).map((t) => (t as { id: string }).id);
      const stored = ids.length ? await m.getRepository(Hire).findBy({ teacherId: In(ids) }) : [];
      const byKey = new Map(stored.map((h) => [compositeKey(h.teacherId, h.year), h]));
      const seen = new Set<string>();
      return items.map(({ row }, i): Planned<Hire> => {
        const t = teachers[i];
        if (isRejection(t)) return t;
        if (!Number.isInteger(row.year) || row.year < MIN_YEAR || row.year > currentYearInChina(now) + 1 || row.year > MAX_YEAR) {
          return reject('BAD_YEAR', `招聘年度 ${row.year} 无效`, 'year');
        }
        if (row.inQuotaDate && Number(row.inQuotaDate.slice(0, 4)) < row.year) {
          return reject('IN_QUOTA_BEFORE_HIRE', `入编日期 ${row.inQuotaDate} 早于招聘年度 ${row.year}`, 'inQuotaDate');
        }
        const key = compositeKey(t.id, row.year);
        if (seen.has(key)) return reject('DUPLICATE_KEY', `教师“${t.name}”${row.year} 年度的招聘记录在本批中重复`, 'year');
        seen.add(key);
        const existing = byKey.get(key);
        const next: Hire = { id: existing?.id ?? newId(), teacherId: t.id, year: row.year, channel: row.channel, inQuotaDate: row.inQuotaDate ?? null, updatedAt: now };
        if (!existing) return { status: RowStatus.CREATED, id: next.id, write: next };
        const changed = existing.channel !== next.channel || (existing.inQuotaDate ?? null) !== next.inQuotaDate;
        return changed ? { status: RowStatus.UPDATED, id: next.id, write: next } : { status: RowStatus.UNCHANGED, id: existing.id };
      });
    },
    write: (rows, m) => upsertById(m, Hire, rows, ['channel', 'in_quota_date', 'updated_at']),
    audit: { entity: 'hire', target: Hire, teacherIdOf: (h) => h.teacherId, validFromOf: (h) => h.inQuotaDate },
  };
}
