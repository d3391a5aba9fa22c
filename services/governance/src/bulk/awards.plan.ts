import { AuditEntry, auditEntry, BulkPlan, cleanText, compositeKey, isRejection, newId, optionalText, PersonnelAnswer, Planned, Principal, recordAudit, reject, requiredText, RowStatus, upsertById, yearOf } from '@tw/kernel';
import { In } from 'typeorm';
import { Award } from '../entities/award.entity';
import { AwardInput } from '../inputs/award.input';
import { checkNotFuture, same } from './rules';
import { awardSnapshot } from './snapshots';
import { loadVetoFacts } from './veto-facts';

export interface AwardWrite {
  readonly award: Award;
  readonly audit: AuditEntry;
}

const COMPARED: Array<keyof Award> = ['level', 'issuer'];

/** Upserting awards by teacher + 荣誉称号 + 荣誉发生日期; an award for a teacher vetoed in the award date's year is refused with the reasons. */
export function awardPlan(principal: Principal, personnel: PersonnelAnswer, now: Date): BulkPlan<AwardInput, AwardWrite> {
  return {
    name: 'awards',
    key: (r) => compositeKey(r.teacherId, cleanText(r.title), r.awardedOn),
    async plan(items, m) {
      const ids = [...new Set(items.map((i) => i.row.teacherId))];
      const years = [...new Set(items.map((i) => yearOf(i.row.awardedOn)))];
      const [facts, stored] = await Promise.all([loadVetoFacts(m, ids, years), ids.length ? m.getRepository(Award).findBy({ teacherId: In(ids) }) : []]);
      const byKey = new Map(stored.map((a) => [compositeKey(a.teacherId, a.title, a.awardedOn), a]));
      return items.map(({ row }): Planned<AwardWrite> => {
        const t = personnel.teacher(row.teacherId);
        if (isRejection(t)) return t;
        const title = requiredText(row.title, 'title', '荣誉称号', 100);
        if (isRejection(title)) return title;
        const issuer = optionalText(row.issuer, 'issuer', '荣誉授予单位名称', 100);
        if (isRejection(issuer)) return issuer;
        const future = checkNotFuture(row.awardedOn, 'awardedOn', '荣誉发生日期', now);
        if (future) return future;
        const year = yearOf(row.awardedOn);
        const reasons = facts.reasons(t.id, year);
        if (reasons.length) return reject('VETOED', `教师“${t.name}”${year} 年度一票否决，不得授予荣誉“${title}”：${reasons.join('；')}`, 'awardedOn');

        const key = compositeKey(t.id, title, row.awardedOn);
        const existing = byKey.get(key);
        const next: Award = {
          id: existing?.id ?? newId(),
          teacherId: t.id,
          schoolId: t.school.id,
          title,
          level: row.level,
          awardedOn: row.awardedOn,
          issuer,
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
        };
        if (existing && COMPARED.every((k) => same(existing[k], next[k]))) return { status: RowStatus.UNCHANGED, id: existing.id };
        const audit = auditEntry(principal, { entity: 'award', entityId: next.id, key, teacherId: t.id, before: existing ? awardSnapshot(existing) : null, after: awardSnapshot(next) });
        return { status: existing ? RowStatus.UPDATED : RowStatus.CREATED, id: next.id, write: { award: next, audit } };
      });
    },
    async write(writes, m) {
      await upsertById(m, Award, writes.map((w) => w.award), ['school_id', 'level', 'issuer', 'updated_at']);
      await recordAudit(m, writes.map((w) => w.audit));
    },
    // the plan writes its own audit snapshots; the kernel keeps the versions, valid from the award date
    audit: { entity: 'award', target: Award, recordOf: (w) => w.award, log: false, validFromOf: (w, before) => (before ? null : w.award.awardedOn) },
  };
}
