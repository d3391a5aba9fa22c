import { APPRAISAL_RESULT, auditEntry, AuditEntry, BulkPlan, compositeKey, fromItsYear, isRejection, newId, PersonnelAnswer, Planned, Principal, recordAudit, reject, Rejection, RowStatus, upsertById } from '@tw/kernel';
import { In } from 'typeorm';
import { Appraisal } from '../entities/appraisal.entity';
import { EthicsAssessment } from '../entities/ethics-assessment.entity';
import { EthicsAssessmentInput } from '../inputs/ethics.input';
import { lockedRead } from './locking';
import { checkYear } from './rules';
import { appraisalSnapshot, ethicsSnapshot } from './snapshots';

/** An assessment to write, its audit entry, and the appraisal its 不合格 forces, when it does. */
export interface EthicsWrite {
  readonly assessment: EthicsAssessment;
  readonly audit: AuditEntry;
  readonly forcedAppraisal?: { readonly appraisal: Appraisal; readonly audit: AuditEntry };
}

/**
 * Upserting 师德考核 by teacher + year. Recording 不合格 for a year in which the teacher already has
 * an appraisal other than 不合格 changes that appraisal to 不合格 in the same transaction (keeping
 * the submitted result as `requestedResult`), audited, and says so on the row. Changing a 不合格
 * to another result does not change a forced appraisal back: the row says to re-import it.
 */
export function ethicsAssessmentPlan(principal: Principal, personnel: PersonnelAnswer, now: Date): BulkPlan<EthicsAssessmentInput, EthicsWrite> {
  return {
    name: 'ethics-assessments',
    key: (r) => compositeKey(r.teacherId, r.year),
    async plan(items, m) {
      const ids = [...new Set(items.map((i) => i.row.teacherId))];
      const years = [...new Set(items.map((i) => i.row.year).filter((y) => Number.isInteger(y)))];
      const [stored, appraisals] = await Promise.all([
        ids.length && years.length ? m.getRepository(EthicsAssessment).find({ where: { teacherId: In(ids), year: In(years) }, ...lockedRead(m) }) : [],
        ids.length && years.length ? m.getRepository(Appraisal).find({ where: { teacherId: In(ids), year: In(years) }, ...lockedRead(m) }) : [],
      ]);
      const byKey = new Map(stored.map((e) => [compositeKey(e.teacherId, e.year), e]));
      const appraisalByKey = new Map(appraisals.map((a) => [compositeKey(a.teacherId, a.year), a]));
      return items.map(({ row }): Planned<EthicsWrite> => {
        const t = personnel.teacher(row.teacherId);
        if (isRejection(t)) return t;
        const badYear = checkYear(row.year, 'year', '师德考核年度', now);
        if (badYear) return badYear;
        const key = compositeKey(t.id, row.year);
        const existing = byKey.get(key);
        const next: EthicsAssessment = {
          id: existing?.id ?? newId(),
          teacherId: t.id,
          schoolId: t.school.id,
          year: row.year,
          result: row.result,
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
        };
        if (existing && existing.result === next.result) return { status: RowStatus.UNCHANGED, id: existing.id };
        const audit = auditEntry(principal, { entity: 'ethics_assessment', entityId: next.id, key, teacherId: t.id, before: existing ? ethicsSnapshot(existing) : null, after: ethicsSnapshot(next) });
        const write: { assessment: EthicsAssessment; audit: AuditEntry; forcedAppraisal?: EthicsWrite['forcedAppraisal'] } = { assessment: next, audit };
        const appraisal = appraisalByKey.get(key);
        let notice: Rejection | undefined;
        if (appraisal && next.result === 'INCOMPETENT' && appraisal.result !== 'INCOMPETENT') {
          const forced: Appraisal = { ...appraisal, result: 'INCOMPETENT', requestedResult: appraisal.requestedResult ?? appraisal.result, updatedAt: now };
          write.forcedAppraisal = {
            appraisal: forced,
            audit: auditEntry(principal, { entity: 'appraisal', entityId: forced.id, key, teacherId: t.id, before: appraisalSnapshot(appraisal), after: appraisalSnapshot(forced) }),
          };
          notice = {
            code: 'APPRAISAL_FORCED',
            message: `${row.year} 年度师德考核不合格：该年度年度考核结果已由“${APPRAISAL_RESULT.label(appraisal.result)}”改为“不合格”`,
            field: 'result',
          };
        } else if (appraisal && existing?.result === 'INCOMPETENT' && next.result !== 'INCOMPETENT' && appraisal.requestedResult) {
          notice = {
            code: 'APPRAISAL_STILL_FORCED',
            message: `${row.year} 年度考核结果仍为“不合格”（因原师德考核不合格而定，申报结果为“${APPRAISAL_RESULT.label(appraisal.requestedResult)}”）；如需更正，请重新导入该年度考核`,
            field: 'result',
          };
        }
        return { status: existing ? RowStatus.UPDATED : RowStatus.CREATED, id: next.id, write, notice };
      });
    },
    async write(writes, m) {
      await upsertById(m, EthicsAssessment, writes.map((w) => w.assessment), ['school_id', 'result', 'updated_at']);
      const forced = writes.flatMap((w) => (w.forcedAppraisal ? [w.forcedAppraisal] : []));
      await upsertById(m, Appraisal, forced.map((f) => f.appraisal), ['result', 'requested_result', 'updated_at']);
      await recordAudit(m, [...writes.map((w) => w.audit), ...forced.map((f) => f.audit)]);
    },
    audit: [
      { entity: 'ethics_assessment', target: EthicsAssessment, recordOf: (w) => w.assessment, log: false, validFromOf: fromItsYear((w) => w.assessment.year) },
      { entity: 'appraisal', target: Appraisal, recordOf: (w) => w.forcedAppraisal?.appraisal, log: false, validFromOf: fromItsYear((w) => w.forcedAppraisal?.appraisal.year) },
    ],
  };
}
