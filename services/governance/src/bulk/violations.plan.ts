import { APPRAISAL_RESULT, AuditEntry, auditEntry, BulkPlan, cleanText, compositeKey, isRejection, newId, optionalText, PersonnelAnswer, Planned, Principal, recordAudit, reject, Rejection, RowStatus, upsertById, yearOf } from '@tw/kernel';
import { In } from 'typeorm';
import { Appraisal } from '../entities/appraisal.entity';
import { Award } from '../entities/award.entity';
import { NegativeListItem } from '../entities/negative-list-item.entity';
import { Violation } from '../entities/violation.entity';
import { ViolationInput } from '../inputs/violation.input';
import { overlapsYear, sanctionPeriod } from '../rules/veto-rule';
import { negativeListResolver } from './negative-list-refs';
import { checkNotFuture, same } from './rules';
import { violationSnapshot } from './snapshots';

export interface ViolationWrite {
  readonly violation: Violation;
  readonly audit: AuditEntry;
}

const COMPARED: Array<keyof Violation> = ['negativeListItemId', 'reasonText', 'classification', 'sanction', 'revokedOn', 'description'];

/**
 * Upserting violations by teacher + 处分发生日期. The 处分原因 names an item of the negative list (not
 * retired by that date), or describes one in words, which are read by the item's keywords and said
 * so on the row; words that name no item are kept 未归类 (see negative-list-refs.ts). The words are
 * kept as written. An item the bureau settled stays while the same words are sent again. A sanction whose period covers a year in which the teacher already has an
 * 优秀 appraisal or an award is written (the facts are what they are) with a notice to review those.
 */
export function violationPlan(principal: Principal, personnel: PersonnelAnswer, now: Date): BulkPlan<ViolationInput, ViolationWrite> {
  return {
    name: 'violations',
    key: (r) => compositeKey(r.teacherId, r.occurredOn),
    async plan(items, m) {
      const ids = [...new Set(items.map((i) => i.row.teacherId))];
      const [listItems, stored, excellent, awards] = await Promise.all([
        m.getRepository(NegativeListItem).find(),
        ids.length ? m.getRepository(Violation).findBy({ teacherId: In(ids) }) : [],
        ids.length ? m.getRepository(Appraisal).findBy({ teacherId: In(ids), result: 'EXCELLENT' }) : [],
        ids.length ? m.getRepository(Award).findBy({ teacherId: In(ids) }) : [],
      ]);
      const itemOf = negativeListResolver(listItems);
      const itemById = new Map(listItems.map((i) => [i.id, i]));
      const byKey = new Map(stored.map((v) => [compositeKey(v.teacherId, v.occurredOn), v]));
      return items.map(({ row }): Planned<ViolationWrite> => {
        const t = personnel.teacher(row.teacherId);
        if (isRejection(t)) return t;
        const future = checkNotFuture(row.occurredOn, 'occurredOn', '处分发生日期', now);
        if (future) return future;
        const reading = itemOf(row.negativeListItem, row.occurredOn);
        if (isRejection(reading)) return reading;
        const item = reading.item;
        if (item && reading.classification === 'LISTED' && item.retiredOn && row.occurredOn >= item.retiredOn) {
          return reject('NEGATIVE_LIST_ITEM_RETIRED', `负面清单第 ${item.code} 项“${item.title}”已于 ${item.retiredOn} 停用，不能用于 ${row.occurredOn} 的违规`, 'negativeListItem');
        }
        const sanction = row.sanction ?? null;
        const revokedOn = row.revokedOn ?? null;
        if (revokedOn) {
          if (!sanction) return reject('REVOCATION_WITHOUT_SANCTION', `填写了处分撤销日期 ${revokedOn}，但没有处分类别`, 'revokedOn');
          if (revokedOn < row.occurredOn) return reject('REVOKED_BEFORE_SANCTION', `处分撤销日期 ${revokedOn} 早于处分发生日期 ${row.occurredOn}`, 'revokedOn');
          const revokedFuture = checkNotFuture(revokedOn, 'revokedOn', '处分撤销日期', now);
          if (revokedFuture) return revokedFuture;
        }
        const description = optionalText(row.description, 'description', '违规情况', 500);
        if (isRejection(description)) return description;

        const key = compositeKey(t.id, row.occurredOn);
        const existing = byKey.get(key);
        const reasonText = cleanText(row.negativeListItem)!.slice(0, 200);
        // the stored reading holds when the school sends the same words again after the bureau
        // settled the item, or sends the item itself that the words were read as (a national-template
        // file written from these records)
        const settled =
          !!existing &&
          ((existing.classification === 'SETTLED' && existing.reasonText === reasonText) ||
            (reading.classification === 'LISTED' && existing.classification !== 'LISTED' && existing.negativeListItemId === item?.id));
        const next: Violation = {
          id: existing?.id ?? newId(),
          teacherId: t.id,
          schoolId: t.school.id,
          occurredOn: row.occurredOn,
          negativeListItemId: settled ? existing.negativeListItemId : (item?.id ?? null),
          reasonText: settled ? existing.reasonText : reasonText,
          classification: settled ? existing.classification : reading.classification,
          sanction,
          revokedOn,
          description,
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
        };
        // the reason's reading, when there is one, is said on the row
        let notice: Rejection | undefined = settled ? undefined : reading.notice;
        if (existing && COMPARED.every((k) => same(existing[k], next[k]))) return { status: RowStatus.UNCHANGED, id: existing.id, notice };

        const period = sanctionPeriod({ occurredOn: next.occurredOn, sanction, revokedOn });
        if (period) {
          const conflicts = [
            ...excellent.filter((a) => a.teacherId === t.id && overlapsYear(period, a.year)).map((a) => `${a.year} 年度考核“${APPRAISAL_RESULT.label(a.result)}”`),
            ...awards.filter((a) => a.teacherId === t.id && overlapsYear(period, yearOf(a.awardedOn))).map((a) => `荣誉“${a.title}”（${a.awardedOn}）`),
          ];
          if (conflicts.length) {
            // one notice a row: the reason's reading, when there is one, is said after the conflict
            notice = {
              code: 'VETO_CONFLICT',
              message: `请核查：该处分影响期涉及的年度内，教师“${t.name}”已有${conflicts.join('、')}，按一票否决规定不应评定${notice ? `。另：${notice.message}` : ''}`,
              field: 'sanction',
            };
          }
        }
        const audit = auditEntry(
          principal,
          {
            entity: 'violation',
            entityId: next.id,
            key,
            teacherId: t.id,
            before: existing ? violationSnapshot(existing, existing.negativeListItemId ? itemById.get(existing.negativeListItemId) : undefined) : null,
            after: violationSnapshot(next, next.negativeListItemId ? itemById.get(next.negativeListItemId) : undefined),
          },
        );
        return { status: existing ? RowStatus.UPDATED : RowStatus.CREATED, id: next.id, write: { violation: next, audit }, notice };
      });
    },
    async write(writes, m) {
      await upsertById(m, Violation, writes.map((w) => w.violation), ['school_id', 'negative_list_item_id', 'reason_text', 'item_source', 'sanction', 'revoked_on', 'description', 'updated_at']);
      await recordAudit(m, writes.map((w) => w.audit));
    },
    // valid from the day it occurred, a revocation from its day
    audit: {
      entity: 'violation',
      target: Violation,
      recordOf: (w) => w.violation,
      log: false,
      validFromOf: (w, before) => (!before ? w.violation.occurredOn : w.violation.revokedOn && before.revokedOn !== w.violation.revokedOn ? w.violation.revokedOn : null),
    },
  };
}
