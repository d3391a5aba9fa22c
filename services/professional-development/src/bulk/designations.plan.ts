import { appendTo, BulkPlan, compositeKey, currentYearInChina, DESIGNATION_KIND, DESIGNATION_LEVEL, fromItsYear, isRejection, newId, optionalText, PersonnelAnswer, Planned, reject, Rejection, RowStatus, upsertById } from '@tw/kernel';
import { In } from 'typeorm';
import { designationRefusal, EligibilityChecker, eligibilityUnavailable, EligibilityUnavailable } from '../eligibility';
import { Designation } from '../entities/designation.entity';
import { DesignationInput } from '../inputs/designation.input';
import { checkYear } from './values';

const COLUMNS = ['valid_until', 'issuer', 'updated_at'];

/** The designation a row describes, or why it cannot be recorded (before the veto check). */
function checkRow(row: DesignationInput, personnel: PersonnelAnswer, now: Date): Omit<Designation, 'id' | 'createdAt' | 'updatedAt'> | Rejection {
  const teacher = personnel.teacher(row.teacherId, 'teacherId');
  if (isRejection(teacher)) return teacher;
  const year = checkYear(row.year, 'year', '认定年度', currentYearInChina(now));
  if (isRejection(year)) return year;
  const validUntil = row.validUntil ?? null;
  if (validUntil !== null && Number(validUntil.slice(0, 4)) < year) {
    return reject('EXPIRY_BEFORE_YEAR', `有效期至 ${validUntil} 早于认定年度 ${year}`, 'validUntil');
  }
  const issuer = optionalText(row.issuer, 'issuer', '认定单位', 100);
  if (isRejection(issuer)) return issuer;
  return { teacherId: teacher.id, schoolId: teacher.school.id, kind: row.kind, level: row.level, year, validUntil, issuer };
}

/**
 * Upserting designations by teacher + 称号 + 级别 + 认定年度. A NEW designation of a teacher whom
 * governance reports vetoed (一票否决) in the designation year is refused (ETHICS_VETO); governance is
 * asked once per year among the call's new designations, and a re-import of one already recorded
 * is not asked about. When governance cannot answer, the call fails and nothing is written.
 */
export function designationPlan(personnel: PersonnelAnswer, eligibility: EligibilityChecker, now: Date): BulkPlan<DesignationInput, Designation> {
  return {
    name: 'designations',
    key: (r) => compositeKey(r.teacherId, r.kind, r.level, r.year),
    async plan(items, m) {
      const checked = items.map(({ row }) => checkRow(row, personnel, now));
      const ids = [...new Set(checked.filter((c) => !isRejection(c)).map((c) => (c as Designation).teacherId))];
      const stored = ids.length ? await m.getRepository(Designation).findBy({ teacherId: In(ids) }) : [];
      const byKey = new Map(stored.map((d) => [compositeKey(d.teacherId, d.kind, d.level, d.year), d]));

      const planned = checked.map((c): Planned<Designation> => {
        if (isRejection(c)) return c;
        const existing = byKey.get(compositeKey(c.teacherId, c.kind, c.level, c.year));
        // a designation keeps the school its teacher had when it was first recorded
        const next: Designation = { ...c, id: existing?.id ?? newId(), schoolId: existing?.schoolId ?? c.schoolId, createdAt: existing?.createdAt ?? now, updatedAt: now };
        if (!existing) return { status: RowStatus.CREATED, id: next.id, write: next };
        const changed = (existing.validUntil ?? null) !== next.validUntil || (existing.issuer ?? null) !== next.issuer;
        return changed ? { status: RowStatus.UPDATED, id: existing.id, write: next } : { status: RowStatus.UNCHANGED, id: existing.id };
      });

      // the one-vote veto, for new designations only: one question to governance per year
      const fresh = new Map<number, string[]>();
      planned.forEach((p) => {
        if (!isRejection(p) && p.status === RowStatus.CREATED) appendTo(fresh, p.write!.year, p.write!.teacherId);
      });
      const ask = async (year: number, teacherIds: string[]) => {
        try {
          return await eligibility.check([...new Set(teacherIds)], year);
        } catch (e) {
          throw e instanceof EligibilityUnavailable ? e : eligibilityUnavailable((e as Error).message);
        }
      };
      const answers = new Map(await Promise.all([...fresh].map(async ([year, teacherIds]) => [year, await ask(year, teacherIds)] as const)));
      return planned.map((p) => {
        if (isRejection(p) || p.status !== RowStatus.CREATED) return p;
        const d = p.write!;
        const answer = answers.get(d.year)!.get(d.teacherId);
        // no answer is no permission: the check is never skipped
        if (!answer) throw eligibilityUnavailable(`治理服务未返回教师 ${d.teacherId} 的 ${d.year} 年度资格`);
        const refusal = designationRefusal(answer);
        if (!refusal) return p;
        const name = personnel.teacherName(d.teacherId);
        return reject(
          'ETHICS_VETO',
          `教师“${name}”在 ${d.year} 年度受师德一票否决，不能认定为${DESIGNATION_LEVEL.label(d.level)}${DESIGNATION_KIND.label(d.kind)}：${refusal.join('；')}`,
          'teacherId',
        );
      });
    },
    write: (rows, m) => upsertById(m, Designation, rows, COLUMNS),
    audit: { entity: 'designation', target: Designation, teacherIdOf: (d) => d.teacherId, validFromOf: fromItsYear((d) => d.year) },
  };
}
