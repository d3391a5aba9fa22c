import { BulkPlan, compositeKey, fromItsYear, isRejection, newId, PersonnelAnswer, Planned, RowStatus, upsertById } from '@tw/kernel';
import { In } from 'typeorm';
import { PrincipalRank } from '../entities/principal-rank.entity';
import { PrincipalRankInput } from '../inputs/principal-rank.input';
import { checkYear, same } from './rules';

const COMPARED: Array<keyof PrincipalRank> = ['schoolId', 'rank'];

/** Upserting principal rank certifications by principal + 认定年度; the school defaults to the principal's own. */
export function principalRankPlan(personnel: PersonnelAnswer, now: Date): BulkPlan<PrincipalRankInput, PrincipalRank> {
  return {
    name: 'principal-ranks',
    key: (r) => compositeKey(r.teacherId, r.year),
    async plan(items, m) {
      const ids = [...new Set(items.map((i) => i.row.teacherId))];
      const stored = ids.length ? await m.getRepository(PrincipalRank).findBy({ teacherId: In(ids) }) : [];
      const byKey = new Map(stored.map((r) => [compositeKey(r.teacherId, r.year), r]));
      return items.map(({ row }): Planned<PrincipalRank> => {
        const t = personnel.teacher(row.teacherId);
        if (isRejection(t)) return t;
        const school = row.schoolId ? personnel.school(row.schoolId) : t.school;
        if (isRejection(school)) return school;
        const badYear = checkYear(row.year, 'year', '认定年度', now);
        if (badYear) return badYear;
        const key = compositeKey(t.id, row.year);
        const existing = byKey.get(key);
        const next: PrincipalRank = { id: existing?.id ?? newId(), teacherId: t.id, schoolId: school.id, rank: row.rank, year: row.year, createdAt: existing?.createdAt ?? now, updatedAt: now };
        if (!existing) return { status: RowStatus.CREATED, id: next.id, write: next };
        return COMPARED.every((k) => same(existing[k], next[k])) ? { status: RowStatus.UNCHANGED, id: existing.id } : { status: RowStatus.UPDATED, id: next.id, write: next };
      });
    },
    write: (rows, m) => upsertById(m, PrincipalRank, rows, ['school_id', 'rank_level', 'updated_at']),
    audit: { entity: 'principal_rank', target: PrincipalRank, log: false, validFromOf: fromItsYear((r) => r.year) },
  };
}
