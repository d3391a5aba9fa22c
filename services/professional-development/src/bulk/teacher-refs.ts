import { canWriteSchool, Principal, reject, Rejection, TeacherDirectoryEntry } from '@tw/kernel';

/** The teachers a bulk call names, as personnel answered for them (absent: unknown to personnel). */
export type KnownTeachers = ReadonlyMap<string, TeacherDirectoryEntry>;

/**
 * A teacher a row names by id: one personnel knows (else TEACHER_NOT_FOUND), whose school the
 * principal may write (else TEACHER_FORBIDDEN; a SCHOOL_ADMIN writes only their own school's teachers).
 */
export function teacherOf(known: KnownTeachers, principal: Principal, id: string, field: string, title = '教师'): TeacherDirectoryEntry | Rejection {
  const t = known.get(id);
  if (!t) return reject('TEACHER_NOT_FOUND', `${title} id“${id}”不在教师名册中，请先在人事系统中导入该教师的基本信息`, field);
  if (!canWriteSchool(principal, t.school.id)) {
    return reject('TEACHER_FORBIDDEN', `无权写入${title}“${t.name}”的数据：该教师不属于本账号的学校`, field);
  }
  return t;
}
