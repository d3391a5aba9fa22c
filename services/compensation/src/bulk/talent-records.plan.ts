import { BulkPlan, compositeKey, fromItsYear, newId, PersonnelAnswer, Planned, RowStatus, upsertById } from '@tw/kernel';
import { In } from 'typeorm';
import { TalentRecord } from '../entities/talent-record.entity';
import { TalentRecordInput } from '../inputs/talent-record.input';
import { formatYuan } from '../money/fen';
import { amount, isRejection, MAX_ANNUAL_PAY, recordedOf, reject, teacherOfRow, yearUpTo } from './rules';

const COLUMNS = ['category', 'result', 'subsidy', 'school_id', 'school_public', 'teacher_serving', 'updated_at'];

/**
 * Upserting talent records by teacher + year. The assessment of a year may be entered from within
 * that year (it closes in December); a subsidy is paid only on a passed assessment, so a subsidy on
 * a failed one is refused.
 */
export function talentRecordPlan(personnel: PersonnelAnswer, now: Date): BulkPlan<TalentRecordInput, TalentRecord> {
  return {
    name: 'talent-records',
    key: (r) => compositeKey(r.teacherId, r.year),
    async plan(items, m) {
      const ids = [...new Set(items.map((i) => i.row.teacherId).filter((id) => !isRejection(personnel.teacher(id))))];
      const years = [...new Set(items.map((i) => i.row.year))];
      const stored = ids.length ? await m.getRepository(TalentRecord).findBy({ teacherId: In(ids), year: In(years) }) : [];
      const byKey = new Map(stored.map((p) => [compositeKey(p.teacherId, p.year), p]));
      return items.map(({ row }): Planned<TalentRecord> => {
        const t = teacherOfRow(personnel, row);
        if (isRejection(t)) return t;
        const badYear = yearUpTo(row.year, now, 0);
        if (badYear) return badYear;
        const badSubsidy = amount(row.subsidy, { title: '补贴金额', field: 'subsidy', max: MAX_ANNUAL_PAY });
        if (badSubsidy) return badSubsidy;
        const subsidy = row.subsidy ?? null;
        if (row.result === 'FAILED' && subsidy !== null && subsidy > 0n) {
          return reject('SUBSIDY_ON_FAILED', `考核结果为不合格，不能发放补贴（补贴金额 ${formatYuan(subsidy)} 元）：补贴只发给考核合格的人才`, 'subsidy');
        }
        const existing = byKey.get(compositeKey(t.id, row.year));
        const next: TalentRecord = {
          id: existing?.id ?? newId(),
          teacherId: t.id,
          year: row.year,
          category: row.category,
          result: row.result,
          subsidy,
          ...recordedOf(t),
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
        };
        if (!existing) return { status: RowStatus.CREATED, id: next.id, write: next };
        const changed = existing.category !== next.category || existing.result !== next.result || existing.subsidy !== next.subsidy;
        return changed ? { status: RowStatus.UPDATED, id: next.id, write: next } : { status: RowStatus.UNCHANGED, id: existing.id };
      });
    },
    write: (rows, m) => upsertById(m, TalentRecord, rows, COLUMNS),
    audit: { entity: 'talent_record', target: TalentRecord, teacherIdOf: (r) => r.teacherId, validFromOf: fromItsYear((r) => r.year) },
  };
}
