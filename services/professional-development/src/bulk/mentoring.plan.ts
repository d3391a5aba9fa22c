import {
  BulkPlan,
  compositeKey,
  currentYearInChina,
  isRejection,
  newId,
  PersonnelAnswer,
  Planned,
  reject,
  Rejection,
  RowStatus,
  upsertById,
} from '@tw/kernel';
import { In } from 'typeorm';
import { MentoringPair } from '../entities/mentoring-pair.entity';
import { MentoringPairInput } from '../inputs/mentoring.input';
import { MIN_YEAR } from './values';

const COLUMNS = ['start_date', 'end_date', 'updated_at'];

function checkRow(row: MentoringPairInput, personnel: PersonnelAnswer, now: Date): Omit<MentoringPair, 'id' | 'createdAt' | 'updatedAt'> | Rejection {
  if (row.mentorId === row.menteeId) return reject('SAME_TEACHER', `师傅与徒弟不能是同一名教师（${personnel.teacherName(row.mentorId)}）`, 'menteeId');
  const mentor = personnel.teacher(row.mentorId, 'mentorId', '师傅');
  if (isRejection(mentor)) return mentor;
  const mentee = personnel.teacher(row.menteeId, 'menteeId', '徒弟');
  if (isRejection(mentee)) return mentee;
  const startYear = Number(row.startDate.slice(0, 4));
  // a pairing may be agreed before the term it starts in, so next year is allowed
  if (startYear < MIN_YEAR || startYear > currentYearInChina(now) + 1) return reject('BAD_DATE', `结对开始日期 ${row.startDate} 无效`, 'startDate');
  const endDate = row.endDate ?? null;
  if (endDate !== null && endDate < row.startDate) return reject('END_BEFORE_START', `结对结束日期 ${endDate} 早于开始日期 ${row.startDate}`, 'endDate');
  return { mentorId: mentor.id, mentorSchoolId: mentor.school.id, menteeId: mentee.id, menteeSchoolId: mentee.school.id, startDate: row.startDate, endDate };
}

/**
 * Upserting 师徒结对 by mentor + mentee. A SCHOOL_ADMIN records pairs of their own school's teachers;
 * a pair across schools is recorded by the district.
 */
export function mentoringPlan(personnel: PersonnelAnswer, now: Date): BulkPlan<MentoringPairInput, MentoringPair> {
  return {
    name: 'mentoring',
    key: (r) => compositeKey(r.mentorId, r.menteeId),
    async plan(items, m) {
      const checked = items.map(({ row }) => checkRow(row, personnel, now));
      const mentees = [...new Set(checked.filter((c) => !isRejection(c)).map((c) => (c as MentoringPair).menteeId))];
      const stored = mentees.length ? await m.getRepository(MentoringPair).findBy({ menteeId: In(mentees) }) : [];
      const byKey = new Map(stored.map((p) => [compositeKey(p.mentorId, p.menteeId), p]));
      return checked.map((c): Planned<MentoringPair> => {
        if (isRejection(c)) return c;
        const existing = byKey.get(compositeKey(c.mentorId, c.menteeId));
        const next: MentoringPair = {
          ...c,
          id: existing?.id ?? newId(),
          mentorSchoolId: existing?.mentorSchoolId ?? c.mentorSchoolId,
          menteeSchoolId: existing?.menteeSchoolId ?? c.menteeSchoolId,
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
        };
        if (!existing) return { status: RowStatus.CREATED, id: next.id, write: next };
        const changed = existing.startDate !== next.startDate || (existing.endDate ?? null) !== next.endDate;
        return changed ? { status: RowStatus.UPDATED, id: existing.id, write: next } : { status: RowStatus.UNCHANGED, id: existing.id };
      });
    },
    write: (rows, m) => upsertById(m, MentoringPair, rows, COLUMNS),
    audit: { entity: 'mentoring_pair', target: MentoringPair, teacherIdOf: (p) => p.menteeId },
  };
}
