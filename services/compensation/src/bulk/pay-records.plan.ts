import { BulkPlan, canWriteSchool, compositeKey, fromItsYear, newId, PersonnelAnswer, Planned, Principal, RowStatus, upsertById } from '@tw/kernel';
import { In } from 'typeorm';
import { MONTHLY_COMPONENTS, monthlyTotal, PayRecord } from '../entities/pay-record.entity';
import { PayRecordInput } from '../inputs/pay-record.input';
import { formatYuan } from '../money/fen';
import { amount, finishedYear, isRejection, MAX_ANNUAL_PAY, MAX_MONTHLY, recordedOf, reject, teacherOfRow } from './rules';

const COLUMNS = [
  'school_id', 'school_public', 'teacher_serving', 'annual_income', 'basic_monthly', 'performance_monthly',
  'rural_subsidy_monthly', 'other_allowance_monthly', 'other_monthly', 'updated_at',
];
const AMOUNTS = ['annualIncome', ...MONTHLY_COMPONENTS.map(([k]) => k)] as const;

/**
 * Upserting pay records by teacher + year. A row is refused when the year has not finished (UTC+8),
 * the teacher is unknown to personnel or outside the token's school, an amount is negative or absurd,
 * or the monthly components × 12 exceed the annual income. The teacher's school, whether it is
 * public and whether they serve are recorded from personnel's answer at write time.
 */
export function payRecordPlan(principal: Principal, personnel: PersonnelAnswer, now: Date): BulkPlan<PayRecordInput, PayRecord> {
  return {
    name: 'pay-records',
    key: (r) => compositeKey(r.teacherId, r.year),
    async plan(items, m) {
      const ids = [...new Set(items.map((i) => i.row.teacherId).filter((id) => !isRejection(personnel.teacher(id))))];
      const years = [...new Set(items.map((i) => i.row.year))];
      const stored = ids.length ? await m.getRepository(PayRecord).findBy({ teacherId: In(ids), year: In(years) }) : [];
      const byKey = new Map(stored.map((p) => [compositeKey(p.teacherId, p.year), p]));
      return items.map(({ row }): Planned<PayRecord> => {
        const t = teacherOfRow(personnel, row);
        if (isRejection(t)) return t;
        const badYear = finishedYear(row.year, now);
        if (badYear) return badYear;
        const badAnnual = amount(row.annualIncome, { title: '年工资收入', field: 'annualIncome', required: true, positive: true, max: MAX_ANNUAL_PAY });
        if (badAnnual) return badAnnual;
        for (const [field, title] of MONTHLY_COMPONENTS) {
          const bad = amount(row[field], { title: `${title}(元/月)`, field, max: MAX_MONTHLY });
          if (bad) return bad;
        }
        const components = {
          basicMonthly: row.basicMonthly ?? null,
          performanceMonthly: row.performanceMonthly ?? null,
          ruralSubsidyMonthly: row.ruralSubsidyMonthly ?? null,
          otherAllowanceMonthly: row.otherAllowanceMonthly ?? null,
          otherMonthly: row.otherMonthly ?? null,
        };
        const monthly = monthlyTotal(components);
        if (monthly * 12n > row.annualIncome) {
          return reject(
            'COMPONENTS_EXCEED_ANNUAL',
            `月工资各项合计 ${formatYuan(monthly)} 元 × 12 = ${formatYuan(monthly * 12n)} 元，超过年工资收入 ${formatYuan(row.annualIncome)} 元`,
            'annualIncome',
          );
        }
        const existing = byKey.get(compositeKey(t.id, row.year));
        if (existing && !canWriteSchool(principal, existing.schoolId)) {
          return reject('RECORD_OF_OTHER_SCHOOL', `教师“${t.name}”${row.year} 年度的工资记录由其他学校填报，须由区教育局修改`, 'teacherId');
        }
        const next: PayRecord = {
          id: existing?.id ?? newId(),
          teacherId: t.id,
          year: row.year,
          ...recordedOf(t),
          annualIncome: row.annualIncome,
          ...components,
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
        };
        if (!existing) return { status: RowStatus.CREATED, id: next.id, write: next };
        const changed = AMOUNTS.some((k) => existing[k] !== next[k]);
        return changed ? { status: RowStatus.UPDATED, id: next.id, write: next } : { status: RowStatus.UNCHANGED, id: existing.id };
      });
    },
    write: (rows, m) => upsertById(m, PayRecord, rows, COLUMNS),
    audit: { entity: 'pay_record', target: PayRecord, teacherIdOf: (r) => r.teacherId, validFromOf: fromItsYear((r) => r.year) },
  };
}
