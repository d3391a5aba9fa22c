import { canWriteSchool, Principal, Rejection, TeacherDirectory, TeacherDirectoryEntry } from '@tw/kernel';
import { reject } from './rules';

export type TeacherOf = (teacherId: string) => TeacherDirectoryEntry | Rejection;

/**
 * Asks personnel (one request per 1,000 ids) for the teachers a batch of rows names, before the
 * write transaction opens, and answers each id: the teacher, or why the row may not name them —
 * unknown to personnel, or of another school than a SCHOOL_ADMIN's.
 */
export async function resolveTeachers(directory: TeacherDirectory, principal: Principal, ids: readonly string[]): Promise<TeacherOf> {
  const known = ids.length ? await directory.lookup([...new Set(ids)]) : new Map<string, TeacherDirectoryEntry>();
  return (id) => {
    const t = known.get(id);
    if (!t) return reject('TEACHER_NOT_FOUND', `教师 id“${id}”在人事系统中不存在：请先在人事系统中导入该教师`, 'teacherId');
    if (!canWriteSchool(principal, t.school.id)) {
      return reject('SCHOOL_FORBIDDEN', `无权写入教师“${t.name}”的记录：本账号只能维护本校（${principal.schoolId ?? '无'}）教师的数据`, 'teacherId');
    }
    return t;
  };
}
