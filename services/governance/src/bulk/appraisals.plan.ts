import { APPRAISAL_RESULT, auditEntry, AuditEntry, BulkPlan, compositeKey, fromItsYear, isRejection, newId, optionalText, PersonnelAnswer, Planned, Principal, recordAudit, reject, Rejection, RowStatus, upsertById } from '@tw/kernel';
import { In } from 'typeorm';
import { Appraisal } from '../entities/appraisal.entity';
import { AppraisalInput } from '../inputs/appraisal.input';
import { lockedRead } from './locking';
import { checkYear, same } from './rules';
import { appraisalSnapshot } from './snapshots';
import { loadVetoFacts } from './veto-facts';

export interface AppraisalWrite {
  readonly appraisal: Appraisal;
  readonly audit: AuditEntry;
}

const COMPARED: Array<keyof Appraisal> = ['result', 'requestedResult', 'appraiser'];

/**
 * Upserting 年度考核 by teacher + year, with the veto enforced:
 *  - 优秀 for a teacher vetoed that year (ethics 不合格, or a sanction in effect) is refused with the reasons;
 *  - any other result, when the year's ethics result is 不合格, is written as 不合格 (the submitted
 *    result kept as `requestedResult`) and the row says so.
 */
export function appraisalPlan(principal: Principal, personnel: PersonnelAnswer, now: Date): BulkPlan<AppraisalInput, AppraisalWrite> {
  return {
    name: 'appraisals',
    key: (r) => compositeKey(r.teacherId, r.year),
    async plan(items, m) {
      const ids = [...new Set(items.map((i) => i.row.teacherId))];
      const years = [...new Set(items.map((i) => i.row.year).filter((y) => Number.isInteger(y)))];
      const [facts, stored] = await Promise.all([
        loadVetoFacts(m, ids, years),
        ids.length && years.length ? m.getRepository(Appraisal).find({ where: { teacherId: In(ids), year: In(years) }, ...lockedRead(m) }) : [],
      ]);
      const byKey = new Map(stored.map((a) => [compositeKey(a.teacherId, a.year), a]));
      return items.map(({ row }): Planned<AppraisalWrite> => {
        const t = personnel.teacher(row.teacherId);
        if (isRejection(t)) return t;
        const badYear = checkYear(row.year, 'year', '考核年度', now);
        if (badYear) return badYear;
        const appraiser = optionalText(row.appraiser, 'appraiser', '考核单位名称', 100);
        if (isRejection(appraiser)) return appraiser;
        if (row.result === 'EXCELLENT') {
          const reasons = facts.reasons(t.id, row.year);
          if (reasons.length) return reject('VETOED', `教师“${t.name}”${row.year} 年度一票否决，年度考核不得评为优秀：${reasons.join('；')}`, 'result');
        }
        const forced = facts.ethicsResult(t.id, row.year) === 'INCOMPETENT' && row.result !== 'INCOMPETENT';
        const key = compositeKey(t.id, row.year);
        const existing = byKey.get(key);
        const next: Appraisal = {
          id: existing?.id ?? newId(),
          teacherId: t.id,
          schoolId: t.school.id,
          year: row.year,
          result: forced ? 'INCOMPETENT' : row.result,
          requestedResult: forced ? row.result : null,
          appraiser,
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
        };
        const notice: Rejection | undefined = forced
          ? { code: 'FORCED_BY_ETHICS', message: `${row.year} 年度师德考核不合格，年度考核结果按规定定为“不合格”（申报为“${APPRAISAL_RESULT.label(row.result)}”）`, field: 'result' }
          : undefined;
        if (existing && COMPARED.every((k) => same(existing[k], next[k]))) return { status: RowStatus.UNCHANGED, id: existing.id, notice };
        const audit = auditEntry(principal, { entity: 'appraisal', entityId: next.id, key, teacherId: t.id, before: existing ? appraisalSnapshot(existing) : null, after: appraisalSnapshot(next) });
        return { status: existing ? RowStatus.UPDATED : RowStatus.CREATED, id: next.id, write: { appraisal: next, audit }, notice };
      });
    },
    async write(writes, m) {
      await upsertById(m, Appraisal, writes.map((w) => w.appraisal), ['school_id', 'result', 'requested_result', 'appraiser', 'updated_at']);
      await recordAudit(m, writes.map((w) => w.audit));
    },
    audit: { entity: 'appraisal', target: Appraisal, recordOf: (w) => w.appraisal, log: false, validFromOf: fromItsYear((w) => w.appraisal.year) },
  };
}
