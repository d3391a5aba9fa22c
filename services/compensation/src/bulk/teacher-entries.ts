import { canWriteSchool, Principal, Rejection, SERVING_STATUSES, TeacherDirectory, TeacherDirectoryEntry } from '@tw/kernel';
import { reject } from './rules';

/** What a record keeps of the teacher's situation when it is written (as recorded). */
export interface Recorded {
  readonly schoolId: string;
  readonly schoolPublic: boolean;
  readonly teacherServing: boolean;
}

export function recordedOf(t: TeacherDirectoryEntry): Recorded {
  return {
    schoolId: t.school.id,
    schoolPublic: t.school.sponsor === 'PUBLIC',
    teacherServing: (SERVING_STATUSES as readonly string[]).includes(t.status),
  };
}

/**
 * The teachers a batch of rows names, asked of personnel (through the directory) before the bulk
 * transaction opens, so no database transaction waits on a call to another service.
 */
export function teachersOfRows(directory: TeacherDirectory, rows: ReadonlyArray<{ teacherId: string }>): Promise<Map<string, TeacherDirectoryEntry>> {
  const ids = [...new Set(rows.map((r) => r.teacherId).filter((id) => !!id))];
  return ids.length ? directory.lookup(ids) : Promise.resolve(new Map());
}

/** The row's teacher, or why the row cannot name them: unknown to personnel, another name, another school. */
export function teacherOfRow(
  teachers: ReadonlyMap<string, TeacherDirectoryEntry>,
  principal: Principal,
  row: { teacherId: string; name?: string | null },
): TeacherDirectoryEntry | Rejection {
  const t = teachers.get(row.teacherId);
  if (!t) return reject('TEACHER_NOT_FOUND', `教师 id“${row.teacherId}”不在教师名册中：请先在人事服务中导入该教师`, 'teacherId');
  const name = row.name?.normalize('NFKC').replace(/\s+/g, '');
  if (name && name !== t.name.replace(/\s+/g, '')) return reject('NAME_MISMATCH', `姓名“${row.name}”与教师名册中的“${t.name}”不一致`, 'name');
  if (!canWriteSchool(principal, t.school.id)) {
    return reject('TEACHER_FORBIDDEN', `无权填报教师“${t.name}”的数据：该教师不属于本账号的学校`, 'teacherId');
  }
  return t;
}
