import {
  BulkPlan,
  cleanText,
  compositeKey,
  isRejection,
  newId,
  optionalText,
  PersonnelAnswer,
  Planned,
  reject,
  Rejection,
  requiredText,
  RowStatus,
  todayInChina,
  upsertById,
} from '@tw/kernel';
import { In } from 'typeorm';
import { Lesson } from '../entities/lesson.entity';
import { Studio } from '../entities/studio.entity';
import { LessonInput } from '../inputs/lesson.input';
import { checkCount, MIN_YEAR } from './values';

/** The most observers (观摩人数) one lesson may record. */
export const MAX_OBSERVERS = 100_000;
const COLUMNS = ['subject', 'kind', 'studio_id', 'observers', 'updated_at'];

type CheckedRow = Omit<Lesson, 'id' | 'createdAt' | 'updatedAt' | 'studioId'> & { studioName: string | null };

function checkRow(row: LessonInput, personnel: PersonnelAnswer, now: Date): CheckedRow | Rejection {
  const teacher = personnel.teacher(row.teacherId, 'teacherId', '授课教师');
  if (isRejection(teacher)) return teacher;
  if (Number(row.date.slice(0, 4)) < MIN_YEAR) return reject('BAD_DATE', `日期 ${row.date} 无效：早于 ${MIN_YEAR} 年`, 'date');
  if (row.date > todayInChina(now)) return reject('DATE_IN_FUTURE', `日期 ${row.date} 晚于今天：只记录已经开设的课`, 'date');
  const title = requiredText(row.title, 'title', '课题', 200);
  if (isRejection(title)) return title;
  const subject = optionalText(row.subject, 'subject', '学科', 30);
  if (isRejection(subject)) return subject;
  const observers = checkCount(row.observers, 'observers', '观摩人数', MAX_OBSERVERS, 'BAD_OBSERVERS');
  if (isRejection(observers)) return observers;
  return { date: row.date, teacherId: teacher.id, schoolId: teacher.school.id, title, subject, kind: row.kind, observers, studioName: cleanText(row.studioName) };
}

/**
 * Upserting demonstration lessons by presenter + 日期 + 课题. A lesson names its studio by 工作室名称,
 * which must already be recorded.
 */
export function lessonPlan(personnel: PersonnelAnswer, now: Date): BulkPlan<LessonInput, Lesson> {
  return {
    name: 'lessons',
    key: (r) => compositeKey(r.teacherId, r.date, cleanText(r.title) ?? ''),
    async plan(items, m) {
      const checked = items.map(({ row }) => checkRow(row, personnel, now));
      const valid = checked.filter((c): c is CheckedRow => !isRejection(c));
      const teacherIds = [...new Set(valid.map((r) => r.teacherId))];
      const dates = [...new Set(valid.map((r) => r.date))];
      const studioNames = [...new Set(valid.map((r) => r.studioName).filter((n): n is string => !!n))];
      const [stored, studios] = await Promise.all([
        teacherIds.length ? m.getRepository(Lesson).findBy({ teacherId: In(teacherIds), date: In(dates) }) : [],
        studioNames.length ? m.getRepository(Studio).findBy({ name: In(studioNames) }) : [],
      ]);
      const byKey = new Map(stored.map((l) => [compositeKey(l.teacherId, l.date, l.title), l]));
      const studioByName = new Map(studios.map((s) => [s.name, s]));
      return checked.map((c): Planned<Lesson> => {
        if (isRejection(c)) return c;
        const { studioName, ...fields } = c;
        const studio = studioName ? studioByName.get(studioName) : undefined;
        if (studioName && !studio) return reject('STUDIO_NOT_FOUND', `工作室“${studioName}”不存在，请先导入工作室`, 'studioName');
        const existing = byKey.get(compositeKey(c.teacherId, c.date, c.title));
        const next: Lesson = {
          ...fields,
          id: existing?.id ?? newId(),
          schoolId: existing?.schoolId ?? fields.schoolId,
          studioId: studio?.id ?? null,
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
        };
        if (!existing) return { status: RowStatus.CREATED, id: next.id, write: next };
        const changed =
          (existing.subject ?? null) !== next.subject || existing.kind !== next.kind || (existing.studioId ?? null) !== next.studioId || (existing.observers ?? null) !== next.observers;
        return changed ? { status: RowStatus.UPDATED, id: existing.id, write: next } : { status: RowStatus.UNCHANGED, id: existing.id };
      });
    },
    write: (rows, m) => upsertById(m, Lesson, rows, COLUMNS),
    audit: { entity: 'lesson', target: Lesson, teacherIdOf: (l) => l.teacherId },
  };
}
